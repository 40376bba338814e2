/**
 * The `/api/nkp` routes under the portal's real policy: every permission is decided by the NKP
 * permission policy module (`decideNkpPermission` with an `nkp.access` config), and conditional
 * decisions are applied by the plugin's own rules. A tenant (alice, team-acme) sees and counts
 * only ACME's clusters, plans and exceptions on every route; the platform engineer (pat) sees the
 * fleet, announces and approves; look-alike entities from a user's catalog file count for nothing.
 */
import {
  BackstageCredentials,
  BackstageUserInfo,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  decideNkpPermission,
  readNkpAccessConfig,
} from '@nkp-lifecycle/backstage-plugin-permission-backend-module-nkp';
import request from 'supertest';
import { nkpPlugin } from './plugin';

jest.setTimeout(60_000);

const provider = {
  'nkp-lifecycle.io/source': 'test',
  'backstage.io/managed-by-location': 'nkp:test',
  'backstage.io/managed-by-origin-location': 'nkp:test',
};

const cluster = (
  name: string,
  owner: string,
  annotations: Record<string, string>,
  origin: Record<string, string> = provider,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, annotations: { ...origin, ...annotations } },
  spec: { type: 'kubernetes-cluster', owner },
});

const managed = (workspace: string, k8s: string) => ({
  'nkp-lifecycle.io/nkp-version': '2.16.0',
  'nkp-lifecycle.io/kubernetes-version': k8s,
  'nkp-lifecycle.io/cluster-type': 'managed',
  'nkp-lifecycle.io/management-cluster': 'mgmt',
  'nkp-lifecycle.io/workspace': workspace,
});

const tenantFile = 'url:https://git.acme.example/acme/catalog-info.yaml';

const entities: Entity[] = [
  cluster('mgmt', 'group:default/platform-team', {
    'nkp-lifecycle.io/nkp-version': '2.16.0',
    'nkp-lifecycle.io/kubernetes-version': '1.33.2',
    'nkp-lifecycle.io/cluster-type': 'management',
    'nkp-lifecycle.io/workspace': 'kommander',
  }),
  cluster('acme-prod', 'group:default/team-acme', managed('acme', '1.32.5')),
  cluster('hooli-prod', 'group:default/team-hooli', managed('hooli', '1.32.3')),
  cluster('hooli-dev', 'group:default/team-hooli', managed('hooli', '1.33.1')),
  // ACME's own file imitates an NKP cluster of theirs: not part of the fleet
  cluster('acme-shadow', 'group:default/team-acme', managed('acme', '1.31.0'), {
    'nkp-lifecycle.io/source': 'test',
    'backstage.io/managed-by-location': tenantFile,
    'backstage.io/managed-by-origin-location': tenantFile,
  }),
];

const groups: Record<string, string[]> = {
  'user:default/pat': ['group:default/platform-team'],
  'user:default/alice': ['group:default/team-acme'],
};

const access = readNkpAccessConfig(
  new ConfigReader({
    nkp: { access: { platformTeam: ['group:default/platform-team'] } },
  }),
);

function userInfoOf(
  credentials: BackstageCredentials,
): BackstageUserInfo | undefined {
  const { principal } = credentials as BackstageCredentials<{
    type: string;
    userEntityRef?: string;
  }>;
  const ref = principal.userEntityRef;
  if (!ref) return undefined;
  return { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups[ref]] };
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function startBackend() {
  const knex = await databases.init('SQLITE_3');
  const permissions = mockServices.permissions.mock();
  // What the permission backend answers with the NKP policy module installed (ALLOW where the
  // policy has no opinion, as NkpPermissionPolicy does).
  const decide = (
    reqs: Array<{ permission: any }>,
    opts: { credentials: BackstageCredentials },
  ) =>
    reqs.map(
      r =>
        decideNkpPermission(
          { permission: r.permission },
          userInfoOf(opts.credentials),
          access,
        ) ?? { result: AuthorizeResult.ALLOW },
    );
  permissions.authorizeConditional.mockImplementation(
    async (reqs, opts) => decide(reqs, opts) as any,
  );
  permissions.authorize.mockImplementation(async (reqs, opts) =>
    decide(reqs, opts).map(d =>
      d.result === AuthorizeResult.CONDITIONAL
        ? { result: AuthorizeResult.DENY }
        : d,
    ),
  );
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      nkpPlugin,
      catalogServiceMock.factory({ entities }),
      permissions.factory,
      logger.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          nkp: {
            policy: {
              managedSkew: { enabled: false },
              selfManagedWindow: { enabled: false },
              upstreamEol: { enabled: false },
              upgradePlans: { windowDays: 90, graceDays: 0 },
            },
          },
        },
      }),
    ],
  });
  const as = (user: string) => ({
    get: (path: string) =>
      request(server)
        .get(`/api/nkp${path}`)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (path: string, body: object) =>
      request(server)
        .post(`/api/nkp${path}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  });
  return {
    service: {
      get: (path: string) =>
        request(server)
          .get(`/api/nkp${path}`)
          .set('Authorization', mockCredentials.service.header()),
    },
    pat: as('user:default/pat'),
    alice: as('user:default/alice'),
    knex,
    logger,
  };
}

const OTHER_TENANT = /hooli|Hooli platform/;

describe('the routes under the NKP permission policy', () => {
  it('show a tenant only their own clusters, plans, exceptions and counts, and refuse the platform’s actions before writing', async () => {
    const { pat, alice, knex, logger } = await startBackend();
    // The platform team announces a plan for Hooli's workspace and one for the whole fleet,
    // and Hooli's cluster gets an exception
    await pat
      .post('/plans', {
        title: 'Hooli platform to NKP 2.17',
        targetVersion: '2.17',
        announcedAt: day(0),
        scope: { kind: 'workspace', name: 'hooli' },
      })
      .expect(201);
    await pat
      .post('/plans', {
        title: 'Fleet to NKP 2.17',
        targetVersion: '2.17',
        announcedAt: day(0),
        scope: { kind: 'fleet' },
      })
      .expect(201);
    await pat
      .post('/exceptions', {
        target: { cluster: 'resource:default/hooli-prod' },
        reason: 'hooli vendor freeze',
        expiresAt: day(30),
      })
      .expect(201);
    const acmeException = await alice
      .post('/exceptions', {
        target: { cluster: 'resource:default/acme-prod' },
        reason: 'ACME peak season',
        expiresAt: day(30),
      })
      .expect(201);
    expect(acmeException.body).toMatchObject({
      approvable: false,
      notApprovableBecause: 'missing-permission',
    });

    const clusters = await alice.get('/clusters').expect(200);
    expect(clusters.body.items.map((c: { name: string }) => c.name)).toEqual([
      'acme-prod',
    ]);
    expect(clusters.body.totalCount).toBe(1);
    await alice.get('/clusters/default/hooli-prod').expect(404);

    const summary = await alice.get('/summary').expect(200);
    expect(summary.body).toMatchObject({
      total: 1,
      plans: 1,
      exceptions: { requested: 1, active: 0 },
    });

    const tenants = await alice.get('/tenants').expect(200);
    expect(
      tenants.body.byOwner.map((t: { tenant: string }) => t.tenant),
    ).toEqual(['group:default/team-acme']);
    expect(
      tenants.body.byWorkspace.map((t: { tenant: string }) => t.tenant),
    ).toEqual(['acme']);

    const plans = await alice.get('/plans').expect(200);
    expect(plans.body.items.map((p: { title: string }) => p.title)).toEqual([
      'Fleet to NKP 2.17',
    ]);
    expect(plans.body.items[0]).toMatchObject({
      inScope: 1,
      pendingClusters: ['resource:default/acme-prod'],
    });

    const exceptions = await alice.get('/exceptions').expect(200);
    expect(
      exceptions.body.items.map((e: { reason: string }) => e.reason),
    ).toEqual(['ACME peak season']);

    for (const res of [summary, tenants, plans, exceptions, clusters]) {
      expect(JSON.stringify(res.body)).not.toMatch(OTHER_TENANT);
    }

    // Not theirs to do: refused, and nothing written
    const audited = async () =>
      Number((await knex('audit_log').count('* as n'))[0].n);
    const planCount = async () =>
      Number((await knex('upgrade_plans').count('* as n'))[0].n);
    const plansBefore = await planCount();
    const before = await audited();
    await alice.get('/audit').expect(403);
    const announce = await alice
      .post('/plans', {
        title: 'Not mine to announce',
        targetVersion: '2.17',
        announcedAt: day(0),
        scope: { kind: 'fleet' },
      })
      .expect(403);
    expect(announce.body.error.message).toContain('nkp.upgrade-plan.manage');
    await alice
      .post(`/exceptions/${acmeException.body.id}/approve`, {})
      .expect(403);
    await alice
      .post('/exceptions', {
        target: { cluster: 'resource:default/hooli-dev' },
        reason: 'not my cluster',
        expiresAt: day(30),
      })
      .expect(400);
    expect(await audited()).toBe(before);
    expect(await planCount()).toBe(plansBefore);

    // The platform engineer sees the fleet and approves
    expect((await pat.get('/summary').expect(200)).body).toMatchObject({
      total: 4,
      plans: 2,
      exceptions: { requested: 2 },
    });
    const listed = await pat.get('/exceptions').expect(200);
    expect(
      listed.body.items.find(
        (e: { id: string }) => e.id === acmeException.body.id,
      ),
    ).toMatchObject({ approvable: true });
    const approved = await pat
      .post(`/exceptions/${acmeException.body.id}/approve`, { comment: 'ok' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: 'user:default/pat',
    });
    await pat.get('/audit').expect(200);

    // The look-alike from ACME's file: not a cluster, and named in a warning
    await alice.get('/clusters/default/acme-shadow').expect(404);
    await pat.get('/clusters/default/acme-shadow').expect(404);
    const reader = logger.child.mock.calls.findIndex(
      ([meta]) => meta.component === 'fleet-reader',
    );
    expect(logger.child.mock.results[reader].value.warn).toHaveBeenCalledWith(
      expect.stringContaining('resource:default/acme-shadow'),
      expect.anything(),
    );
  });

  it('deny callers that are not users (services) every NKP permission', async () => {
    const { service } = await startBackend();
    for (const path of ['/summary', '/clusters', '/plans', '/audit']) {
      const res = await service.get(path);
      expect([path, res.status]).toEqual([path, 403]);
    }
  });
});
