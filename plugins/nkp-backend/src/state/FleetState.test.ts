/**
 * The release calendar of an evaluation: NKP Release objects served through the catalog are its
 * top layer, read on every evaluation, so a new release or an announced end of life changes the
 * clusters' states without a restart.
 */
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NKP_RELEASE_ANNOTATIONS,
  parsePolicyConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore } from '../database/PolicyStore';
import { FleetReader } from './FleetReader';
import { FleetState } from './FleetState';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const selfManaged = (name: string, nkpVersion: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'nkp-lifecycle.io/source': 'test',
      'backstage.io/managed-by-location': 'nkp:test',
      'backstage.io/managed-by-origin-location': 'nkp:test',
      'nkp-lifecycle.io/cluster-type': 'self-managed',
      'nkp-lifecycle.io/nkp-version': nkpVersion,
      'nkp-lifecycle.io/kubernetes-version': '1.33.1',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-a' },
});

const release = (
  version: string,
  timeline: { releaseDate?: string; endOfLifeDate?: string },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `nkp-${version}`,
    annotations: {
      'nkp-lifecycle.io/source': 'mgmt-1',
      'backstage.io/managed-by-location': 'nkp:mgmt-1',
      'backstage.io/managed-by-origin-location': 'nkp:mgmt-1',
      'nkp-lifecycle.io/object-name': `nkp-${version}`,
      [NKP_RELEASE_ANNOTATIONS.version]: version,
      ...(timeline.releaseDate
        ? { [NKP_RELEASE_ANNOTATIONS.releaseDate]: timeline.releaseDate }
        : {}),
      ...(timeline.endOfLifeDate
        ? { [NKP_RELEASE_ANNOTATIONS.endOfLifeDate]: timeline.endOfLifeDate }
        : {}),
    },
  },
  spec: { type: 'nkp-release', owner: 'group:default/platform-team' },
});

// Shipped calendar: the newest NKP is 2.17, so 2.14 is three minors behind, at the window's edge.
const clusters = [
  selfManaged('edge', '2.14.1'),
  selfManaged('recent', '2.16.0'),
];

/** A fleet state over a catalog the test can change between evaluations. */
async function fleetOver(initial: Entity[]) {
  let catalog = catalogServiceMock({ entities: initial });
  const changing = {
    queryEntities: (...args: Parameters<CatalogService['queryEntities']>) =>
      catalog.queryEntities(...args),
  } as CatalogService;
  const logger = mockServices.logger.mock();
  const fleet = new FleetState({
    reader: new FleetReader(changing),
    auth: mockServices.auth(),
    store: await PolicyStore.create({
      database: { getClient: async () => databases.init('SQLITE_3') },
    }),
    logger,
    policy: parsePolicyConfig({
      managedSkew: { enabled: false },
      upstreamEol: { enabled: false },
      selfManagedWindow: { maxMinorsBehind: 3, warningDays: 30 },
    }),
    calendarOverrides: {},
    clock: () => new Date('2026-06-01T12:00:00Z'),
  });
  return {
    fleet,
    logger,
    setCatalog: (entities: Entity[]) => {
      catalog = catalogServiceMock({ entities });
    },
  };
}

const stateOf = async (fleet: FleetState, name: string) =>
  (await fleet.refresh()).byRef.get(`resource:default/${name}`);

describe('FleetState release calendar', () => {
  it('uses the shipped calendar while no NKP Release is served', async () => {
    const { fleet } = await fleetOver(clusters);
    const snapshot = await fleet.refresh();
    expect(snapshot.served).toEqual([]);
    expect(snapshot.byRef.get('resource:default/edge')?.state).toBe(
      'compliant',
    );
    expect(snapshot.byRef.get('resource:default/recent')?.state).toBe(
      'compliant',
    );
  });

  it('moves the self-managed window when a newer NKP minor is served', async () => {
    const { fleet, setCatalog } = await fleetOver(clusters);
    expect((await stateOf(fleet, 'edge'))?.state).toBe('compliant');

    setCatalog([...clusters, release('2.18.0', { releaseDate: '2026-04-01' })]);
    const edge = await stateOf(fleet, 'edge');
    expect(edge).toMatchObject({
      state: 'unsupported',
      deadline: '2026-04-01',
      targetVersion: { nkp: '2.15' },
    });
    expect(edge?.findings[0].reason).toContain('newest NKP 2.18');
  });

  it('ends support on a served end-of-life date, naming the Release it came from', async () => {
    const { fleet } = await fleetOver([
      ...clusters,
      release('2.16.2', { endOfLifeDate: '2026-05-15' }),
    ]);
    const snapshot = await fleet.refresh();
    expect(snapshot.byRef.get('resource:default/recent')).toMatchObject({
      state: 'unsupported',
      deadline: '2026-05-15',
    });
    expect(
      snapshot.byRef.get('resource:default/recent')?.findings[0].reason,
    ).toContain('NKP Release nkp-2.16.2 (source mgmt-1)');
    expect(snapshot.calendar.nkp['2.16'].endOfLife).toEqual({
      date: '2026-05-15',
      source: 'NKP Release nkp-2.16.2 (source mgmt-1)',
    });
    expect(snapshot.served).toEqual([
      expect.objectContaining({
        version: '2.16.2',
        endOfLifeDate: '2026-05-15',
      }),
    ]);
  });

  it('logs a calendar warning when it appears, not on every evaluation', async () => {
    const bad = release('2.18.0', { releaseDate: 'soon' });
    const { fleet, logger, setCatalog } = await fleetOver([...clusters, bad]);
    await fleet.refresh();
    await fleet.refresh();
    await fleet.refresh();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("'soon' is not an ISO date"),
    );

    // Fixed, then broken again: a warning again
    setCatalog(clusters);
    await fleet.refresh();
    setCatalog([...clusters, bad]);
    await fleet.refresh();
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});

describe('FleetState after a catalog change', () => {
  it('re-evaluates shortly after the NKP catalog module applied a change, and tells the listeners', async () => {
    const { fleet, setCatalog } = await fleetOver(clusters);
    expect((await stateOf(fleet, 'edge'))?.state).toBe('compliant');
    const evaluated: string[] = [];
    fleet.onEvaluated(
      snapshot =>
        void evaluated.push(snapshot.byRef.get('resource:default/edge')!.state),
    );

    setCatalog([...clusters, release('2.18.0', { releaseDate: '2026-04-01' })]);
    fleet.catalogChanged([20, 80]);
    fleet.catalogChanged([20, 80]); // coalesced with the pending follow-ups
    for (let i = 0; i < 100 && evaluated.length < 2; i++) {
      await new Promise(r => setTimeout(r, 10));
    }
    expect(evaluated).toEqual(['unsupported', 'unsupported']);
    fleet.stop();
  });

  it('cancels pending follow-ups on stop', async () => {
    const { fleet } = await fleetOver(clusters);
    const listener = jest.fn();
    fleet.onEvaluated(listener);
    fleet.catalogChanged([30]);
    fleet.stop();
    await new Promise(r => setTimeout(r, 80));
    expect(listener).not.toHaveBeenCalled();
  });
});
