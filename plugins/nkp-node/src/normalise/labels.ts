/*
 * Label and annotation keys read from NKP objects.
 */

import { NKP_ANNOTATION_PREFIX } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ObjectMeta } from './objects';

/**
 * Label or annotation on a Workspace, Project or cluster object naming its owning group. A label
 * value can only be a bare name (`team-acme`); an annotation can hold a full entity reference.
 *
 * @public
 */
export const NKP_OWNER_KEY = `${NKP_ANNOTATION_PREFIX}/owner`;

export const KOMMANDER_DISPLAY_NAME = 'kommander.mesosphere.io/display-name';
export const KOMMANDER_DESCRIPTION = 'kommander.mesosphere.io/description';

/** The name of the KommanderCluster that stands for the management cluster itself. */
export const HOST_CLUSTER_NAME = 'host-cluster';

/** The annotation wins over the label because it can carry a namespaced reference. */
export function ownerOf(meta: ObjectMeta): string | undefined {
  return meta.annotations[NKP_OWNER_KEY] ?? meta.labels[NKP_OWNER_KEY];
}

export function displayNameOf(meta: ObjectMeta): string | undefined {
  return meta.annotations[KOMMANDER_DISPLAY_NAME];
}

export function descriptionOf(meta: ObjectMeta): string | undefined {
  return meta.annotations[KOMMANDER_DESCRIPTION];
}
