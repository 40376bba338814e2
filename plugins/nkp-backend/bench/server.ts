/*
 * The server of the /clusters benchmark, run as a child process of clusters.bench.ts so that the
 * load generator does not share its event loop: the real router, FleetState and PolicyStore
 * (SQLite in memory) over the generated fleet (fleet.ts) in a mocked catalog, with mocked auth and
 * permissions, on a random loopback port. Everyone may read the whole fleet except the tenant
 * (TENANT_USER), whose decision is conditional, as a tenant's is in the portal.
 */

import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { parsePolicyConfig } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { answer, cpuMs } from '@nkp-lifecycle/bench';
import express from 'express';
import knexFactory from 'knex';
import { AddressInfo } from 'node:net';
import { PolicyStore } from '../src/database/PolicyStore';
import { FleetAccess } from '../src/permissions/FleetAccess';
import {
  nkpClusterPermissionRules,
  nkpClusterPermissionResourceRef,
  nkpGroupPermissionResourceRef,
  nkpGroupPermissionRules,
} from '../src/permissions/rules';
import { createRouter } from '../src/router';
import { FleetReader } from '../src/state/FleetReader';
import { FleetState } from '../src/state/FleetState';
import { readGoldenPathConfig } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { GoldenPathAccess } from '../src/permissions/GoldenPathAccess';
import { GoldenPathCatalog } from '../src/state/GoldenPathCatalog';
import {
  BENCH_GOLDEN_PATH,
  generateFleet,
  generateGoldenPathEntities,
  seedPolicy,
  TENANT_GROUP,
  TENANT_USER,
} from './fleet';

export interface ServeRequest {
  clusters: number;
}

/** What the server reports once it listens. */
export interface Ready {
  port: number;
  setupMs: number;
  /** The first evaluation of the fleet, which the first request would otherwise wait for. */
  evaluationMs: number;
  clusters: number;
  counts: Record<string, number>;
  plans: number;
  exceptions: number;
  activeExceptions: number;
}

// Exit normally when the load is done, so that a requested CPU profile gets written.
process.on('SIGTERM', () => process.exit(0));
answer('nkp-bench-serve', 'nkp-bench-ready', serve);

async function serve({ clusters }: ServeRequest): Promise<Ready> {
  const started = Date.now();
  const entities = [
    ...generateFleet(clusters),
    ...generateGoldenPathEntities(clusters),
  ];
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await PolicyStore.create({
    database: { getClient: async () => knex },
  });
  await seedPolicy(store, clusters);

  const logger = mockServices.rootLogger({ level: 'warn' });
  const auth = mockServices.auth();
  const fleet = new FleetState({
    reader: new FleetReader(catalogServiceMock({ entities })),
    auth,
    store,
    logger,
    policy: parsePolicyConfig({}),
    calendarOverrides: {},
  });

  const allowAll = mockServices.permissions();
  const tenantDecision: PolicyDecision = {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'nkp',
    resourceType: nkpClusterPermissionResourceRef.resourceType,
    conditions: {
      rule: 'IS_CLUSTER_OWNER',
      resourceType: nkpClusterPermissionResourceRef.resourceType,
      params: { claims: [TENANT_GROUP, TENANT_USER] },
    },
  };
  // The golden path: the tenant may request clusters for their own group only.
  const tenantGroupDecision: PolicyDecision = {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'nkp',
    resourceType: nkpGroupPermissionResourceRef.resourceType,
    conditions: {
      rule: 'IS_OWN_GROUP',
      resourceType: nkpGroupPermissionResourceRef.resourceType,
      params: { claims: [TENANT_GROUP, TENANT_USER] },
    },
  };
  const userOf = (credentials: BackstageCredentials) =>
    (credentials.principal as { userEntityRef?: string }).userEntityRef;
  // Everyone may read the whole fleet, except the tenant, who gets a conditional decision.
  const permissions: PermissionsService = {
    authorize: (requests, options) => allowAll.authorize(requests, options),
    authorizeConditional: async (requests, options) =>
      userOf(options.credentials) === TENANT_USER
        ? requests.map(r =>
            'resourceType' in r.permission &&
            r.permission.resourceType ===
              nkpGroupPermissionResourceRef.resourceType
              ? tenantGroupDecision
              : tenantDecision,
          )
        : allowAll.authorizeConditional(requests, options),
  };
  const rules = Object.values(nkpClusterPermissionRules);
  const access = new FleetAccess(
    mockServices.httpAuth({ pluginId: 'nkp' }),
    permissions,
    {
      getRuleByName: (name: string) => {
        const rule = rules.find(r => r.name === name);
        if (!rule) throw new Error(`No NKP permission rule ${name}`);
        return rule;
      },
    } as ConstructorParameters<typeof FleetAccess>[2],
  );

  const evaluationStarted = Date.now();
  const snapshot = await fleet.current();
  const evaluationMs = Date.now() - evaluationStarted;

  const app = express();
  const groupRules = Object.values(nkpGroupPermissionRules);
  const goldenPath = {
    config: readGoldenPathConfig(
      new ConfigReader({ nkp: { goldenPath: BENCH_GOLDEN_PATH } }),
    ),
    access: new GoldenPathAccess(permissions, {
      getRuleByName: (name: string) => {
        const rule = groupRules.find(r => r.name === name);
        if (!rule) throw new Error(`No NKP permission rule ${name}`);
        return rule;
      },
    } as ConstructorParameters<typeof GoldenPathAccess>[1]),
    catalog: new GoldenPathCatalog(catalogServiceMock({ entities }), auth),
  };
  app.use(
    '/api/nkp',
    await createRouter({ access, fleet, store, logger, goldenPath }),
  );
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger,
  });
  app.use(middleware.notFound());
  app.use(middleware.error());
  // The server's CPU time, for a figure that does not depend on what else the machine runs.
  answer('nkp-bench-cpu', 'nkp-bench-cpu', async () => cpuMs());
  const port = await new Promise<number>(resolve => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
  return {
    port,
    setupMs: Date.now() - started,
    evaluationMs,
    clusters: snapshot.evaluation.clusters.length,
    counts: snapshot.evaluation.fleet.counts,
    plans: snapshot.plans.length,
    exceptions: snapshot.exceptions.length,
    activeExceptions: snapshot.evaluation.exceptions.filter(
      e => e.status === 'active',
    ).length,
  };
}
