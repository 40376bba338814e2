/*
 * The portal's data path without the portal: exports are read and turned into entities by
 * nkp-node's code (what the NKP entity provider runs), then read back the way the
 * policy backend reads the catalog, and evaluated by the same engine. A CLI result is therefore
 * what the portal shows for the same export, policy and day.
 */

import {
  NkpSourceSettings,
  NkpWarning,
  OfflineExportSource,
  buildEntities,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import {
  FleetEvaluation,
  PolicyException,
  PolicySettings,
  ReleaseFeedLayer,
  UpgradePlan,
  clusterFactsFromEntity,
  evaluateFleet,
  isNkpCluster,
  releaseCalendarWithServed,
  servedReleasesFromEntities,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

export interface EvaluateExportInput {
  /** Files or folders of `kubectl get -o yaml|json` output. */
  paths: string[];
  /** Relative paths resolve against this. */
  cwd: string;
  source: NkpSourceSettings;
  settings: PolicySettings;
  plans: UpgradePlan[];
  exceptions: PolicyException[];
  /** Release feeds read for this run (between shipped data and app-config, as in the portal). */
  feeds?: readonly ReleaseFeedLayer[];
  /** ISO date or timestamp. */
  now: string;
}

export async function evaluateExport(
  input: EvaluateExportInput,
): Promise<{ evaluation: FleetEvaluation; warnings: NkpWarning[] }> {
  const source = new OfflineExportSource(input.paths, input.cwd);
  const { objects } = await source.read(new AbortController().signal);
  const { entities, warnings } = buildEntities(input.source, objects);

  // As the backend reads them: clusters sorted by entity ref, served releases for the calendar.
  const clusters = entities
    .filter(isNkpCluster)
    .map(clusterFactsFromEntity)
    .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
  if (clusters.length === 0) {
    // A gate that passes on an empty fleet would hide a wrong path or an empty export.
    throw new Error(
      `No NKP clusters found in ${input.paths.join(
        ', ',
      )}; expected exports of NKP clusters, workspaces and projects (see the catalog module's README)`,
    );
  }
  // The same calendar the backend builds from the catalog's release entities.
  const calendar = releaseCalendarWithServed(
    input.settings.calendarOverrides,
    servedReleasesFromEntities(entities),
    input.feeds,
  );

  const evaluation = evaluateFleet({
    clusters,
    calendar,
    config: input.settings.policy,
    plans: input.plans,
    exceptions: input.exceptions,
    now: input.now,
  });
  return { evaluation, warnings };
}
