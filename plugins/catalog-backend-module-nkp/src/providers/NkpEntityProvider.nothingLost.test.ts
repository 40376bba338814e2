/*
 * Nothing lost across re-reads, restarts and failing endpoints: a server read again after
 * `410 Gone` passes the same guard as a scheduled read and is applied as one change; what was
 * applied survives a restart (the store is the catalog's database); every endpoint that can be
 * followed is followed, whatever the others do.
 */

import { Entity } from '@backstage/catalog-model';
import {
  capiCluster,
  FakeApiServer,
  kommanderCluster,
  smallFleet,
  status,
  workspace,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/testUtils';
import {
  CLUSTERS,
  fullEntities,
  kubernetesProviders,
  Mutation,
  mutationNumber,
  nameOf,
  selfManagedFleet,
  TOKEN,
  tuning,
} from '../__testUtils__/kubernetesProviders';
import { testStores } from '../__testUtils__/testStores';
import { AppliedPartsStore } from '../database/AppliedPartsStore';

const stores = testStores(['POSTGRES_15', 'SQLITE_3']);
const { serve, setup } = kubernetesProviders(stores);

const demo = {
  demo: { api: { url: 'https://mgmt.test', token: TOKEN }, ...tuning },
};

const tenants = {
  tenants: {
    endpoints: [
      { name: 'hooli', url: 'https://hooli.test', token: TOKEN },
      { name: 'stark', url: 'https://stark.test', token: TOKEN },
    ],
    ...tuning,
  },
};

/** smallFleet plus `extra` managed clusters in the acme workspace (each one entity). */
function fleetWith(extra: number) {
  const objects: Array<Record<string, any>> = smallFleet();
  for (let i = 0; i < extra; i++) {
    objects.push(
      capiCluster(`acme-${i}`, 'acme-ns'),
      kommanderCluster(`acme-${i}`, 'acme-ns', { capiName: `acme-${i}` }),
    );
  }
  return objects;
}

/** Waits until `logger.error` has logged something containing `text`. */
async function errorLogged(
  logger: { error: jest.MockInstance<void, any[]> },
  text: string,
) {
  for (let i = 0; i < 300; i++) {
    if (logger.error.mock.calls.some(([m]) => String(m).includes(text))) {
      return;
    }
    await new Promise(r => setTimeout(r, 10));
  }
  throw new Error(`expected an error log containing "${text}"`);
}

const settle = () => new Promise(r => setTimeout(r, 300));
const names = (entities: Entity[]) => entities.map(nameOf).sort();
const deltaOf = (mutation: Mutation) => {
  expect(mutation.type).toBe('delta');
  return mutation.type === 'delta'
    ? {
        added: mutation.added.map(a => a.entity.metadata.name).sort(),
        removed: mutation.removed
          .map(r => ('entityRef' in r ? r.entityRef : ''))
          .sort(),
      }
    : { added: [], removed: [] };
};

describe('a server read again after 410 Gone', () => {
  it.each([
    ['with no objects at all', () => [], 'the source returned no entities'],
    [
      'with a tenth of its objects',
      (objects: Array<Record<string, any>>) =>
        objects.slice(0, objects.length / 10),
      'the result shrank by',
    ],
  ])(
    'is refused %s, like a scheduled read; the next run is refused too',
    async (_, restoredFrom, reason) => {
      const objects = fleetWith(15);
      const server = serve('https://mgmt.test', objects);
      const { connections, run, logger } = await setup(demo);
      await run();
      const applied = fullEntities(await mutationNumber(connections[0], 1));
      expect(applied).toHaveLength(24);

      // A restore from an old backup: the watches' history is gone (410), and so is most of it.
      await server.waitForWatch(CLUSTERS);
      server.restore(...restoredFrom(objects));
      await errorLogged(
        logger,
        `Refusing to apply a new read of nkp:demo: ${reason}`,
      );
      await settle();
      expect(connections[0].applyMutation).toHaveBeenCalledTimes(1);

      // The guard compares with what is stored, not with the refused read.
      await run();
      expect(connections[0].applyMutation).toHaveBeenCalledTimes(1);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('Refusing to update the catalog from nkp:demo'),
      );

      // The server is restored properly (and has grown): followed from there, one delta.
      server.restore(...objects, capiCluster('acme-new', 'acme-ns'));
      expect(deltaOf(await mutationNumber(connections[0], 2))).toEqual({
        added: ['demo-acme-new'],
        removed: [],
      });
    },
  );

  it('is applied within the guard as ONE delta, across resource types', async () => {
    const objects = smallFleet();
    const server = serve('https://mgmt.test', objects);
    const { connections, run } = await setup(demo);
    await run();
    await mutationNumber(connections[0], 1);
    await server.waitForWatch(CLUSTERS);

    // Behind the watches' back: a cluster gone, a workspace added, then history lost.
    server.restore(
      ...objects.filter(o => o.metadata.name !== 'acme-dev'),
      workspace('initech', 'initech-ns'),
    );
    expect(deltaOf(await mutationNumber(connections[0], 2))).toEqual({
      added: ['demo-initech'],
      removed: ['resource:default/demo-acme-dev'],
    });
    await settle();
    expect(connections[0].applyMutation).toHaveBeenCalledTimes(2);
  });

  it('differs from DELETED events, which are applied as the server reports them, past the guard', async () => {
    const objects = fleetWith(15);
    const server = serve('https://mgmt.test', objects);
    const { connections, run } = await setup(demo);
    await run();
    await mutationNumber(connections[0], 1);
    await server.waitForWatch(CLUSTERS);
    for (let i = 0; i < 15; i++) {
      server.remove(capiCluster(`acme-${i}`, 'acme-ns'));
      server.remove(kommanderCluster(`acme-${i}`, 'acme-ns'));
    }
    // 15 of 24 entities (63 %) go, more than maxShrinkPercent: the server said so, one by one.
    let removed = 0;
    for (let i = 0; i < 300 && removed < 15; i++) {
      removed = connections[0].applyMutation.mock.calls
        .slice(1)
        .reduce(
          (sum, [m]) => sum + (m.type === 'delta' ? m.removed.length : 0),
          0,
        );
      await new Promise(r => setTimeout(r, 10));
    }
    expect(removed).toBe(15);
  });
});

describe('what was applied, after a restart', () => {
  const restarts = [
    {
      injected: 'stark is down',
      objects: selfManagedFleet('stark-nkp'),
      inject: (stark: FakeApiServer) =>
        stark.failNext(
          () => true,
          () => status(503, 'ServiceUnavailable', 'apiserver is starting'),
        ),
      logged: expect.stringContaining(
        'Failed to read stark of nkp:tenants; keeping its previous 3 entities',
      ),
    },
    {
      injected: 'stark answers with only its own cluster (1 of 5 entities)',
      objects: [
        ...selfManagedFleet('stark-nkp'),
        workspace('r-and-d', 'r-and-d-ns'),
        workspace('labs', 'labs-ns'),
      ],
      inject: (stark: FakeApiServer) =>
        stark.restore(capiCluster('stark-nkp', 'default')),
      // The guard compares with the count stored before the restart.
      logged:
        'Refusing to update the catalog from stark of nkp:tenants: the result shrank by 80% (from 5 to 1 entities), more than maxShrinkPercent 50%; keeping the previous entities',
    },
  ];

  it.each(
    stores
      .ids()
      .flatMap(([id]) => restarts.map(r => [r.injected, id, r] as const)),
  )(
    'keeps the entities of an endpoint at the first run when %s (%s)',
    async (_, id, { objects, inject, logged }) => {
      const database = await stores.database(id);
      serve('https://hooli.test', selfManagedFleet('hooli-nkp'));
      const stark = serve('https://stark.test', objects);
      const before = await setup(
        tenants,
        AppliedPartsStore.create({ database }),
      );
      await before.run();
      const first = fullEntities(
        await mutationNumber(before.connections[0], 1),
      );
      await before.providers[0].stop();

      // A new process on the same database: nothing in memory.
      inject(stark);
      const after = await setup(
        tenants,
        AppliedPartsStore.create({ database }),
      );
      expect(await after.run()).toBeUndefined();
      const second = fullEntities(
        await mutationNumber(after.connections[0], 1),
      );
      expect(names(second)).toEqual(names(first));
      expect(second.filter(e => e.metadata.name.includes('stark'))).toEqual(
        first.filter(e => e.metadata.name.includes('stark')),
      );
      expect(after.logger.error).toHaveBeenCalledWith(logged);
    },
  );
});

describe('self-managed endpoints are each followed', () => {
  const discoveryFails = (server: FakeApiServer) =>
    server.failNext(
      u => u.pathname === '/apis',
      () => status(500, 'InternalError', 'etcdserver: leader changed'),
    );
  const newVersion = (name: string) =>
    capiCluster(name, 'default', { version: 'v1.35.0' });
  const versionOf = (mutation: Mutation) =>
    mutation.type === 'delta'
      ? mutation.added.map(a => [
          a.entity.metadata.name,
          a.entity.metadata.annotations?.[
            'nkp-lifecycle.io/kubernetes-version'
          ],
        ])
      : [];

  it.each([
    ['one endpoint', ['stark']],
    ['every endpoint', ['hooli', 'stark']],
  ])(
    'keep their watches when the read of %s fails once',
    async (_, failing) => {
      const servers: Record<string, FakeApiServer> = {
        hooli: serve('https://hooli.test', selfManagedFleet('hooli-nkp')),
        stark: serve('https://stark.test', selfManagedFleet('stark-nkp')),
      };
      const { connections, run } = await setup(tenants);
      await run();
      await mutationNumber(connections[0], 1);
      await servers.stark.waitForWatch(CLUSTERS);
      await servers.hooli.waitForWatch(CLUSTERS);

      failing.forEach(name => discoveryFails(servers[name]));
      await run();
      const afterRun = connections[0].applyMutation.mock.calls.length;

      // The failing endpoint's watch from the run before still follows it: not reopened.
      servers.stark.modify(newVersion('stark-nkp'));
      expect(
        versionOf(await mutationNumber(connections[0], afterRun + 1)),
      ).toEqual([['tenants-stark-stark-nkp', '1.35.0']]);
      expect(servers.stark.watches(CLUSTERS)).toHaveLength(1);
      servers.hooli.modify(newVersion('hooli-nkp'));
      expect(
        versionOf(await mutationNumber(connections[0], afterRun + 2)),
      ).toEqual([['tenants-hooli-hooli-nkp', '1.35.0']]);
    },
  );

  it('follow an endpoint that could not be read without waiting for the next run', async () => {
    serve('https://hooli.test', selfManagedFleet('hooli-nkp'));
    const stark = serve('https://stark.test', selfManagedFleet('stark-nkp'));
    discoveryFails(stark);
    const { connections, run } = await setup(tenants);
    await run();
    expect(
      names(fullEntities(await mutationNumber(connections[0], 1))),
    ).toEqual([
      'tenants-hooli-default-workspace',
      'tenants-hooli-default-workspace-hooli-nkp-web',
      'tenants-hooli-hooli-nkp',
    ]);

    // Read again after a backoff delay, applied as one delta, then watched.
    expect(deltaOf(await mutationNumber(connections[0], 2))).toEqual({
      added: [
        'tenants-stark-default-workspace',
        'tenants-stark-default-workspace-stark-nkp-web',
        'tenants-stark-stark-nkp',
      ],
      removed: [],
    });
    await stark.waitForWatch(CLUSTERS);
    stark.modify(newVersion('stark-nkp'));
    expect(versionOf(await mutationNumber(connections[0], 3))).toEqual([
      ['tenants-stark-stark-nkp', '1.35.0'],
    ]);
  });
});
