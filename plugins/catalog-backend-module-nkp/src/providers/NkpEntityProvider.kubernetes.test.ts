/*
 * The provider against Kubernetes API servers (msw): full reads through the guard, watch changes
 * as delta mutations, and the failures that must leave the catalog alone.
 */

import { delay, HttpResponse } from 'msw';
import {
  clusterFactsDigest,
  clusterFactsFromEntity,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  capiCluster,
  FakeApiServer,
  kommanderCluster,
  smallFleet,
  status,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/testUtils';
import {
  CLUSTERS,
  fullEntities,
  kubernetesProviders,
  mutationNumber,
  nameOf,
  selfManagedFleet,
  TOKEN,
  tuning,
} from '../__testUtils__/kubernetesProviders';

const { serve: management, setup } = kubernetesProviders();

describe('NkpEntityProvider with Kubernetes API sources', () => {
  it('applies a full read, then each change on the server as a delta, naming the changed clusters to the policy backend', async () => {
    const server = management('https://mgmt.test');
    const { connections, run, events, logger } = await setup({
      demo: { api: { url: 'https://mgmt.test', token: TOKEN }, ...tuning },
    });
    const [connection] = connections;
    await run();
    const full = await mutationNumber(connection, 1);
    expect(fullEntities(full).map(nameOf)).toContain('demo-acme-prod');

    await server.waitForWatch(CLUSTERS);
    server.modify(
      capiCluster('acme-prod', 'acme-ns', {
        version: 'v1.35.0',
        labels: { env: 'prod' },
      }),
    );
    const change = await mutationNumber(connection, 2);
    expect(change.type).toBe('delta');
    if (change.type !== 'delta') return;
    expect(change.removed).toEqual([]);
    expect(
      change.added.map(a => [a.entity.metadata.name, a.locationKey]),
    ).toEqual([['demo-acme-prod', 'nkp:demo']]);
    expect(
      change.added[0].entity.metadata.annotations?.[
        'nkp-lifecycle.io/kubernetes-version'
      ],
    ).toBe('1.35.0');
    // A new version patches that one cluster rather than building the fleet again
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Applied a change: 1 entities updated in \d+ ms$/),
    );

    server.remove(capiCluster('acme-dev', 'acme-ns'));
    server.remove(kommanderCluster('acme-dev', 'acme-ns'));
    const removal = await mutationNumber(connection, 3);
    expect(removal).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: 'resource:default/demo-acme-dev',
          locationKey: 'nkp:demo',
        },
      ],
    });

    const told = events.publish.mock.calls.map(
      ([event]: any[]) => event.eventPayload,
    );
    expect(told).toEqual([
      {
        provider: 'nkp:demo',
        mutation: 'full',
        entities: fullEntities(full).length,
      },
      {
        provider: 'nkp:demo',
        mutation: 'delta',
        entities: 1,
        clusters: [
          {
            entityRef: 'resource:default/demo-acme-prod',
            facts: clusterFactsDigest(
              clusterFactsFromEntity(change.added[0].entity),
            ),
          },
        ],
      },
      {
        provider: 'nkp:demo',
        mutation: 'delta',
        entities: 1,
        clusters: [
          { entityRef: 'resource:default/demo-acme-dev', facts: null },
        ],
      },
    ]);
  });

  it.each([
    [
      'a 500 on a list',
      () => status(500, 'InternalError', 'etcdserver: leader changed'),
    ],
    [
      'a list page that never answers',
      async () => {
        await delay('infinite');
        return HttpResponse.json({});
      },
    ],
    [
      'a truncated list body',
      () =>
        new HttpResponse('{"kind":"ClusterList","items":[{"metadata":{"name"', {
          headers: { 'content-type': 'application/json' },
        }),
    ],
  ])(
    'fails the run on %s without a mutation; the next run succeeds',
    async (_, respond) => {
      const server = management('https://mgmt.test');
      server.failNext(u => u.pathname === CLUSTERS, respond);
      const { connections, run, logger } = await setup({
        demo: { api: { url: 'https://mgmt.test', token: TOKEN }, ...tuning },
      });
      const started = Date.now();
      await run();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(connections[0].applyMutation).not.toHaveBeenCalled();
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'Failed to read nkp:demo; the catalog keeps the previous entities',
        ),
      );
      await run();
      expect((await mutationNumber(connections[0], 1)).type).toBe('full');
    },
  );

  it('keeps the entities when the server goes down after a good read', async () => {
    const server = management('https://mgmt.test');
    const { connections, run, logger } = await setup({
      demo: { api: { url: 'https://mgmt.test', token: TOKEN }, ...tuning },
    });
    await run();
    server.failNext(
      () => true,
      () => status(503, 'ServiceUnavailable', 'apiserver is shutting down'),
    );
    await run();
    expect(connections[0].applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('HTTP 503 apiserver is shutting down'),
    );
  });

  it('ingests a provisioning cluster and skips a malformed object with a warning naming it', async () => {
    management('https://mgmt.test', [
      ...smallFleet(),
      capiCluster('acme-new', 'acme-ns', {
        phase: 'Provisioning',
        endpoint: { host: '', port: 0 },
      }),
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Cluster',
        metadata: { name: 'no-namespace' },
      },
    ]);
    const { connections, run, logger } = await setup({
      demo: { api: { url: 'https://mgmt.test', token: TOKEN }, ...tuning },
    });
    await run();
    const entities = fullEntities(await mutationNumber(connections[0], 1));
    const provisioning = entities.find(
      e => e.metadata.name === 'demo-acme-new',
    )!;
    expect(provisioning.metadata.annotations).toMatchObject({
      'nkp-lifecycle.io/phase': 'Provisioning',
    });
    expect(provisioning.metadata.annotations).not.toHaveProperty(
      'kubernetes.io/api-server',
    );
    expect(entities.map(nameOf)).not.toContain('demo-no-namespace');
    expect(logger.warn).toHaveBeenCalledWith(
      'NKP object Cluster no-namespace: missing metadata.namespace; skipped',
      { object: 'Cluster no-namespace' },
    );
  });

  it('keeps sources with the same NKP names apart', async () => {
    management('https://east.test');
    management('https://west.test');
    const { connections, run } = await setup({
      east: { api: { url: 'https://east.test', token: TOKEN }, ...tuning },
      west: { api: { url: 'https://west.test', token: TOKEN }, ...tuning },
    });
    await run(0);
    await run(1);
    const east = fullEntities(await mutationNumber(connections[0], 1)).map(
      nameOf,
    );
    const west = fullEntities(await mutationNumber(connections[1], 1)).map(
      nameOf,
    );
    expect(east).toContain('east-acme-prod');
    expect(west).toContain('west-acme-prod');
    expect(east.filter(name => west.includes(name))).toEqual([]);
  });

  it('stops watching one and a half schedule intervals after its run', async () => {
    const server = management('https://mgmt.test');
    const { connections, run } = await setup({
      demo: {
        api: { url: 'https://mgmt.test', token: TOKEN },
        ...tuning,
        schedule: { frequency: { milliseconds: 200 }, timeout: { seconds: 5 } },
      },
    });
    await run();
    await mutationNumber(connections[0], 1);
    await server.waitForWatch(CLUSTERS);
    await new Promise(r => setTimeout(r, 500));
    server.modify(
      capiCluster('acme-prod', 'acme-ns', {
        version: 'v1.35.0',
        labels: { env: 'prod' },
      }),
    );
    await new Promise(r => setTimeout(r, 300));
    // The next run (on whichever replica) follows changes from here.
    expect(connections[0].applyMutation).toHaveBeenCalledTimes(1);
  });

  describe('a list of self-managed endpoints', () => {
    const tenants = {
      tenants: {
        endpoints: [
          { name: 'hooli', url: 'https://hooli.test', token: TOKEN },
          {
            name: 'stark',
            url: 'https://stark.test',
            token: TOKEN,
            dashboardUrl: 'https://stark.test/dkp/kommander/dashboard',
          },
        ],
        ...tuning,
      },
    };

    it('reads each endpoint as its own self-managed cluster under its own prefix', async () => {
      management('https://hooli.test', selfManagedFleet('hooli-nkp'));
      management('https://stark.test', selfManagedFleet('stark-nkp'));
      const { connections, run } = await setup(tenants);
      await run();
      const entities = fullEntities(await mutationNumber(connections[0], 1));
      expect(entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
        'Domain:tenants-hooli-default-workspace',
        'Domain:tenants-stark-default-workspace',
        'Resource:tenants-hooli-hooli-nkp',
        'Resource:tenants-stark-stark-nkp',
        'System:tenants-hooli-default-workspace-hooli-nkp-web',
        'System:tenants-stark-default-workspace-stark-nkp-web',
      ]);
      const stark = entities.find(
        e => e.metadata.name === 'tenants-stark-stark-nkp',
      )!;
      expect(stark.metadata.annotations).toMatchObject({
        'nkp-lifecycle.io/cluster-type': 'self-managed',
        'nkp-lifecycle.io/management-cluster': 'tenants-stark-stark-nkp',
      });
      expect(stark.metadata.links).toEqual([
        expect.objectContaining({
          url: 'https://stark.test/dkp/kommander/dashboard',
        }),
      ]);
    });

    const unauthorized = (server: FakeApiServer) =>
      server.failNext(
        u => u.pathname === '/apis',
        () => status(401, 'Unauthorized', 'Unauthorized'),
      );

    it('keeps the entities of an endpoint that fails and applies the others', async () => {
      management('https://hooli.test', selfManagedFleet('hooli-nkp'));
      const stark = management(
        'https://stark.test',
        selfManagedFleet('stark-nkp'),
      );
      const { connections, run, logger } = await setup(tenants);
      await run();
      const first = fullEntities(await mutationNumber(connections[0], 1));

      unauthorized(stark);
      await expect(run()).resolves.toBeUndefined();
      const second = fullEntities(await mutationNumber(connections[0], 2));
      expect(second.map(nameOf).sort()).toEqual(first.map(nameOf).sort());
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'Failed to read stark of nkp:tenants; keeping its previous 3 entities: AuthenticationError: GET https://stark.test/apis: HTTP 401 Unauthorized',
        ),
      );
    });

    it('applies the endpoints it can read when another one never could be read', async () => {
      management('https://hooli.test', selfManagedFleet('hooli-nkp'));
      unauthorized(
        management('https://stark.test', selfManagedFleet('stark-nkp')),
      );
      const { connections, run, logger } = await setup(tenants);
      await run();
      const entities = fullEntities(await mutationNumber(connections[0], 1));
      expect(entities.map(nameOf).sort()).toEqual([
        'tenants-hooli-default-workspace',
        'tenants-hooli-default-workspace-hooli-nkp-web',
        'tenants-hooli-hooli-nkp',
      ]);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('it has no entities yet'),
      );
    });

    it('changes nothing when no endpoint can be read', async () => {
      unauthorized(
        management('https://hooli.test', selfManagedFleet('hooli-nkp')),
      );
      unauthorized(
        management('https://stark.test', selfManagedFleet('stark-nkp')),
      );
      const { connections, run, logger } = await setup(tenants);
      await run();
      expect(connections[0].applyMutation).not.toHaveBeenCalled();
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'the catalog keeps the previous entities: Error: no part of the source could be read (hooli, stark)',
        ),
      );
    });
  });

  it('never logs the token', async () => {
    const server = management('https://mgmt.test');
    server.failNext(
      u => u.pathname === CLUSTERS,
      () => status(403, 'Forbidden', 'forbidden'),
    );
    const { run, logger } = await setup({
      demo: { api: { url: 'https://mgmt.test', token: TOKEN }, ...tuning },
    });
    await run();
    await run();
    const logged = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
      logger.error.mock.calls,
      logger.debug.mock.calls,
      logger.child.mock.calls,
    ]);
    expect(logged).toContain('HTTP 403');
    expect(logged).not.toContain(TOKEN);
  });
});
