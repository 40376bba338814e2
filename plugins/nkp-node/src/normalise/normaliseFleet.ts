/*
 * The pure core of ingestion: raw objects from one source in, a fleet model and warnings out.
 * No I/O, no clock, no logger; it never throws for a bad object.
 *
 * With a `NormaliseMemo`, work whose objects did not change since the last call is reused (see
 * NormaliseMemo.ts); the result is the same.
 */

import { collectObjects } from './collectObjects';
import { compareNames, NormaliseMemo, remember } from './NormaliseMemo';
import { ClusterInputs, NkpSourceModel, readClusters } from './readClusters';
import { readProjects } from './readProjects';
import { readReleases } from './readReleases';
import { fleetStrings } from './StringPool';
import { ReadWorkspace, readWorkspaces } from './readWorkspaces';
import { NkpCluster, NkpFleet, NkpWarning, NkpWorkspace } from './types';

/** @public */
export interface NormaliseFleetOptions {
  /** How the source's own cluster is operated; default `management`. */
  model?: NkpSourceModel;
  /** Reuses results for unchanged objects across calls for one source. */
  memo?: NormaliseMemo;
}

/** @public */
export function normaliseFleet(
  objects: readonly unknown[],
  options: NormaliseFleetOptions = {},
): { fleet: NkpFleet; warnings: NkpWarning[] } {
  const { fleet, warnings } = normaliseFleetWithInputs(objects, options);
  return { fleet, warnings };
}

/** normaliseFleet, with what each cluster was made of (for FleetPatcher). */
export function normaliseFleetWithInputs(
  objects: readonly unknown[],
  options: NormaliseFleetOptions = {},
): {
  fleet: NkpFleet;
  warnings: NkpWarning[];
  inputs: Map<string, ClusterInputs>;
  model: NkpSourceModel;
} {
  const { memo } = options;
  memo?.startBuild();
  const model = options.model ?? 'management';
  const { collected, warnings } = collectObjects(objects, memo);

  const workspaces = readWorkspaces(collected.Workspace, warnings, memo);
  const workspacesByNamespace = new Map(workspaces.map(w => [w.namespace, w]));
  const { clusters, ownName, inputs } = readClusters(
    collected,
    workspacesByNamespace,
    model,
    warnings,
    memo,
  );
  const projects = readProjects(
    collected.Project,
    workspaces,
    workspacesByNamespace,
    clusters,
    warnings,
    memo,
  ).sort(
    (a, b) =>
      compareNames(a.workspace ?? '', b.workspace ?? '') ||
      compareNames(a.name, b.name),
  );

  // A project is placed only on clusters of its own workspace, so in this order each cluster's
  // list comes out sorted by name.
  const projectsByCluster = new Map<string, string[]>();
  for (const project of projects) {
    for (const name of project.clusters) {
      const list = projectsByCluster.get(name);
      if (list) {
        list.push(project.name);
      } else {
        projectsByCluster.set(name, [project.name]);
      }
    }
  }

  return {
    fleet: {
      clusters: clusters.map(cluster =>
        withPlacement(
          cluster,
          projectsByCluster.get(cluster.name) ?? [],
          ownName,
          memo,
        ),
      ),
      workspaces: workspaces
        .map(workspace => withoutClusterLabels(workspace, memo))
        .sort((a, b) => compareNames(a.name, b.name)),
      projects,
      releases: readReleases(collected.Release, warnings, memo),
    },
    warnings,
    inputs,
    model,
  };
}

/** The cluster with its projects and management cluster; the same object while they are. */
function withPlacement(
  cluster: NkpCluster,
  projects: string[],
  managementCluster: string | undefined,
  memo: NormaliseMemo | undefined,
): NkpCluster {
  return remember(
    memo,
    'placement',
    cluster,
    [fleetStrings.share(projects.join(',')), managementCluster],
    [],
    () => ({ ...cluster, projects, managementCluster }),
  );
}

function withoutClusterLabels(
  workspace: ReadWorkspace,
  memo: NormaliseMemo | undefined,
): NkpWorkspace {
  return remember(memo, 'workspaceModel', workspace, [], [], () => {
    const { clusterLabels: _, ...rest } = workspace;
    return rest;
  });
}
