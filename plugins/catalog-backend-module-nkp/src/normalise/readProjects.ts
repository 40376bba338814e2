/*
 * Reads Projects and resolves their placement to cluster names through per-workspace label
 * indexes (see ClusterLabelIndex), so placement costs the matched sets, not projects × clusters.
 */

import { ClusterLabelIndex } from './ClusterLabelIndex';
import { CollectedObject } from './collectObjects';
import { descriptionOf, displayNameOf, ownerOf } from './labels';
import { asArray, asString, field } from './objects';
import { ReadWorkspace } from './readWorkspaces';
import { NkpCluster, NkpProject, NkpWarning } from './types';

export function readProjects(
  objects: CollectedObject[],
  workspacesByNamespace: ReadonlyMap<string, ReadWorkspace>,
  workspaceNames: ReadonlySet<string>,
  clusters: NkpCluster[],
  warnings: NkpWarning[],
): NkpProject[] {
  // A project only ever lands on clusters of its own workspace.
  const indexes = new Map<string, ClusterLabelIndex>();
  for (const cluster of clusters) {
    if (cluster.workspace) {
      let index = indexes.get(cluster.workspace);
      if (!index) {
        index = new ClusterLabelIndex();
        indexes.set(cluster.workspace, index);
      }
      index.add(
        cluster.name,
        cluster.labels,
        cluster.kommanderClusterName ? [cluster.kommanderClusterName] : [],
      );
    }
  }
  const clustersByName = new Map(clusters.map(c => [c.name, c]));

  return objects.map(({ meta, object, ref }) => {
    const warn = (message: string) => warnings.push({ object: ref, message });
    const workspace =
      asString(field(object, 'spec', 'workspaceRef', 'name')) ??
      workspacesByNamespace.get(meta.namespace!)?.name;
    if (!workspace) {
      warn(
        'no spec.workspaceRef.name and its namespace belongs to no known workspace',
      );
    } else if (!workspaceNames.has(workspace)) {
      warn(`workspace "${workspace}" is not in this source`);
    }
    const index =
      (workspace && indexes.get(workspace)) || new ClusterLabelIndex();

    const placed = new Set<string>();
    const selector = field(object, 'spec', 'placement', 'clusterSelector');
    if (selector !== undefined) {
      const result = index.select(selector);
      if (result.error) {
        warn(
          `invalid placement.clusterSelector: ${result.error}; it selects no clusters`,
        );
      }
      result.clusters.forEach(name => placed.add(name));
    }
    for (const entry of asArray(
      field(object, 'spec', 'placement', 'clusters'),
    )) {
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

    const project: NkpProject = {
      name: meta.name,
      namespace: meta.namespace!,
      workspace,
      displayName: displayNameOf(meta),
      description: descriptionOf(meta),
      owner: ownerOf(meta),
      clusters: [...placed].sort(),
    };
    for (const name of project.clusters) {
      clustersByName.get(name)?.projects.push(project.name);
    }
    return project;
  });
}
