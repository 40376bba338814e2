/*
 * Merges CAPI `Cluster`, `KommanderCluster` and `NKPCluster` objects into one record per cluster
 * and decides what kind of cluster each is. A managed cluster's objects live in its workspace
 * namespace; the source's own cluster is the `host-cluster` KommanderCluster plus, after the
 * self-managed pivot, the one CAPI Cluster outside every workspace namespace.
 */

import { NkpClusterType } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { CollectedObject, CollectedObjects } from './collectObjects';
import { clusterFactsFromObjects } from './clusterFactsFromObjects';
import { describeParts } from './describeParts';
import { displayNameOf, HOST_CLUSTER_NAME, ownerOf } from './labels';
import { compareNames, NormaliseMemo, remember } from './NormaliseMemo';
import { asString, field, ObjectMeta } from './objects';
import { ReadWorkspace } from './readWorkspaces';
import { NkpCluster, NkpWarning } from './types';

/**
 * How the source's own cluster is operated.
 *
 * @public
 */
export type NkpSourceModel = 'management' | 'self-managed';

export interface ClusterParts {
  capi?: CollectedObject;
  kommander?: CollectedObject;
  nkp?: CollectedObject;
}

/** What a cluster's record was made of: its objects and its workspace. */
export interface ClusterInputs {
  parts: ClusterParts;
  isSourceCluster: boolean;
  workspace?: ReadWorkspace;
}

/**
 * The clusters of a source, sorted by name, without their projects (placement comes later) and
 * without `managementCluster`; returned with the name of the source's own cluster, if known.
 */
export function readClusters(
  collected: CollectedObjects,
  workspacesByNamespace: ReadonlyMap<string, ReadWorkspace>,
  model: NkpSourceModel,
  warnings: NkpWarning[],
  memo?: NormaliseMemo,
): {
  clusters: NkpCluster[];
  ownName?: string;
  /** The inputs of each cluster read, by cluster name. */
  inputs: Map<string, ClusterInputs>;
} {
  const byKey = new Map<string, ClusterParts>();
  const partsAt = (namespace: string, name: string) => {
    const key = `${namespace}/${name}`;
    let parts = byKey.get(key);
    if (!parts) {
      parts = {};
      byKey.set(key, parts);
    }
    return parts;
  };
  const attach = (
    parts: ClusterParts,
    role: keyof ClusterParts,
    item: CollectedObject,
  ) => {
    if (parts[role]) {
      warnings.push({
        object: item.ref,
        message: `duplicate of ${parts[role]!.ref}; ignored`,
      });
    } else {
      parts[role] = item;
    }
  };

  for (const capi of collected.CapiCluster) {
    attach(partsAt(capi.meta.namespace!, capi.meta.name), 'capi', capi);
  }

  let host: ClusterParts | undefined;
  for (const kc of collected.KommanderCluster) {
    if (kc.meta.name === HOST_CLUSTER_NAME) {
      host ??= {};
      attach(host, 'kommander', kc);
      continue;
    }
    const capiName = asString(
      field(kc.object, 'spec', 'clusterRef', 'capiCluster', 'name'),
    );
    attach(
      partsAt(kc.meta.namespace!, capiName ?? kc.meta.name),
      'kommander',
      kc,
    );
  }

  for (const nkp of collected.NKPCluster) {
    const capiName = asString(
      field(nkp.object, 'spec', 'capiClusterRef', 'name'),
    );
    const capiNamespace = asString(
      field(nkp.object, 'spec', 'capiClusterRef', 'namespace'),
    );
    const kcName = asString(
      field(nkp.object, 'spec', 'kommanderClusterRef', 'name'),
    );
    if (capiName) {
      attach(
        partsAt(capiNamespace ?? nkp.meta.namespace!, capiName),
        'nkp',
        nkp,
      );
    } else if (kcName === HOST_CLUSTER_NAME) {
      host ??= {};
      attach(host, 'nkp', nkp);
    } else {
      attach(partsAt(nkp.meta.namespace!, kcName ?? nkp.meta.name), 'nkp', nkp);
    }
  }

  const own = findOwnCluster(byKey, host, workspacesByNamespace, warnings);

  const clusters: NkpCluster[] = [];
  const inputs = new Map<string, ClusterInputs>();
  const seenNames = new Map<string, string>();
  const all = [...(own ? [own] : []), ...byKey.values()];
  for (const parts of all) {
    const { capi, kommander, nkp } = parts;
    const isSourceCluster = parts === own;
    // The KommanderCluster's namespace is what puts a cluster into a workspace.
    const workspace = workspacesByNamespace.get(
      (kommander ?? capi ?? nkp)!.meta.namespace ?? '',
    );
    const cluster = remember(
      memo,
      'cluster',
      (capi ?? kommander ?? nkp)!.object,
      [capi, kommander, nkp, isSourceCluster, model, workspace],
      warnings,
      w => toCluster(parts, isSourceCluster, model, workspace, w),
      true,
    );
    const previous = seenNames.get(cluster.name);
    if (previous !== undefined) {
      warnings.push({
        object: describeParts(parts),
        message: `another cluster named "${cluster.name}" exists in namespace ${previous}; skipped`,
      });
      continue;
    }
    seenNames.set(cluster.name, cluster.namespace ?? '');
    clusters.push(cluster);
    inputs.set(cluster.name, { parts, isSourceCluster, workspace });
  }
  const ownName = own ? clusters[0].name : undefined;
  return {
    clusters: clusters.sort((a, b) => compareNames(a.name, b.name)),
    ownName,
    inputs,
  };
}

/**
 * After the self-managed pivot the management cluster's own CAPI Cluster lives on itself,
 * outside every workspace namespace and without a KommanderCluster of its own (the
 * `host-cluster` KommanderCluster stands for it).
 */
function findOwnCluster(
  byKey: Map<string, ClusterParts>,
  host: ClusterParts | undefined,
  workspacesByNamespace: ReadonlyMap<string, ReadWorkspace>,
  warnings: NkpWarning[],
): ClusterParts | undefined {
  const candidates = [...byKey.entries()].filter(
    ([, parts]) =>
      parts.capi &&
      !parts.kommander &&
      !workspacesByNamespace.has(parts.capi.meta.namespace!),
  );
  if (candidates.length > 1) {
    warnings.push({
      object: host?.kommander?.ref ?? 'source',
      message: `several CAPI Clusters outside workspace namespaces (${candidates
        .map(([key]) => key)
        .join(
          ', ',
        )}); cannot tell which one is this source's own cluster, so they are ingested as managed clusters`,
    });
  }
  const single = candidates.length === 1 ? candidates[0] : undefined;
  if (host && single) {
    byKey.delete(single[0]);
    return {
      ...single[1],
      kommander: host.kommander,
      nkp: host.nkp ?? single[1].nkp,
    };
  }
  if (host) {
    return host;
  }
  if (single) {
    byKey.delete(single[0]);
    return single[1];
  }
  warnings.push({
    object: 'source',
    message: `no KommanderCluster "${HOST_CLUSTER_NAME}" and no single CAPI Cluster outside workspace namespaces; the source's own cluster is unknown`,
  });
  return undefined;
}

export function toCluster(
  parts: ClusterParts,
  isSourceCluster: boolean,
  model: NkpSourceModel,
  workspace: ReadWorkspace | undefined,
  warnings: NkpWarning[],
): NkpCluster {
  const { capi, kommander, nkp } = parts;
  const primary = (capi ?? kommander ?? nkp)!;
  let type: NkpClusterType;
  if (isSourceCluster) {
    type = model === 'self-managed' ? 'self-managed' : 'management';
  } else if (
    capi ||
    nkp ||
    field(kommander?.object, 'spec', 'clusterRef', 'capiCluster')
  ) {
    type = 'managed';
  } else {
    type = 'attached';
  }
  const facts = clusterFactsFromObjects(parts, type, warnings);
  return {
    name: primary.meta.name,
    kommanderClusterName: kommander?.meta.name,
    namespace: primary.meta.namespace,
    type,
    // NKP gives the host KommanderCluster the display name `host-cluster` on every
    // installation, which names nothing; the cluster's own name says more.
    displayName: firstOf(parts, meta => {
      const name = displayNameOf(meta);
      return name === HOST_CLUSTER_NAME ? undefined : name;
    }),
    workspace: workspace?.name,
    projects: [],
    isSourceCluster,
    labels: {
      ...capi?.meta.labels,
      ...kommander?.meta.labels,
      ...workspace?.clusterLabels,
    },
    owner: firstOf(parts, ownerOf),
    kubernetesVersion: facts.kubernetesVersion,
    nkpVersion: facts.nkpVersion,
    phase: facts.phase,
    endpoint: facts.endpoint,
  };
}

/** The first value `read` gives of the KommanderCluster, the CAPI Cluster, the NKPCluster. */
function firstOf(
  { kommander, capi, nkp }: ClusterParts,
  read: (meta: ObjectMeta) => string | undefined,
): string | undefined {
  return (
    (kommander && read(kommander.meta)) ||
    (capi && read(capi.meta)) ||
    (nkp && read(nkp.meta)) ||
    undefined
  );
}
