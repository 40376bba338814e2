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
  NkpCatalogChange,
  clusterFactsDigest,
  clusterFactsFromEntity,
  parsePolicyConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore } from '../database/PolicyStore';
import { FleetReader } from './FleetReader';
import { CatalogSettling, FleetState } from './FleetState';

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
async function fleetOver(
  initial: Entity[],
  settle: Partial<CatalogSettling> = {},
) {
  let catalog = catalogServiceMock({ entities: initial });
  const reads = { whole: 0, byRef: 0 };
  const changing = {
    queryEntities: (...args: Parameters<CatalogService['queryEntities']>) => {
      // The first page of a whole read of the clusters
      const request = args[0] as { filter?: Record<string, unknown> };
      if (request.filter?.['spec.type'] === 'kubernetes-cluster') reads.whole++;
      return catalog.queryEntities(...args);
    },
    getEntitiesByRefs: (
      ...args: Parameters<CatalogService['getEntitiesByRefs']>
    ) => {
      reads.byRef++;
      return catalog.getEntitiesByRefs(...args);
    },
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
    settle: { pollMs: 10, ...settle },
  });
  return {
    fleet,
    logger,
    reads,
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

/** What the NKP catalog module publishes after a delta that changed `changed` (null: removed). */
const namedDelta = (
  changed: Array<[string, Entity | null]>,
): NkpCatalogChange => ({
  provider: 'nkp:test',
  mutation: 'delta',
  entities: changed.length,
  clusters: changed.map(([name, entity]) => ({
    entityRef: `resource:default/${name}`,
    facts: entity && clusterFactsDigest(clusterFactsFromEntity(entity)),
  })),
});

/** Collects the state of `name` in every evaluation the listeners are told of. */
function statesTold(fleet: FleetState, name: string) {
  const told: Array<string | undefined> = [];
  fleet.onEvaluated(
    snapshot =>
      void told.push(snapshot.byRef.get(`resource:default/${name}`)?.state),
  );
  return told;
}

async function until(check: () => boolean, ms = 2000) {
  for (let waited = 0; !check() && waited < ms; waited += 5) {
    await new Promise(r => setTimeout(r, 5));
  }
}

describe('FleetState after a catalog change', () => {
  it('reads the whole fleet shortly after a change that names no clusters, coalesced, and tells the listeners', async () => {
    const { fleet, setCatalog } = await fleetOver(clusters, {
      delaysMs: [20, 80],
    });
    expect((await stateOf(fleet, 'edge'))?.state).toBe('compliant');
    const told = statesTold(fleet, 'edge');

    setCatalog([...clusters, release('2.18.0', { releaseDate: '2026-04-01' })]);
    const full = { provider: 'nkp:test', mutation: 'full', entities: 3 };
    fleet.catalogChanged(full);
    fleet.catalogChanged(full); // coalesced with the pending follow-ups
    await until(() => told.length >= 2);
    expect(told).toEqual(['unsupported', 'unsupported']);
    fleet.stop();
  });

  it('evaluates named clusters as soon as the catalog serves them as emitted, without reading the whole fleet', async () => {
    const { fleet, setCatalog, reads } = await fleetOver(clusters, {
      delaysMs: [60_000],
    });
    expect((await stateOf(fleet, 'recent'))?.state).toBe('compliant');
    const told = statesTold(fleet, 'recent');
    const wholeReads = reads.whole;

    // Emitted, but the catalog still serves the old entity for a while
    const outdated = selfManaged('recent', '2.13.0');
    fleet.catalogChanged(namedDelta([['recent', outdated]]));
    await until(() => reads.byRef >= 3);
    expect(told).toEqual([]);

    setCatalog([clusters[0], outdated]);
    await until(() => told.length > 0);
    expect(told).toEqual(['unsupported']);
    const snapshot = await fleet.current();
    expect(snapshot.byRef.get('resource:default/recent')?.cluster).toEqual(
      clusterFactsFromEntity(outdated),
    );
    expect(snapshot.evaluation.clusters.map(c => c.entityRef)).toEqual([
      'resource:default/edge',
      'resource:default/recent',
    ]);
    expect(reads.whole).toBe(wholeReads);
    fleet.stop();
  });

  it('adds and removes named clusters, and their names in the workspace', async () => {
    const inWorkspace = (name: string) => {
      const entity = selfManaged(name, '2.16.0');
      entity.metadata.annotations!['nkp-lifecycle.io/workspace'] = 'acme';
      return entity;
    };
    const { fleet, setCatalog } = await fleetOver([
      ...clusters,
      inWorkspace('old'),
    ]);
    expect((await fleet.refresh()).takenNames).toEqual(new Set(['acme\nold']));
    const told = statesTold(fleet, 'new');

    setCatalog([...clusters, inWorkspace('new')]);
    fleet.catalogChanged(
      namedDelta([
        ['new', inWorkspace('new')],
        ['old', null],
      ]),
    );
    await until(() => told.length > 0);
    const snapshot = await fleet.current();
    expect(told).toEqual(['compliant']);
    expect(snapshot.byRef.has('resource:default/old')).toBe(false);
    expect(snapshot.takenNames).toEqual(new Set(['acme\nnew']));
    expect(snapshot.evaluation.clusters).toHaveLength(3);
    fleet.stop();
  });

  it.each([
    [
      'a named cluster the catalog never serves as emitted',
      namedDelta([['recent', selfManaged('recent', '2.12.0')]]),
    ],
    [
      'a named cluster served by something other than the NKP provider',
      namedDelta([
        [
          'look-alike',
          {
            ...selfManaged('look-alike', '2.16.0'),
            metadata: { name: 'look-alike' },
          },
        ],
      ]),
    ],
  ])(
    'reads the whole fleet after %s, once it gives up waiting',
    async (_, change) => {
      const { fleet, reads } = await fleetOver(clusters, {
        delaysMs: [60_000],
        namedTimeoutMs: 50,
      });
      await fleet.refresh();
      const told = statesTold(fleet, 'recent');
      const wholeReads = reads.whole;
      fleet.catalogChanged(change);
      await until(() => told.length > 0);
      expect(told).toEqual(['compliant']);
      expect(reads.whole).toBe(wholeReads + 1);
      fleet.stop();
    },
  );

  it('reads the whole fleet when a removed entity was not a cluster (it may have been an NKP release)', async () => {
    const served = release('2.18.0', { releaseDate: '2026-04-01' });
    const { fleet, setCatalog, reads } = await fleetOver(
      [...clusters, served],
      { delaysMs: [60_000] },
    );
    expect((await stateOf(fleet, 'edge'))?.state).toBe('unsupported');
    const told = statesTold(fleet, 'edge');
    const wholeReads = reads.whole;
    setCatalog(clusters);
    fleet.catalogChanged(namedDelta([['nkp-2.18.0', null]]));
    await until(() => told.length > 0);
    expect(told).toEqual(['compliant']);
    expect(reads.whole).toBe(wholeReads + 1);
    fleet.stop();
  });

  it('cancels pending follow-ups on stop', async () => {
    const { fleet } = await fleetOver(clusters, { delaysMs: [30] });
    const listener = jest.fn();
    fleet.onEvaluated(listener);
    fleet.catalogChanged(undefined);
    fleet.catalogChanged(namedDelta([['recent', null]]));
    fleet.stop();
    await new Promise(r => setTimeout(r, 80));
    expect(listener).not.toHaveBeenCalled();
  });
});
