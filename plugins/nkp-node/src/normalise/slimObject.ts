/*
 * The fields normalisation reads, per kind, and a projection of raw objects onto them. A
 * Kubernetes-API source keeps every object of its fleet in memory between reads (to apply watch
 * events); a real CAPI Cluster is several kilobytes of JSON of which we read a few hundred
 * bytes, so keeping whole objects would cost tens of kilobytes of heap per cluster.
 *
 * Keep this list in step with the readers: slimObject.test.ts checks that slim and full objects
 * normalise to the same fleet. Strings that repeat across objects (apiVersion, kind, namespace,
 * the string values read, the owner annotation) go through the shared pool; names do not.
 */

import {
  KOMMANDER_DESCRIPTION,
  KOMMANDER_DISPLAY_NAME,
  NKP_OWNER_KEY,
} from './labels';
import { NkpKind, nkpResourceOf } from './kinds';
import { asRecord } from './objects';
import { fleetStrings } from './StringPool';
import { RawObject } from './types';

const READ_FIELDS: Record<NkpKind, string[][]> = {
  Workspace: [
    ['spec', 'namespaceName'],
    ['spec', 'clusterLabels'],
    ['status', 'namespaceRef', 'name'],
  ],
  Project: [
    ['spec', 'workspaceRef'],
    ['spec', 'placement'],
  ],
  KommanderCluster: [
    ['spec', 'clusterRef'],
    ['status', 'kubernetesVersion'],
    ['status', 'phase'],
  ],
  CapiCluster: [
    ['spec', 'controlPlaneEndpoint'],
    ['spec', 'topology', 'version'],
    ['spec', 'topology', 'class'],
    ['spec', 'topology', 'classRef', 'name'],
    ['status', 'phase'],
  ],
  NKPCluster: [
    ['spec', 'capiClusterRef'],
    ['spec', 'kommanderClusterRef'],
    ['status', 'kubernetesVersion'],
    ['status', 'platformVersion'],
    ['status', 'phase'],
  ],
  Release: [
    ['spec', 'version'],
    ['spec', 'supportedKubernetesVersions'],
    ['spec', 'timeline'],
  ],
};

/** The only annotations any reader looks at; `last-applied-configuration` alone can be kilobytes. */
const READ_ANNOTATIONS = [
  KOMMANDER_DISPLAY_NAME,
  KOMMANDER_DESCRIPTION,
  NKP_OWNER_KEY,
];

/**
 * Copies of `object` with only what normalisation reads. Objects of unknown kinds, and values
 * that are not objects at all, are returned unchanged so that normalisation still warns about
 * them by name.
 */
export function slimObject(object: RawObject): RawObject {
  const kind = typeof object.kind === 'string' ? object.kind : undefined;
  const apiVersion =
    typeof object.apiVersion === 'string' ? object.apiVersion : undefined;
  const resource = kind && apiVersion && nkpResourceOf(apiVersion, kind);
  if (!resource) {
    return object;
  }
  const slim: RawObject = {
    apiVersion: fleetStrings.share(apiVersion),
    kind: resource.objectKind,
  };
  const metadata = asRecord(object.metadata);
  if (metadata) {
    slim.metadata = slimMetadata(metadata);
  } else if (object.metadata !== undefined) {
    slim.metadata = object.metadata;
  }
  for (const path of READ_FIELDS[resource.kind]) {
    copyPath(object, slim, path);
  }
  return slim;
}

function slimMetadata(metadata: Record<string, unknown>) {
  const slim: Record<string, unknown> = {
    name: metadata.name,
    namespace: fleetStrings.share(metadata.namespace),
    labels: metadata.labels,
  };
  const annotations = asRecord(metadata.annotations);
  if (annotations) {
    const kept: Record<string, unknown> = {};
    for (const key of READ_ANNOTATIONS) {
      if (key in annotations) {
        kept[key] =
          key === NKP_OWNER_KEY
            ? fleetStrings.share(annotations[key])
            : annotations[key];
      }
    }
    slim.annotations = kept;
  }
  return slim;
}

/** Copies the value at `path` (if any) into `target`, creating the intermediate objects. */
function copyPath(source: unknown, target: RawObject, path: string[]) {
  let from: unknown = source;
  for (const key of path) {
    const record = asRecord(from);
    if (!record || !(key in record)) {
      return;
    }
    from = record[key];
  }
  let to: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    let next = asRecord(to[key]);
    if (!next) {
      next = {};
      to[key] = next;
    }
    to = next;
  }
  to[path[path.length - 1]] = fleetStrings.share(from);
}
