/*
 * The pure core of ingestion: raw objects from one source in, a fleet model and warnings out.
 * No I/O, no clock, no logger; it never throws for a bad object.
 */

import { collectObjects } from './collectObjects';
import { NkpSourceModel, readClusters } from './readClusters';
import { readProjects } from './readProjects';
import { readReleases } from './readReleases';
import { readWorkspaces } from './readWorkspaces';
import { NkpFleet, NkpWarning } from './types';

/** @public */
export interface NormaliseFleetOptions {
  /** How the source's own cluster is operated; default `management`. */
  model?: NkpSourceModel;
}

/** @public */
export function normaliseFleet(
  objects: readonly unknown[],
  options: NormaliseFleetOptions = {},
): { fleet: NkpFleet; warnings: NkpWarning[] } {
  const { collected, warnings } = collectObjects(objects);

  const workspaces = readWorkspaces(collected.Workspace, warnings);
  const workspacesByNamespace = new Map(workspaces.map(w => [w.namespace, w]));
  const clusters = readClusters(
    collected,
    workspacesByNamespace,
    options.model ?? 'management',
    warnings,
  );
  const projects = readProjects(
    collected.Project,
    workspacesByNamespace,
    new Set(workspaces.map(w => w.name)),
    clusters,
    warnings,
  );

  for (const cluster of clusters) {
    cluster.projects.sort();
  }

  return {
    fleet: {
      clusters,
      workspaces: workspaces
        .map(({ clusterLabels: _, ...workspace }) => workspace)
        .sort((a, b) => a.name.localeCompare(b.name)),
      projects: projects.sort(
        (a, b) =>
          (a.workspace ?? '').localeCompare(b.workspace ?? '') ||
          a.name.localeCompare(b.name),
      ),
      releases: readReleases(collected.Release, warnings),
    },
    warnings,
  };
}
