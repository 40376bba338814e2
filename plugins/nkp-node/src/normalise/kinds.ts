/*
 * The NKP object kinds the normaliser understands, matched by API group and kind. The version is
 * not part of the match so that a server that serves a newer version of the same group still
 * ingests; the field readers accept the shapes of the versions we know.
 */

import { BoundedCache } from './BoundedCache';

/** @public */
export type NkpKind =
  | 'Workspace'
  | 'Project'
  | 'KommanderCluster'
  | 'CapiCluster'
  | 'NKPCluster'
  | 'Release';

/**
 * The resources a source has to read, with the versions NKP serves today. Kubernetes-API sources
 * list exactly these.
 *
 * @public
 */
export const NKP_RESOURCES: ReadonlyArray<{
  kind: NkpKind;
  group: string;
  version: string;
  plural: string;
  objectKind: string;
  namespaced: boolean;
}> = [
  {
    kind: 'Workspace',
    group: 'workspaces.kommander.mesosphere.io',
    version: 'v1alpha1',
    plural: 'workspaces',
    objectKind: 'Workspace',
    namespaced: false,
  },
  {
    kind: 'Project',
    group: 'workspaces.kommander.mesosphere.io',
    version: 'v1alpha1',
    plural: 'projects',
    objectKind: 'Project',
    namespaced: true,
  },
  {
    kind: 'KommanderCluster',
    group: 'kommander.mesosphere.io',
    version: 'v1beta1',
    plural: 'kommanderclusters',
    objectKind: 'KommanderCluster',
    namespaced: true,
  },
  {
    kind: 'CapiCluster',
    group: 'cluster.x-k8s.io',
    version: 'v1beta1',
    plural: 'clusters',
    objectKind: 'Cluster',
    namespaced: true,
  },
  {
    kind: 'NKPCluster',
    group: 'clusters.nkp.nutanix.com',
    version: 'v1alpha1',
    plural: 'nkpclusters',
    objectKind: 'NKPCluster',
    namespaced: true,
  },
  {
    kind: 'Release',
    group: 'release.nkp.nutanix.com',
    version: 'v1alpha1',
    plural: 'releases',
    objectKind: 'Release',
    namespaced: false,
  },
];

const byGroupAndKind = new Map<
  string,
  Map<string, (typeof NKP_RESOURCES)[number]>
>();
for (const resource of NKP_RESOURCES) {
  const kinds = byGroupAndKind.get(resource.group) ?? new Map();
  kinds.set(resource.objectKind, resource);
  byGroupAndKind.set(resource.group, kinds);
}

/** The group of each apiVersion seen. */
const groups = new BoundedCache<string, string>(1_000);

/** The NKP kind of an object, from its `apiVersion` and `kind`, if it is one we read. */
export function nkpResourceOf(apiVersion: string, kind: string) {
  // Looked up twice per object read: no split or concatenation once the apiVersion is known.
  return byGroupAndKind.get(groups.get(apiVersion, groupOf))?.get(kind);
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
