/*
 * Reads Projects and resolves their placement to cluster names through per-workspace label
 * indexes (see ClusterLabelIndex), so placement costs the matched sets, not projects × clusters.
 */

import { ClusterLabelIndex } from './ClusterLabelIndex';
import { CollectedObject } from './collectObjects';
import { descriptionOf, displayNameOf, ownerOf } from './labels';
import { NormaliseMemo, remember } from './NormaliseMemo';
import { asArray, asString, field } from './objects';
import { sortedNames } from './sortedNames';
import { ReadWorkspace } from './readWorkspaces';
import { NkpCluster, NkpProject, NkpWarning } from './types';

/** Placement of a project that names no known workspace: nothing to place it on. */
const NO_CLUSTERS = new ClusterLabelIndex();

/**
 * The projects of a source with the clusters each is placed on. Clusters are not changed; the
 * caller gives each cluster its projects.
 */
export function readProjects(
  objects: CollectedObject[],
  workspaces: ReadWorkspace[],
  workspacesByNamespace: ReadonlyMap<string, ReadWorkspace>,
  clusters: NkpCluster[],
  warnings: NkpWarning[],
  memo?: NormaliseMemo,
): NkpProject[] {
  const workspacesByName = new Map(workspaces.map(w => [w.name, w]));
  // A project only ever lands on clusters of its own workspace.
  const clustersByWorkspace = new Map<string, NkpCluster[]>();
  for (const cluster of clusters) {
    if (cluster.workspace) {
      const list = clustersByWorkspace.get(cluster.workspace);
      if (list) {
        list.push(cluster);
      } else {
        clustersByWorkspace.set(cluster.workspace, [cluster]);
      }
    }
  }
  const indexes = new Map<string, ClusterLabelIndex>();
  for (const [name, members] of clustersByWorkspace) {
    // Rebuilt only when one of the workspace's clusters changed.
    indexes.set(
      name,
      remember(
        memo,
        'labelIndex',
        workspacesByName.get(name)!,
        members,
        [],
        () => indexOf(members),
      ),
    );
  }

  return objects.map(item => {
    const workspace =
      asString(field(item.object, 'spec', 'workspaceRef', 'name')) ??
      workspacesByNamespace.get(item.meta.namespace!)?.name;
    const known = workspace !== undefined && workspacesByName.has(workspace);
    const index = (workspace && indexes.get(workspace)) || NO_CLUSTERS;
    return remember(
      memo,
      'project',
      item.object,
      [workspace, known, index],
      warnings,
      w => readProject(item, workspace, known, index, w),
      true,
    );
  });
}

function indexOf(clusters: NkpCluster[]): ClusterLabelIndex {
  const index = new ClusterLabelIndex();
  for (const cluster of clusters) {
    index.add(
      cluster.name,
      cluster.labels,
      cluster.kommanderClusterName ? [cluster.kommanderClusterName] : [],
    );
  }
  return index;
}

function readProject(
  { meta, object, ref }: CollectedObject,
  workspace: string | undefined,
  known: boolean,
  index: ClusterLabelIndex,
  warnings: NkpWarning[],
): NkpProject {
  const warn = (message: string) => warnings.push({ object: ref, message });
  if (!workspace) {
    warn(
      'no spec.workspaceRef.name and its namespace belongs to no known workspace',
    );
  } else if (!known) {
    warn(`workspace "${workspace}" is not in this source`);
  }

  let selected: string[] = [];
  const selector = field(object, 'spec', 'placement', 'clusterSelector');
  if (selector !== undefined) {
    const result = index.select(selector);
    if (result.error) {
      warn(
        `invalid placement.clusterSelector: ${result.error}; it selects no clusters`,
      );
    }
    selected = result.clusters;
  }
  const named = asArray(field(object, 'spec', 'placement', 'clusters'));
  // A selection is sorted and without repeats already; names are added to it.
  const placed = new Set<string>(named.length > 0 ? selected : []);
  for (const entry of named) {
    const name = asString(field(entry, 'name'));
    const cluster = name && index.resolve(name);
    if (cluster) {
      placed.add(cluster);
    } else {
      warn(
        `placement.clusters names "${
          name ?? '(no name)'
        }", which is not a cluster of workspace "${workspace}"; ignored`,
      );
    }
  }

  return {
    name: meta.name,
    namespace: meta.namespace!,
    workspace,
    displayName: displayNameOf(meta),
    description: descriptionOf(meta),
    owner: ownerOf(meta),
    clusters: named.length > 0 ? sortedNames([...placed]) : selected,
  };
}
