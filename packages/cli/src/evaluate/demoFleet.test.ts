/*
 * The CLI must show what the portal shows. The expected results here are built step by step along
 * the portal's path (export → normaliseFleet → fleetToEntities → catalog → clusterFactsFromEntity
 * → evaluateFleet), with the demo sources' settings from the repository's app-config.yaml and its demo overlay.
 */

import {
  OfflineExportSource,
  fleetToEntities,
  normaliseFleet,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import {
  ServedNkpRelease,
  buildReleaseCalendar,
  clusterFactsFromEntity,
  evaluateFleet,
  isNkpCluster,
  isNkpRelease,
  parsePolicySettings,
  servedReleaseFromEntity,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { resolve } from 'node:path';
import { runCli } from '../__testUtils__/runCli';
import { readAppConfig } from './readAppConfig';

const repo = resolve(__dirname, '../../../..');
const NOW = '2026-11-21';

async function portalEvaluation(
  folder: string,
  source: { id: string; model: 'management' | 'self-managed'; owner: string },
) {
  const { objects } = await new OfflineExportSource(
    [`examples/nkp-demo-fleet/${folder}`],
    repo,
  ).read(new AbortController().signal);
  const { fleet } = normaliseFleet(objects, { model: source.model });
  const { entities } = fleetToEntities(fleet, {
    sourceId: source.id,
    entityNamePrefix: source.id,
    locationRef: `nkp:${source.id}`,
    owners: { default: source.owner, workspaces: {} },
  });
  const appConfig = await readAppConfig(
    ['app-config.yaml', 'app-config.demo.yaml'],
    {
      cwd: repo,
      env: {},
    },
  );
  const settings = parsePolicySettings({
    policy: appConfig?.getOptional('nkp.policy'),
    calendar: appConfig?.getOptional('nkp.calendar'),
  });
  return evaluateFleet({
    clusters: entities
      .filter(isNkpCluster)
      .map(clusterFactsFromEntity)
      .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1)),
    calendar: buildReleaseCalendar({
      overrides: settings.calendarOverrides,
      served: entities
        .filter(isNkpRelease)
        .map(servedReleaseFromEntity)
        .filter((r): r is ServedNkpRelease => r !== undefined),
    }),
    config: settings.policy,
    now: NOW,
  });
}

describe('the demo fleet', () => {
  it.each([
    ['management', 'demo', 'management', 'group:default/platform-team'],
    ['hooli', 'hooli', 'self-managed', 'group:default/team-hooli'],
    ['stark', 'stark', 'self-managed', 'group:default/team-stark'],
  ] as const)(
    'evaluates the %s export with --source %s as the portal does',
    async (folder, id, model, owner) => {
      const { code, stdout, stderr } = await runCli(
        [
          'evaluate',
          `examples/nkp-demo-fleet/${folder}`,
          '--config',
          'app-config.yaml',
          '--config',
          'app-config.demo.yaml',
          '--source',
          id,
          '--now',
          NOW,
          '--output',
          'json',
        ],
        { cwd: repo },
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

      const expected = await portalEvaluation(folder, { id, model, owner });
      expect(expected.clusters.length).toBeGreaterThan(0);
      expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    },
  );

  it('has clusters in more than one state on the day, so the comparison means something', async () => {
    const evaluation = await portalEvaluation('management', {
      id: 'demo',
      model: 'management',
      owner: 'group:default/platform-team',
    });
    expect(evaluation.fleet.counts).toMatchObject({
      compliant: 8,
      unsupported: 4,
    });
  });
});
