/**
 * The `/api/nkp` routes end to end: the plugin in a test backend with a mocked catalog, mocked
 * permission decisions and a real (SQLite) database (see __testUtils__/testBackend.ts).
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import {
  day,
  entities,
  exceptionRequest,
  latePlan,
  names,
  ownedByAcme,
  policyConfig,
  startBackend,
} from './__testUtils__/testBackend';
import { nkpPlugin } from './plugin';

// Each test starts a whole backend with migrations; on a busy 2-core CI machine the first one
// can take longer than Jest's default 5 s.
jest.setTimeout(30_000);

describe('GET /summary, /clusters, /tenants, /calendar', () => {
  it('answers 401 without credentials on every route but /health', async () => {
    const { server } = await startBackend();
    for (const path of [
      '/summary',
      '/clusters',
      '/clusters/default/mgmt',
      '/tenants',
      '/plans',
      '/exceptions',
      '/calendar',
      '/audit',
    ]) {
      const res = await request(server)
        .get(`/api/nkp${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect([path, res.status]).toEqual([path, 401]);
    }
  });

  it('serves services as well as users', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/nkp/summary')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 5,
      worstState: 'compliant',
      evaluatedOn: day(0),
    });
  });

  it('answers 403 on every read route when reading is denied', async () => {
    const { server } = await startBackend({
      read: { result: AuthorizeResult.DENY },
    });
    for (const path of [
      '/summary',
      '/clusters',
      '/tenants',
      '/plans',
      '/calendar',
    ]) {
      const res = await request(server).get(`/api/nkp${path}`);
      expect([path, res.status, res.body.error?.name]).toEqual([
        path,
        403,
        'NotAllowedError',
      ]);
    }
  });

  it('narrows every read to the clusters of a conditional decision', async () => {
    const { server } = await startBackend({ read: ownedByAcme });
    const clusters = await request(server).get('/api/nkp/clusters');
    expect(clusters.status).toBe(200);
    expect(names(clusters.body)).toEqual(['acme-dev', 'acme-prod']);
    expect(clusters.body.totalCount).toBe(2);

    const summary = await request(server).get('/api/nkp/summary');
    expect(summary.body.total).toBe(2);

    const tenants = await request(server).get('/api/nkp/tenants');
    expect(
      tenants.body.byOwner.map((t: { tenant: string }) => t.tenant),
    ).toEqual(['group:default/team-acme']);
    expect(tenants.body.byWorkspace).toEqual([
      expect.objectContaining({ tenant: 'acme', total: 2 }),
    ]);

    // Someone else's cluster is answered like a missing one
    await request(server).get('/api/nkp/clusters/default/mgmt').expect(404);
    const own = await request(server).get(
      '/api/nkp/clusters/default/acme-prod',
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ name: 'acme-prod', state: 'compliant' });
  });

  it('applies composite conditions (anyOf, not)', async () => {
    const { server } = await startBackend({
      read: {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'nkp',
        resourceType: 'nkp-cluster',
        conditions: {
          anyOf: [
            {
              rule: 'IS_IN_WORKSPACE',
              resourceType: 'nkp-cluster',
              params: { workspaces: ['hooli'] },
            },
            {
              allOf: [
                {
                  rule: 'IS_IN_WORKSPACE',
                  resourceType: 'nkp-cluster',
                  params: { workspaces: ['acme'] },
                },
                {
                  not: {
                    rule: 'IS_CLUSTER_OWNER',
                    resourceType: 'nkp-cluster',
                    params: { claims: ['group:default/team-acme'] },
                  },
                },
              ],
            },
          ],
        },
      },
    });
    const res = await request(server).get('/api/nkp/clusters');
    expect(names(res.body)).toEqual(['hooli-prod']);
  });

  it('filters, sorts and pages on the server', async () => {
    const { server } = await startBackend();
    const get = async (query: string) => {
      const res = await request(server).get(`/api/nkp/clusters?${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    expect(names(await get('owner=team-acme'))).toEqual([
      'acme-dev',
      'acme-prod',
    ]);
    expect(
      names(await get('owner=group:default/team-acme&version=1.33')),
    ).toEqual(['acme-dev']);
    // Several owners, repeated or comma-separated: clusters of any of them
    for (const owners of [
      'owner=team-acme&owner=group:default/team-hooli',
      'owner=team-acme,team-hooli',
      'owner=team-acme,nobody,team-hooli',
      'owner=team-acme&owner=nobody,team-hooli',
    ]) {
      const res = await get(owners);
      expect([owners, names(res), res.totalCount]).toEqual([
        owners,
        ['acme-dev', 'acme-prod', 'hooli-prod'],
        3,
      ]);
    }
    expect(
      names(await get('owner=team-acme&owner=team-hooli&version=1.32')),
    ).toEqual(['acme-prod', 'hooli-prod']);
    expect(await get('owner=nobody,user:default/mock')).toMatchObject({
      items: [],
      totalCount: 0,
    });
    expect(names(await get('workspace=hooli'))).toEqual(['hooli-prod']);
    expect(names(await get('version=2.15'))).toEqual(['hooli-prod']);
    expect(names(await get('state=compliant,unknown'))).toHaveLength(5);

    const byVersion = await get('orderBy=kubernetesVersion&order=desc');
    expect(names(byVersion)).toEqual([
      'mgmt', // 1.33.2
      'acme-dev', // 1.33.1
      'acme-prod', // 1.32.5
      'hooli-prod', // 1.32.3
      'stark-edge', // no version: last either way
    ]);

    const page = await get('orderBy=name&order=desc&offset=1&limit=2');
    expect(names(page)).toEqual(['mgmt', 'hooli-prod']);
    expect(page).toMatchObject({ totalCount: 5, offset: 1, limit: 2 });

    // Every item keeps the cluster facts and adds the evaluation
    const first = (await get('limit=1')).items[0];
    expect(first).toMatchObject({
      entityRef: 'resource:default/acme-dev',
      name: 'acme-dev',
      owner: 'team-acme',
      clusterType: 'managed',
      kubernetesVersion: '1.33.1',
      nkpVersion: '2.16.0',
      projects: [],
      state: 'compliant',
      findings: [],
      upgradePath: [],
    });
  });

  it('lets clients revalidate a page until the evaluation or their decision changes', async () => {
    const { server } = await startBackend();
    const first = await request(server).get('/api/nkp/clusters?limit=2');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    await request(server)
      .get('/api/nkp/clusters?limit=2')
      .set('If-None-Match', etag)
      .expect(304);
    // Another page, another validator
    const other = await request(server).get('/api/nkp/clusters?limit=3');
    expect(other.headers.etag).not.toBe(etag);
    // A new evaluation (here: after a plan was created) invalidates it
    await request(server)
      .post('/api/nkp/plans')
      .send({
        title: 'Fleet to NKP 2.17',
        targetVersion: '2.17',
        announcedAt: day(0),
        scope: { kind: 'fleet' },
      })
      .expect(201);
    const changed = await request(server)
      .get('/api/nkp/clusters?limit=2')
      .set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.body.items[0].state).toBe('upgrade-due');
  });

  it('gives callers with different decisions different validators', async () => {
    const { server } = await startBackend({
      readFor: { 'user:default/acme-dev': ownedByAcme },
    });
    const all = await request(server).get('/api/nkp/clusters');
    const own = await request(server)
      .get('/api/nkp/clusters')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/acme-dev'),
      )
      .set('If-None-Match', all.headers.etag);
    expect(own.status).toBe(200);
    expect(own.body.totalCount).toBe(2);
    expect(own.headers.etag).not.toBe(all.headers.etag);
  });

  it('rejects bad queries with 400 and says what was wrong', async () => {
    const { server } = await startBackend();
    for (const [query, mentions] of [
      ['orderBy=color', 'orderBy'],
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['state=fine', 'state'],
      ['version=latest', 'version'],
      ['colour=red', 'colour'],
      ['owner=', 'owner'],
      ['owner=team-acme,', 'owner'],
    ]) {
      const res = await request(server).get(`/api/nkp/clusters?${query}`);
      expect([query, res.status, res.body.error.name]).toEqual([
        query,
        400,
        'InputError',
      ]);
      expect(res.body.error.message).toContain(mentions);
    }
  });

  it('serves the release calendar in version order', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/nkp/calendar');
    expect(res.status).toBe(200);
    const minors = res.body.nkp.map((r: { minor: string }) => r.minor);
    expect(minors.indexOf('2.8')).toBeLessThan(minors.indexOf('2.12'));
    expect(res.body.kubernetes[0]).toMatchObject({
      minor: expect.any(String),
      endOfLife: { date: expect.any(String), source: expect.any(String) },
    });
  });

  it('shows the NKP releases served through the catalog as the top layer, with their source', async () => {
    const source = 'NKP Release nkp-2.18.0 (source mgmt)';
    const { server } = await startBackend({
      more: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'nkp-2.18.0',
            annotations: {
              'nkp-lifecycle.io/source': 'mgmt',
              'backstage.io/managed-by-location': 'nkp:mgmt',
              'backstage.io/managed-by-origin-location': 'nkp:mgmt',
              'nkp-lifecycle.io/object-name': 'nkp-2.18.0',
              'nkp-lifecycle.io/release-version': '2.18.0',
              'nkp-lifecycle.io/supported-kubernetes-versions': '1.34.1,1.35.0',
              'nkp-lifecycle.io/release-date': '2026-04-01',
            },
          },
          spec: { type: 'nkp-release', owner: 'group:default/platform-team' },
        },
      ],
    });
    const res = await request(server).get('/api/nkp/calendar').expect(200);
    expect(res.body.served).toEqual([
      {
        version: '2.18.0',
        supportedKubernetesVersions: ['1.34.1', '1.35.0'],
        releaseDate: '2026-04-01',
        source,
      },
    ]);
    expect(res.body.nkp.at(-1)).toEqual({
      minor: '2.18',
      kubernetesMinors: ['1.34', '1.35'],
      kubernetesSource: source,
      releaseDate: { date: '2026-04-01', source },
    });
    // The release is not a cluster
    const clusters = await request(server).get('/api/nkp/clusters');
    expect(clusters.body.totalCount).toBe(5);
  });

  describe('with release feeds', () => {
    // supertest talks to the backend over loopback: only the feeds are msw's.
    const msw = setupServer();
    beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
    afterEach(() => msw.resetHandlers());
    afterAll(() => msw.close());
    const feed = {
      calendar: {
        feed: {
          baseUrl: 'https://eol.mirror.example/api',
          nkp: { product: 'nkp' },
        },
      },
    };

    it('layers the feeds between shipped data and app-config, and says where each stands', async () => {
      msw.use(
        http.get('https://eol.mirror.example/api/kubernetes.json', () =>
          HttpResponse.json([
            { cycle: '1.37', releaseDate: '2026-08-26', eol: '2027-10-28' },
          ]),
        ),
        http.get(
          'https://eol.mirror.example/api/nkp.json',
          () =>
            new HttpResponse('down', {
              status: 502,
              statusText: 'Bad Gateway',
            }),
        ),
      );
      const { server } = await startBackend({ nkp: feed });
      const res = await request(server).get('/api/nkp/calendar').expect(200);
      const read = new Date().toISOString().slice(0, 10);
      expect(res.body.kubernetes.at(-1)).toEqual({
        minor: '1.37',
        releaseDate: {
          date: '2026-08-26',
          source: `release feed https://eol.mirror.example/api/kubernetes.json, read ${read}`,
        },
        endOfLife: {
          date: '2027-10-28',
          source: `release feed https://eol.mirror.example/api/kubernetes.json, read ${read}`,
        },
      });
      expect(res.body.feeds).toEqual([
        expect.objectContaining({
          product: 'kubernetes',
          state: 'ok',
          releases: 1,
        }),
        expect.objectContaining({
          product: 'nkp',
          location: 'https://eol.mirror.example/api/nkp.json',
          state: 'failing',
          error:
            'HTTP 502 Bad Gateway from https://eol.mirror.example/api/nkp.json',
          releases: 0,
        }),
      ]);
      expect(res.body.feeds[1].lastSuccessAt).toBeUndefined();
    });

    it('refuses to start with a feed that is configured wrong, naming the key', async () => {
      await expect(
        startBackend({ nkp: { calendar: { feed: { nkp: {} } } } }),
      ).rejects.toThrow(
        /nkp\.calendar\.feed\.nkp: give a url, a file or a product/,
      );
    });
  });
});

describe('upgrade plans', () => {
  const plan = {
    title: 'Management plane to NKP 2.17',
    targetVersion: '2.17',
    announcedAt: day(0),
    scope: { kind: 'management-cluster', name: 'mgmt' },
  };

  it('creates a management-plane plan, audits it and reports the clusters that block it', async () => {
    const { server, knex } = await startBackend();
    const created = await request(server)
      .post('/api/nkp/plans')
      .send(plan)
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      title: plan.title,
      // The default for a plan scoped to a management cluster
      requires: 'within-skew',
      createdBy: 'user:default/mock',
      deadline: day(90),
      targetKubernetesMinor: '1.34',
      blockingClusters: ['resource:default/acme-prod'],
      blockingTenants: {
        owners: ['group:default/team-acme'],
        workspaces: ['acme'],
      },
      // acme-dev (1.33) is ready; mgmt is the platform team's own step
      pendingClusters: ['resource:default/acme-prod'],
      platformSteps: [{ entityRef: 'resource:default/mgmt', done: false }],
      inScope: 2,
    });

    const plans = await request(server).get('/api/nkp/plans').expect(200);
    expect(plans.body.items).toHaveLength(1);
    expect(plans.body.items[0]).toMatchObject({
      requires: 'within-skew',
      blockingClusters: ['resource:default/acme-prod'],
    });

    const blocker = await request(server)
      .get('/api/nkp/clusters/default/acme-prod')
      .expect(200);
    expect(blocker.body).toMatchObject({
      state: 'upgrade-due',
      deadline: day(90),
      daysLeft: 90,
      // Within one minor of the target's 1.34
      targetVersion: { nkp: '2.16', kubernetes: '1.33' },
    });
    const management = await request(server)
      .get('/api/nkp/clusters/default/mgmt')
      .expect(200);
    expect(management.body).toMatchObject({ state: 'compliant' });
    expect(management.body.findings).toEqual([
      expect.objectContaining({
        rule: 'upgrade-plan',
        state: 'compliant',
        platformStep: {
          target: { nkp: '2.17', kubernetes: '1.34' },
          by: day(90),
          done: false,
        },
      }),
    ]);
    const byDeadline = await request(server).get(
      '/api/nkp/clusters?orderBy=deadline',
    );
    expect(names(byDeadline.body)[0]).toBe('acme-prod');

    const audit = await knex('audit_log').where({ object_id: created.body.id });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'user:default/mock',
        action: 'upgrade-plan.create',
        object_type: 'upgrade-plan',
      }),
    ]);
    expect(JSON.parse(audit[0].details)).toMatchObject({
      requires: 'within-skew',
    });
  });

  it('keeps the meaning of a plan that asks every cluster in scope to reach the target', async () => {
    const { server } = await startBackend();
    const created = await request(server)
      .post('/api/nkp/plans')
      .send({ ...plan, requires: 'reach-target' })
      .expect(201);
    expect(created.body).toMatchObject({
      requires: 'reach-target',
      blockingClusters: ['resource:default/acme-prod'],
      platformSteps: [],
    });
    expect([...created.body.pendingClusters].sort()).toEqual([
      'resource:default/acme-dev',
      'resource:default/acme-prod',
      'resource:default/mgmt',
    ]);
    const management = await request(server)
      .get('/api/nkp/clusters/default/mgmt')
      .expect(200);
    expect(management.body).toMatchObject({
      state: 'upgrade-due',
      targetVersion: { nkp: '2.17' },
    });
    const byDeadline = await request(server).get(
      '/api/nkp/clusters?orderBy=deadline',
    );
    expect(names(byDeadline.body).slice(3)).toEqual([
      'hooli-prod',
      'stark-edge',
    ]);
  });

  it('shows a tenant only its own blocking clusters', async () => {
    const admin = await startBackend();
    await request(admin.server).post('/api/nkp/plans').send(plan).expect(201);
    const platformOnly: PolicyDecision = {
      ...ownedByAcme,
      conditions: {
        rule: 'IS_CLUSTER_OWNER',
        resourceType: 'nkp-cluster',
        params: { claims: ['group:default/platform-team'] },
      },
    } as PolicyDecision;
    // Same database, another caller: start a second backend on it
    const permissions = mockServices.permissions.mock();
    permissions.authorizeConditional.mockResolvedValue([platformOnly] as any);
    const { server } = await startTestBackend({
      features: [
        nkpPlugin,
        catalogServiceMock.factory({ entities }),
        permissions.factory,
        mockServices.database.factory({ knex: admin.knex }),
        mockServices.rootConfig.factory({ data: policyConfig }),
      ],
    });
    const res = await request(server).get('/api/nkp/plans').expect(200);
    expect(res.body.items[0]).toMatchObject({
      pendingClusters: [],
      blockingClusters: [],
      blockingTenants: { owners: [], workspaces: [] },
      platformSteps: [{ entityRef: 'resource:default/mgmt', done: false }],
    });
  });

  it('needs nkp.upgrade-plan.manage to create a plan', async () => {
    const { server, knex } = await startBackend({
      denied: ['nkp.upgrade-plan.manage'],
    });
    const res = await request(server).post('/api/nkp/plans').send(plan);
    expect(res.status).toBe(403);
    expect(await knex('upgrade_plans')).toHaveLength(0);
  });

  it('rejects a plan of the wrong shape with 400, naming each field, and changes nothing', async () => {
    const { server, knex } = await startBackend();
    const res = await request(server)
      .post('/api/nkp/plans')
      .send({ ...plan, scope: { kind: 'galaxy' }, requires: 'everything' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('scope');
    expect(res.body.error.message).toContain(
      'requires must be equal to one of the allowed values: within-skew, reach-target',
    );
    expect(await knex('upgrade_plans')).toHaveLength(0);
    expect(await knex('audit_log')).toHaveLength(0);
  });

  it('rejects a plan with refused values with 400 and each field error, and changes nothing', async () => {
    const { server, knex } = await startBackend();
    const res = await request(server)
      .post('/api/nkp/plans')
      .send({ ...plan, title: '', targetVersion: 'latest', windowDays: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'targetVersion: must be an NKP version such as 2.17 or 2.17.1',
      ),
      fieldErrors: [
        { field: 'title', message: expect.any(String) },
        {
          field: 'targetVersion',
          message: 'must be an NKP version such as 2.17 or 2.17.1',
        },
        { field: 'windowDays', message: expect.any(String) },
      ],
    });
    expect(await knex('upgrade_plans')).toHaveLength(0);
    expect(await knex('audit_log')).toHaveLength(0);
  });

  it.each([
    [
      'a title longer than the database holds',
      { title: 'x'.repeat(256) },
      'title',
      'must be at most 255 characters',
    ],
    [
      'a scope name longer than the database holds',
      { scope: { kind: 'workspace', name: 'w'.repeat(256) } },
      'scope.name',
      'must be at most 255 characters',
    ],
    [
      'a window of more than ten years',
      { windowDays: 3651 },
      'windowDays',
      'must be at most 3650 days',
    ],
    [
      'a target that is not in the release calendar',
      { targetVersion: '2.99' },
      'targetVersion',
      'NKP 2.99 is not in the release calendar',
    ],
    [
      'an announcement more than 3 days ago, without backdated',
      { announcedAt: day(-4) },
      'announcedAt',
      'set backdated: true',
    ],
  ])(
    'refuses %s with a field error, and changes nothing',
    async (_, change, field, message) => {
      const { server, knex } = await startBackend();
      const res = await request(server)
        .post('/api/nkp/plans')
        .send({ ...plan, ...change });
      expect(res.status).toBe(400);
      expect(res.body.error.fieldErrors).toEqual([
        { field, message: expect.stringContaining(message) },
      ]);
      expect(await knex('upgrade_plans')).toHaveLength(0);
      expect(await knex('audit_log')).toHaveLength(0);
    },
  );

  it('creates a plan once for retries with the same Idempotency-Key, per caller', async () => {
    const { server, knex } = await startBackend();
    const post = (key: string, user = 'user:default/mock') =>
      request(server)
        .post('/api/nkp/plans')
        .set('Authorization', mockCredentials.user.header(user))
        .set('Idempotency-Key', key)
        .send(plan);
    const first = await post('k-1').expect(201);
    const retry = await post('k-1').expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(await knex('upgrade_plans')).toHaveLength(1);
    expect(await knex('audit_log')).toHaveLength(1);
    // Another key, or another caller with the same key: a new plan
    expect((await post('k-2').expect(201)).body.id).not.toBe(first.body.id);
    await post('k-1', 'user:default/other').expect(201);
    expect(await knex('upgrade_plans')).toHaveLength(3);
    const tooLong = await post('k'.repeat(129));
    expect(tooLong.status).toBe(400);
  });

  it('accepts an announcement 3 days ago, and an older one when backdated', async () => {
    const { server } = await startBackend();
    await request(server)
      .post('/api/nkp/plans')
      .send({ ...plan, announcedAt: day(-3) })
      .expect(201);
    const backdated = await request(server)
      .post('/api/nkp/plans')
      .send({ ...plan, announcedAt: day(-30), backdated: true })
      .expect(201);
    expect(backdated.body).not.toHaveProperty('backdated');
  });
});

describe('exceptions', () => {
  it('turns an unsupported cluster overdue once an exception is approved, and audits both steps', async () => {
    const { server, knex } = await startBackend();
    await request(server).post('/api/nkp/plans').send(latePlan).expect(201);
    const before = await request(server).get(
      '/api/nkp/clusters/default/hooli-prod',
    );
    expect(before.body).toMatchObject({
      state: 'unsupported',
      deadline: day(-10),
    });

    const requested = await request(server)
      .post('/api/nkp/exceptions')
      .send(exceptionRequest)
      .expect(201);
    expect(requested.body).toMatchObject({
      status: 'requested',
      requestedBy: 'user:default/mock',
      target: { cluster: 'resource:default/hooli-prod' },
    });
    // A request alone changes nothing
    const pending = await request(server).get(
      '/api/nkp/clusters/default/hooli-prod',
    );
    expect(pending.body.state).toBe('unsupported');

    const approved = await request(server)
      .post(`/api/nkp/exceptions/${requested.body.id}/approve`)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/platform-lead'),
      )
      .send({ comment: 'ok for a month' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: 'user:default/platform-lead',
      evaluation: { status: 'active', endsOn: day(30), capped: false },
    });

    const after = await request(server).get(
      '/api/nkp/clusters/default/hooli-prod',
    );
    expect(after.body).toMatchObject({ state: 'overdue', deadline: day(30) });
    expect(after.body.exceptions).toHaveLength(1);

    const summary = await request(server).get('/api/nkp/summary');
    expect(summary.body.exceptions).toEqual({ requested: 0, active: 1 });

    const audit = await knex('audit_log')
      .where({ object_id: requested.body.id })
      .orderBy('id');
    expect(audit.map(a => [a.action, a.actor, a.reason])).toEqual([
      ['exception.request', 'user:default/mock', exceptionRequest.reason],
      ['exception.approve', 'user:default/platform-lead', 'ok for a month'],
    ]);

    // Approving twice is a conflict, an unknown id is not found
    await request(server)
      .post(`/api/nkp/exceptions/${requested.body.id}/approve`)
      .send({})
      .expect(409);
    await request(server)
      .post('/api/nkp/exceptions/nope/approve')
      .send({})
      .expect(404);
  });

  it('requests an exception once for retries with the same Idempotency-Key', async () => {
    const { server, knex } = await startBackend();
    await request(server).post('/api/nkp/plans').send(latePlan).expect(201);
    const post = () =>
      request(server)
        .post('/api/nkp/exceptions')
        .set('Idempotency-Key', 'e-1')
        .send(exceptionRequest);
    const first = await post().expect(201);
    const retry = await post().expect(200);
    expect(retry.body).toMatchObject({
      id: first.body.id,
      status: 'requested',
    });
    expect(await knex('exceptions')).toHaveLength(1);
  });

  it('needs the request and approve permissions', async () => {
    const { server, knex } = await startBackend({
      denied: ['nkp.exception.request', 'nkp.exception.approve'],
    });
    await request(server)
      .post('/api/nkp/exceptions')
      .send(exceptionRequest)
      .expect(403);
    await request(server)
      .post('/api/nkp/exceptions/any/approve')
      .send({})
      .expect(403);
    expect(await knex('exceptions')).toHaveLength(0);
  });

  it('rejects invalid requests with 400 and changes nothing', async () => {
    const { server, knex } = await startBackend();
    // A value the backend refuses is also a field error; a body of the wrong shape is refused
    // by the OpenAPI document, with a message that names the field.
    for (const [body, mentions, fieldErrors] of [
      [{ ...exceptionRequest, reason: 'because' }, 'reason', ['reason']],
      [
        { ...exceptionRequest, reason: '   because          ' },
        'reason',
        ['reason'],
      ],
      [{ ...exceptionRequest, expiresAt: 'next month' }, 'expiresAt', []],
      [
        { ...exceptionRequest, expiresAt: '2027-02-30' },
        'expiresAt',
        ['expiresAt'],
      ],
      [{ ...exceptionRequest, expiresAt: day(-1) }, 'expiresAt', ['expiresAt']],
      [{ ...exceptionRequest, rule: 'be-nice' }, 'rule', []],
      [
        { ...exceptionRequest, target: { cluster: 'resource:default/nope' } },
        'target',
        ['target'],
      ],
      [
        { ...exceptionRequest, target: { cluster: 'x', owner: 'y' } },
        'target',
        [],
      ],
      [{ ...exceptionRequest, reason: 'r'.repeat(2001) }, 'reason', ['reason']],
    ] as const) {
      const res = await request(server).post('/api/nkp/exceptions').send(body);
      expect([mentions, res.status, res.body.error.name]).toEqual([
        mentions,
        400,
        'InputError',
      ]);
      expect(res.body.error.message).toContain(mentions);
      expect([
        mentions,
        (res.body.error.fieldErrors ?? []).map(
          (e: { field: string }) => e.field,
        ),
      ]).toEqual([mentions, fieldErrors]);
    }
    expect(await knex('exceptions')).toHaveLength(0);
    expect(await knex('audit_log')).toHaveLength(0);
  });

  it('lets a tenant request exceptions only for clusters it can see', async () => {
    const { server } = await startBackend({ read: ownedByAcme });
    await request(server)
      .post('/api/nkp/exceptions')
      .send(exceptionRequest)
      .expect(400);
    const own = await request(server)
      .post('/api/nkp/exceptions')
      .send({ ...exceptionRequest, target: { owner: 'team-acme' } })
      .expect(201);
    expect(own.body.target).toEqual({ owner: 'group:default/team-acme' });
    const list = await request(server).get('/api/nkp/exceptions').expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses to let the requester approve their own exception, with a 403 that says why and a log line', async () => {
    const logger = mockServices.logger.mock();
    const { server, knex } = await startBackend({ logger });
    const requested = await request(server)
      .post('/api/nkp/exceptions')
      .send(exceptionRequest)
      .expect(201);
    const res = await request(server)
      .post(`/api/nkp/exceptions/${requested.body.id}/approve`)
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toContain(
      'was requested by user:default/mock, who may not also approve it',
    );
    expect(await knex('exceptions').where({ status: 'approved' })).toEqual([]);
    expect((await knex('audit_log')).map(a => a.action)).toEqual([
      'exception.request',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'NKP exception self-approval refused',
      {
        exceptionId: requested.body.id,
        actor: 'user:default/mock',
        rule: 'nkp.exceptions.requireSeparateApprover',
      },
    );
  });

  describe('tell each caller whether they may approve', () => {
    const lead = mockCredentials.user.header('user:default/platform-lead');
    const listed = async (
      server: Parameters<typeof request>[0],
      authorization?: string,
    ) => {
      const get = request(server).get('/api/nkp/exceptions');
      const res = await (authorization
        ? get.set('Authorization', authorization)
        : get
      ).expect(200);
      return res.body.items.map(
        (e: { approvable: boolean; notApprovableBecause?: string }) => [
          e.approvable,
          e.notApprovableBecause,
        ],
      );
    };

    it('with a separate approver required (the default): not the requester, anyone else with the permission', async () => {
      const { server } = await startBackend();
      await request(server).post('/api/nkp/plans').send(latePlan).expect(201);
      const requested = await request(server)
        .post('/api/nkp/exceptions')
        .send(exceptionRequest)
        .expect(201);
      expect(requested.body).toMatchObject({
        approvable: false,
        notApprovableBecause: 'own-request',
      });
      expect(await listed(server)).toEqual([[false, 'own-request']]);
      expect(await listed(server, lead)).toEqual([[true, undefined]]);
      // The cluster's page says the same
      const detail = await request(server)
        .get('/api/nkp/clusters/default/hooli-prod')
        .set('Authorization', lead)
        .expect(200);
      expect(detail.body.exceptions).toMatchObject([
        { id: requested.body.id, approvable: true },
      ]);
      const own = await request(server)
        .get('/api/nkp/clusters/default/hooli-prod')
        .expect(200);
      expect(own.body.exceptions).toMatchObject([
        { approvable: false, notApprovableBecause: 'own-request' },
      ]);

      const approved = await request(server)
        .post(`/api/nkp/exceptions/${requested.body.id}/approve`)
        .set('Authorization', lead)
        .send({})
        .expect(200);
      expect(approved.body).toMatchObject({
        approvable: false,
        notApprovableBecause: 'already-approved',
      });
      expect(await listed(server, lead)).toEqual([[false, 'already-approved']]);
      expect(await listed(server)).toEqual([[false, 'already-approved']]);
    });

    it('with self-approval allowed: the requester too', async () => {
      const { server } = await startBackend({
        nkp: { exceptions: { requireSeparateApprover: false } },
      });
      const requested = await request(server)
        .post('/api/nkp/exceptions')
        .send(exceptionRequest)
        .expect(201);
      expect(requested.body).toMatchObject({ approvable: true });
      expect(requested.body).not.toHaveProperty('notApprovableBecause');
      expect(await listed(server)).toEqual([[true, undefined]]);
      expect(await listed(server, lead)).toEqual([[true, undefined]]);
    });

    it('without nkp.exception.approve: nobody, whoever requested it', async () => {
      for (const nkp of [
        {},
        { exceptions: { requireSeparateApprover: false } },
      ]) {
        const { server } = await startBackend({
          denied: ['nkp.exception.approve'],
          nkp,
        });
        await request(server)
          .post('/api/nkp/exceptions')
          .send(exceptionRequest)
          .expect(201);
        expect(await listed(server)).toEqual([[false, 'missing-permission']]);
        expect(await listed(server, lead)).toEqual([
          [false, 'missing-permission'],
        ]);
      }
    });
  });

  it('lets the requester approve where nkp.exceptions.requireSeparateApprover is false, and audits it as such', async () => {
    const { server, knex } = await startBackend({
      nkp: { exceptions: { requireSeparateApprover: false } },
    });
    const requested = await request(server)
      .post('/api/nkp/exceptions')
      .send(exceptionRequest)
      .expect(201);
    await request(server)
      .post(`/api/nkp/exceptions/${requested.body.id}/approve`)
      .send({ comment: 'running the platform alone' })
      .expect(200);
    const approval = await knex('audit_log')
      .where({ action: 'exception.approve' })
      .first();
    expect(approval).toMatchObject({
      actor: 'user:default/mock',
      reason: 'running the platform alone',
    });
    expect(JSON.parse(approval.details)).toMatchObject({
      requestedBy: 'user:default/mock',
      selfApproved: true,
    });
  });
});

describe('GET /audit', () => {
  async function withHistory(options: Parameters<typeof startBackend>[0] = {}) {
    const backend = await startBackend(options);
    const { server } = backend;
    const plan = await request(server)
      .post('/api/nkp/plans')
      .send({
        title: 'Fleet to NKP 2.17',
        targetVersion: '2.17',
        announcedAt: day(0),
        scope: { kind: 'fleet' },
      })
      .expect(201);
    const exception = await request(server)
      .post('/api/nkp/exceptions')
      .set('Authorization', mockCredentials.user.header('user:default/dev'))
      .send({
        target: { owner: 'team-acme' },
        reason: 'Quarter-end freeze on every acme cluster',
        expiresAt: day(20),
      })
      .expect(201);
    await request(server)
      .post(`/api/nkp/exceptions/${exception.body.id}/approve`)
      .send({ comment: 'until the freeze ends' })
      .expect(200);
    return { ...backend, planId: plan.body.id, exceptionId: exception.body.id };
  }

  const actions = (body: { items: Array<{ action: string }> }) =>
    body.items.map(a => a.action);

  it('lists who did what, newest first, filtered on the server', async () => {
    const { server, planId, exceptionId } = await withHistory();
    const all = await request(server).get('/api/nkp/audit').expect(200);
    expect(actions(all.body)).toEqual([
      'exception.approve',
      'exception.request',
      'upgrade-plan.create',
    ]);
    expect(all.body.items[0]).toEqual({
      id: expect.any(Number),
      at: expect.any(String),
      actor: 'user:default/mock',
      action: 'exception.approve',
      subjectKind: 'exception',
      subjectId: exceptionId,
      reason: 'until the freeze ends',
      details: expect.objectContaining({ requestedBy: 'user:default/dev' }),
    });
    expect(all.body.nextCursor).toBeUndefined();

    const plans = await request(server).get('/api/nkp/audit?subjectKind=plan');
    expect(plans.body.items).toEqual([
      expect.objectContaining({ subjectKind: 'plan', subjectId: planId }),
    ]);
    const one = await request(server).get(
      `/api/nkp/audit?subjectKind=exception&subjectId=${exceptionId}`,
    );
    expect(actions(one.body)).toEqual([
      'exception.approve',
      'exception.request',
    ]);
    const byDev = await request(server).get(
      '/api/nkp/audit?actor=user:default/dev',
    );
    expect(actions(byDev.body)).toEqual(['exception.request']);
  });

  it('pages with a cursor', async () => {
    const { server } = await withHistory();
    const first = await request(server).get('/api/nkp/audit?limit=2');
    expect(first.body).toMatchObject({
      limit: 2,
      nextCursor: expect.any(String),
    });
    expect(actions(first.body)).toEqual([
      'exception.approve',
      'exception.request',
    ]);
    const second = await request(server).get(
      `/api/nkp/audit?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(actions(second.body)).toEqual(['upgrade-plan.create']);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('rejects bad queries with 400 and says what was wrong', async () => {
    const { server } = await startBackend();
    for (const [query, mentions] of [
      ['subjectKind=cluster', 'subjectKind'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['cursor=abc', 'cursor'],
      ['cursor=99999999999', 'cursor'],
      ['order=asc', 'order'],
    ]) {
      const res = await request(server).get(`/api/nkp/audit?${query}`);
      expect([query, res.status, res.body.error.name]).toEqual([
        query,
        400,
        'InputError',
      ]);
      expect(res.body.error.message).toContain(mentions);
    }
  });

  it('needs nkp.audit.read, which reading the fleet does not grant', async () => {
    const { server } = await withHistory({ denied: ['nkp.audit.read'] });
    const res = await request(server).get('/api/nkp/audit');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('nkp.audit.read'),
    });
    await request(server).get('/api/nkp/clusters').expect(200);
  });
});
