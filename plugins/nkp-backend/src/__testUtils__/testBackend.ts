/**
 * The plugin in a test backend for router tests: a mocked catalog with a small fleet, mocked
 * permission decisions (ALLOW unless denied) and a real (SQLite) database. The policy is reduced
 * to the upgrade-plan rule so that states depend on the plans the tests create, not on today's
 * date.
 */
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { nkpPlugin } from '../plugin';

const cluster = (
  name: string,
  owner: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'nkp-lifecycle.io/source': 'test',
      'backstage.io/managed-by-location': 'nkp:test',
      'backstage.io/managed-by-origin-location': 'nkp:test',
      ...annotations,
    },
  },
  spec: { type: 'kubernetes-cluster', owner },
});

const v = (nkp: string, k8s: string) => ({
  'nkp-lifecycle.io/nkp-version': nkp,
  'nkp-lifecycle.io/kubernetes-version': k8s,
});

export const entities: Entity[] = [
  cluster('mgmt', 'group:default/platform-team', {
    ...v('2.16.0', '1.33.2'),
    'nkp-lifecycle.io/cluster-type': 'management',
    'nkp-lifecycle.io/workspace': 'kommander',
  }),
  // Two minors behind the target's Kubernetes: the slow tenant that blocks the plan
  cluster('acme-prod', 'group:default/team-acme', {
    ...v('2.16.0', '1.32.5'),
    'nkp-lifecycle.io/cluster-type': 'managed',
    'nkp-lifecycle.io/management-cluster': 'mgmt',
    'nkp-lifecycle.io/workspace': 'acme',
  }),
  cluster('acme-dev', 'team-acme', {
    ...v('2.16.0', '1.33.1'),
    'nkp-lifecycle.io/cluster-type': 'managed',
    'nkp-lifecycle.io/management-cluster': 'mgmt',
    'nkp-lifecycle.io/workspace': 'acme',
  }),
  cluster('hooli-prod', 'group:default/team-hooli', {
    ...v('2.15.2', '1.32.3'),
    'nkp-lifecycle.io/cluster-type': 'self-managed',
    'nkp-lifecycle.io/workspace': 'hooli',
  }),
  cluster('stark-edge', 'group:default/team-stark', {
    'nkp-lifecycle.io/cluster-type': 'attached',
  }),
  // Not put there by the NKP provider: not part of the fleet
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'eks-elsewhere' },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/team-acme' },
  },
];

/** ISO date `offset` days from today (UTC). */
export const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const policyConfig = {
  nkp: {
    policy: {
      managedSkew: { enabled: false },
      selfManagedWindow: { enabled: false },
      upstreamEol: { enabled: false },
      upgradePlans: { windowDays: 90, graceDays: 0 },
    },
  },
};

export const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

export const ownedByAcme: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'nkp',
  resourceType: 'nkp-cluster',
  conditions: {
    rule: 'IS_CLUSTER_OWNER',
    resourceType: 'nkp-cluster',
    params: { claims: ['group:default/team-acme', 'user:default/mock'] },
  },
};

export async function startBackend(
  options: {
    read?: PolicyDecision;
    /** Decisions of `nkp.fleet.read` for particular users. */
    readFor?: Record<string, PolicyDecision>;
    /** Decisions of basic permissions by name; ALLOW when absent. */
    denied?: string[];
    /** Basic permissions denied to particular users, besides `denied`. */
    deniedFor?: Record<string, string[]>;
    /** Catalog entities besides the clusters. */
    more?: Entity[];
    /** `nkp` config besides the policy. */
    nkp?: Record<string, unknown>;
    /** The plugin's logger, to look at what it logged. */
    logger?: ReturnType<typeof mockServices.logger.mock>;
  } = {},
) {
  const knex: Knex = await databases.init('SQLITE_3');
  const permissions = mockServices.permissions.mock();
  permissions.authorizeConditional.mockImplementation(async (reqs, opts) => {
    const user = (opts.credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    const decision = (user ? options.readFor?.[user] : undefined) ??
      options.read ?? { result: AuthorizeResult.ALLOW };
    return reqs.map(() => decision);
  });
  permissions.authorize.mockImplementation(async (reqs, opts) => {
    const user = (opts.credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    const denied = [
      ...(options.denied ?? []),
      ...((user && options.deniedFor?.[user]) || []),
    ];
    return reqs.map(r => ({
      result: denied.includes(r.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    }));
  });
  const { server } = await startTestBackend({
    features: [
      nkpPlugin,
      catalogServiceMock.factory({
        entities: [...entities, ...(options.more ?? [])],
      }),
      permissions.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: { nkp: { ...policyConfig.nkp, ...options.nkp } },
      }),
      ...(options.logger ? [options.logger.factory] : []),
    ],
  });
  return { server, knex };
}

export const names = (body: { items: Array<{ name: string }> }) =>
  body.items.map(c => c.name);

/** Announced 100 days ago with a 90-day window: hooli-prod lost support 10 days ago. */
export const latePlan = {
  title: 'Hooli to NKP 2.16',
  targetVersion: '2.16',
  announcedAt: day(-100),
  scope: { kind: 'workspace', name: 'hooli' },
  // Recorded late on purpose
  backdated: true,
};

/** An exception for hooli-prod from the late plan. */
export const exceptionRequest = {
  target: { cluster: 'resource:default/hooli-prod' },
  rule: 'upgrade-plan',
  reason: 'Vendor has not certified 1.33 for the payment appliance yet',
  expiresAt: day(30),
};
