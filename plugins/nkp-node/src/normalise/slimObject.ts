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

/**
 * What each kind's readers read, as a tree: a key's value is what to copy below it, or `true`
 * for a value copied whole.
 */
interface FieldTree {
  [key: string]: FieldTree | true;
}

const READ_FIELDS: Record<NkpKind, FieldTree> = {
  Workspace: {
    spec: { namespaceName: true, clusterLabels: true },
    status: { namespaceRef: { name: true } },
  },
  Project: { spec: { workspaceRef: true, placement: true } },
  KommanderCluster: {
    spec: { clusterRef: true },
    status: { kubernetesVersion: true, phase: true },
  },
  CapiCluster: {
    spec: {
      controlPlaneEndpoint: true,
      topology: { version: true, class: true, classRef: { name: true } },
    },
    status: { phase: true },
  },
  NKPCluster: {
    spec: { capiClusterRef: true, kommanderClusterRef: true },
    status: { kubernetesVersion: true, platformVersion: true, phase: true },
  },
  Release: {
    spec: { version: true, supportedKubernetesVersions: true, timeline: true },
  },
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
  copyTree(object, READ_FIELDS[resource.kind], slim);
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

/**
 * Copies what `tree` names from `source` into `target`: a leaf whatever its value, a branch
 * only where the source has an object there and something below it to copy.
 */
function copyTree(
  source: Record<string, unknown>,
  tree: FieldTree,
  target: Record<string, unknown>,
): boolean {
  let copied = false;
  for (const key in tree) {
    if (key in source) {
      const below = tree[key];
      if (below === true) {
        target[key] = fleetStrings.share(source[key]);
        copied = true;
      } else {
        const record = asRecord(source[key]);
        const branch: Record<string, unknown> = {};
        if (record && copyTree(record, below, branch)) {
          target[key] = branch;
          copied = true;
        }
      }
    }
  }
  return copied;
}
