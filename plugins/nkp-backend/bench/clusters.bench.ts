/*
 * Benchmark of `GET /api/nkp/clusters` at fleet scale. A child process serves the real router,
 * FleetState and PolicyStore (SQLite in memory) over a generated fleet from a mocked catalog, with
 * mocked auth and permissions, on a random loopback port; this process loads it with autocannon
 * (50 connections, 10 s) and reports latency per query of a realistic mix. The server runs in its
 * own process so that the load generator does not steal its event loop.
 *
 *   cd plugins/nkp-backend
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/clusters.bench.ts
 *
 * Environment: NKP_BENCH_CLUSTERS (default 10000), NKP_BENCH_CONNECTIONS (50),
 * NKP_BENCH_SECONDS (10), NKP_BENCH_PROFILE (a directory: write a CPU profile of the server there).
 * Exits 1 when the p95 of the whole mix misses the 50 ms goal.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  NKP_ANNOTATIONS,
  parsePolicyConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import autocannon from 'autocannon';
import express from 'express';
import knexFactory from 'knex';
import { ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { PolicyStore } from '../src/database/PolicyStore';
import { FleetAccess } from '../src/permissions/FleetAccess';
import {
  nkpClusterPermissionRules,
  nkpClusterPermissionResourceRef,
} from '../src/permissions/rules';
import { createRouter } from '../src/router';
import { FleetReader } from '../src/state/FleetReader';
import { FleetState } from '../src/state/FleetState';

const CLUSTERS = Number(process.env.NKP_BENCH_CLUSTERS ?? 10_000);
const CONNECTIONS = Number(process.env.NKP_BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.NKP_BENCH_SECONDS ?? 10);
const GOAL_P95_MS = 50;

const WORKSPACES = Math.max(1, Math.round(CLUSTERS / 10));
const OWNERS = 25;
const MANAGEMENT_CLUSTERS = 20;
/** The tenant whose permission decision is conditional: sees only team-07's clusters. */
const TENANT_USER = 'user:default/tenant-dev';
const TENANT_GROUP = 'group:default/team-07';

const PAGE = 'limit=25';
/** What the portal asks: the UI pages by 20–25, tenants filter by owner, the platform by state. */
const MIX: Array<{ name: string; path: string; user?: string }> = [
  { name: 'first page', path: `/clusters?${PAGE}` },
  { name: 'owner filter', path: `/clusters?owner=team-07&${PAGE}` },
  // My deadlines: the user and their groups in one request
  {
    name: 'several owners',
    path: `/clusters?owner=user:default/tenant-dev&owner=team-07,team-12&orderBy=deadline&${PAGE}`,
  },
  {
    name: 'state filter',
    path: `/clusters?state=overdue,unsupported&${PAGE}`,
  },
  { name: 'by deadline', path: `/clusters?orderBy=deadline&${PAGE}` },
  {
    name: 'later page',
    path: `/clusters?orderBy=kubernetesVersion&order=desc&offset=${Math.floor(
      CLUSTERS * 0.75,
    )}&${PAGE}`,
  },
  {
    name: 'tenant (conditional)',
    path: `/clusters?${PAGE}`,
    user: TENANT_USER,
  },
];

// ---------------------------------------------------------------------------------------------
// The fleet

/** Deterministic pseudo-random numbers, so every run benchmarks the same fleet. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * NKP minors, the Kubernetes minor each ships, and their share of the self-managed clusters:
 * mostly current, with a long tail of old ones, so states range from compliant to unsupported.
 */
const NKP = [
  { nkp: '2.12', k8s: '1.29', share: 0.02 },
  { nkp: '2.13', k8s: '1.30', share: 0.03 },
  { nkp: '2.14', k8s: '1.31', share: 0.07 },
  { nkp: '2.15', k8s: '1.32', share: 0.13 },
  { nkp: '2.16', k8s: '1.33', share: 0.3 },
  { nkp: '2.17', k8s: '1.34', share: 0.45 },
];

function pickNkp(next: () => number) {
  let r = next();
  for (const version of NKP) {
    r -= version.share;
    if (r < 0) return version;
  }
  return NKP[NKP.length - 1];
}

/** Every fourth management cluster is a minor behind. */
const managementVersion = (m: number) => (m % 4 === 0 ? NKP[4] : NKP[5]);

/** Kubernetes minors a managed cluster trails its management cluster: mostly none. */
function managedLag(r: number) {
  if (r < 0.8) return 0;
  return r < 0.94 ? 1 : 2;
}

function clusterEntity(
  name: string,
  owner: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        [NKP_ANNOTATIONS.source]: 'bench',
        [NKP_ANNOTATIONS.objectName]: name,
        [NKP_ANNOTATIONS.phase]: 'Provisioned',
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner, lifecycle: 'production' },
  };
}

export function generateFleet(): Entity[] {
  const next = random(42);
  const entities: Entity[] = [];
  for (let m = 0; m < MANAGEMENT_CLUSTERS; m++) {
    const { nkp, k8s } = managementVersion(m);
    entities.push(
      clusterEntity(`mgmt-${pad(m, 2)}`, 'group:default/platform-team', {
        [NKP_ANNOTATIONS.clusterType]: 'management',
        [NKP_ANNOTATIONS.nkpVersion]: `${nkp}.1`,
        [NKP_ANNOTATIONS.kubernetesVersion]: `${k8s}.4`,
        [NKP_ANNOTATIONS.workspace]: 'kommander',
      }),
    );
  }
  for (let i = entities.length; i < CLUSTERS; i++) {
    const ws = i % WORKSPACES;
    const workspace = `ws-${pad(ws, 4)}`;
    const owner = `group:default/team-${pad(ws % OWNERS, 2)}`;
    const r = next();
    const { nkp, k8s } = pickNkp(next);
    const patch = Math.floor(next() * 6);
    const name = `${workspace}-c${pad(i, 5)}`;
    if (r < 0.6) {
      // Managed: mostly on the management cluster's Kubernetes, some one or two minors behind
      const mgmt = ws % MANAGEMENT_CLUSTERS;
      const mgmtK8s = Number(managementVersion(mgmt).k8s.split('.')[1]);
      const lag = managedLag(next());
      entities.push(
        clusterEntity(name, owner, {
          [NKP_ANNOTATIONS.clusterType]: 'managed',
          [NKP_ANNOTATIONS.managementCluster]: `mgmt-${pad(mgmt, 2)}`,
          [NKP_ANNOTATIONS.kubernetesVersion]: `1.${mgmtK8s - lag}.${patch}`,
          [NKP_ANNOTATIONS.workspace]: workspace,
          [NKP_ANNOTATIONS.projects]: `${workspace}-web,${workspace}-data`,
        }),
      );
    } else if (r < 0.95) {
      entities.push(
        clusterEntity(name, owner, {
          [NKP_ANNOTATIONS.clusterType]: 'self-managed',
          [NKP_ANNOTATIONS.nkpVersion]: `${nkp}.${patch % 3}`,
          [NKP_ANNOTATIONS.kubernetesVersion]: `${k8s}.${patch}`,
          [NKP_ANNOTATIONS.workspace]: workspace,
        }),
      );
    } else {
      entities.push(
        clusterEntity(name, owner, {
          [NKP_ANNOTATIONS.clusterType]: 'attached',
          ...(next() < 0.5
            ? { [NKP_ANNOTATIONS.kubernetesVersion]: `${k8s}.${patch}` }
            : {}),
          [NKP_ANNOTATIONS.workspace]: workspace,
        }),
      );
    }
  }
  return entities;
}

function pad(n: number, width: number) {
  return String(n).padStart(width, '0');
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A few plans (one late) and exceptions, most of them approved by someone else. */
async function seedPolicy(store: PolicyStore) {
  const lead = 'user:default/platform-lead';
  await store.createPlan(
    {
      title: 'Fleet to NKP 2.17',
      targetVersion: '2.17',
      announcedAt: isoDay(-30),
      scope: { kind: 'fleet' },
    },
    lead,
  );
  await store.createPlan(
    {
      title: 'mgmt-03 to NKP 2.17',
      targetVersion: '2.17',
      announcedAt: isoDay(-80),
      scope: { kind: 'management-cluster', name: 'mgmt-03' },
    },
    lead,
  );
  for (let w = 0; w < 10; w++) {
    await store.createPlan(
      {
        title: `ws-${pad(w, 4)} to NKP 2.17 (late)`,
        targetVersion: '2.17',
        announcedAt: isoDay(-120),
        scope: { kind: 'workspace', name: `ws-${pad(w, 4)}` },
      },
      lead,
    );
  }
  for (let e = 0; e < 100; e++) {
    const ws = e * 7;
    const exception = await store.requestException(
      {
        target:
          e % 5 === 0
            ? { owner: `group:default/team-${pad(ws % OWNERS, 2)}` }
            : {
                // The second cluster of workspace `ws`
                cluster: `resource:default/ws-${pad(ws, 4)}-c${pad(
                  ws + WORKSPACES,
                  5,
                )}`,
              },
        reason: 'Vendor has not certified the next Kubernetes minor yet',
        expiresAt: isoDay(30 + e),
      },
      `user:default/dev-${e % 13}`,
    );
    if (e % 3 !== 0) await store.approveException(exception.id, lead);
  }
}

// ---------------------------------------------------------------------------------------------
// The server (child process)

async function serve() {
  const started = Date.now();
  const entities = generateFleet();
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await PolicyStore.create({
    database: { getClient: async () => knex },
  });
  await seedPolicy(store);

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
  const userOf = (credentials: BackstageCredentials) =>
    (credentials.principal as { userEntityRef?: string }).userEntityRef;
  // Everyone may read the whole fleet, except the tenant, who gets a conditional decision.
  const permissions: PermissionsService = {
    authorize: (requests, options) => allowAll.authorize(requests, options),
    authorizeConditional: async (requests, options) =>
      userOf(options.credentials) === TENANT_USER
        ? requests.map(() => tenantDecision)
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
  app.use('/api/nkp', await createRouter({ access, fleet, store, logger }));
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger,
  });
  app.use(middleware.notFound());
  app.use(middleware.error());
  // The server's CPU time, for a figure that does not depend on what else the machine runs.
  process.on('message', message => {
    if ((message as { type?: string })?.type === 'nkp-bench-cpu') {
      process.send!({ type: 'nkp-bench-cpu', usage: process.cpuUsage() });
    }
  });
  const server = app.listen(0, '127.0.0.1', () => {
    process.send!({
      type: 'nkp-bench-ready',
      port: (server.address() as AddressInfo).port,
      setupMs: Date.now() - started,
      evaluationMs,
      clusters: snapshot.evaluation.clusters.length,
      counts: snapshot.evaluation.fleet.counts,
      plans: snapshot.plans.length,
      exceptions: snapshot.exceptions.length,
      activeExceptions: snapshot.evaluation.exceptions.filter(
        e => e.status === 'active',
      ).length,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The load (this process)

interface Ready {
  type: 'nkp-bench-ready';
  port: number;
  setupMs: number;
  evaluationMs: number;
  clusters: number;
  counts: Record<string, number>;
  plans: number;
  exceptions: number;
  activeExceptions: number;
}

interface Measured {
  name: string;
  latencies: number[];
  errors: number;
  seconds: number;
}

function headersFor(user?: string): Record<string, string> {
  return user ? { authorization: mockCredentials.user.header(user) } : {};
}

/** Checks every query answers 200 with clusters before it is measured. */
async function verify(base: string) {
  for (const query of MIX) {
    const res = await fetch(`${base}${query.path}`, {
      headers: headersFor(query.user),
    });
    const body = (await res.json()) as {
      totalCount?: number;
      items?: unknown[];
    };
    if (res.status !== 200 || !body.items?.length) {
      throw new Error(
        `${query.name}: ${query.path} answered ${res.status} ${JSON.stringify(
          body,
        ).slice(0, 300)}`,
      );
    }
    console.log(
      `  ${query.name.padEnd(22)} ${query.path}  → ${body.totalCount} matching`,
    );
  }
}

/**
 * Loads the server with the mix for `seconds`: every connection asks the queries in turn, as a
 * user paging and filtering would. One autocannon instance, so that starting the load does not
 * itself delay responses.
 */
async function load(
  base: string,
  seconds: number,
): Promise<{ queries: Measured[]; otherErrors: number }> {
  const measured: Measured[] = MIX.map(query => ({
    name: query.name,
    latencies: [],
    errors: 0,
    seconds,
  }));
  // Which query the response being reported answers: autocannon calls the request's onResponse
  // and then, synchronously, emits 'response' for the same response.
  let answered = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance: EventEmitter = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: MIX.map((query, i) => ({
          method: 'GET',
          path: `${new URL(base).pathname}${query.path}`,
          headers: headersFor(query.user),
          onResponse: () => {
            answered = i;
          },
        })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's summary has no p95: record every response's latency. It passes the client
    // first, which @types/autocannon leaves out.
    instance.on(
      'response',
      (
        _client: unknown,
        statusCode: number,
        _bytes: number,
        responseTime: number,
      ) => {
        measured[answered].latencies.push(responseTime);
        if (statusCode >= 400) measured[answered].errors++;
      },
    );
  });
  for (const m of measured) m.seconds = result.duration;
  // Connection errors and timeouts belong to no response, only to the whole mix.
  return { queries: measured, otherErrors: result.errors + result.timeouts };
}

/** The server's user + system CPU time so far, in ms. */
function serverCpuMs(server: ChildProcess): Promise<number> {
  return new Promise(resolve => {
    const onMessage = (message: unknown) => {
      const { type, usage } = message as {
        type?: string;
        usage?: NodeJS.CpuUsage;
      };
      if (type === 'nkp-bench-cpu' && usage) {
        server.off('message', onMessage);
        resolve((usage.user + usage.system) / 1000);
      }
    };
    server.on('message', onMessage);
    server.send({ type: 'nkp-bench-cpu' });
  });
}

function percentile(sorted: number[], q: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function report(
  { queries, otherErrors }: Awaited<ReturnType<typeof load>>,
  cpu: { server: number; client: number },
) {
  const all: Measured = {
    name: 'all',
    latencies: queries.flatMap(q => q.latencies),
    errors: queries.reduce((sum, q) => sum + q.errors, otherErrors),
    seconds: Math.max(...queries.map(q => q.seconds)),
  };
  const table = [
    [
      'query',
      'requests',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'errors',
    ],
  ];
  for (const row of [...queries, all]) {
    const sorted = row.latencies.slice().sort((a, b) => a - b);
    const ms = (q: number) => percentile(sorted, q).toFixed(1);
    table.push([
      row.name,
      String(sorted.length),
      (sorted.length / row.seconds).toFixed(0),
      ms(0.5),
      ms(0.95),
      ms(0.99),
      ms(1),
      String(row.errors),
    ]);
  }
  console.log('');
  for (const cells of table) {
    console.log(
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(22) : cell.padStart(9)))
        .join(''),
    );
  }

  const share = (cpuMs: number) =>
    `${((cpuMs / 1000 / all.seconds) * 100).toFixed(0)}% of one core`;
  const loadAverage = loadavg().map(l => l.toFixed(1));
  console.log(
    `\nServer CPU: ${(cpu.server / all.latencies.length).toFixed(
      3,
    )} ms per request ` +
      `(${share(cpu.server)}); load generator ${share(cpu.client)}; ` +
      `load average ${loadAverage.join(' ')} on ${cpus().length} CPUs`,
  );
  const p95All = percentile(
    all.latencies.slice().sort((a, b) => a - b),
    0.95,
  );
  const met = p95All < GOAL_P95_MS;
  console.log(
    `\nGoal p95 < ${GOAL_P95_MS} ms at ${CONNECTIONS} connections: ${
      met ? 'met' : 'MISSED'
    } (p95 ${p95All.toFixed(1)} ms)`,
  );
  return met;
}

async function main() {
  console.log(
    `NKP /clusters benchmark: ${CLUSTERS} clusters, ${WORKSPACES} workspaces, ${OWNERS} owners; ${CONNECTIONS} connections for ${SECONDS} s`,
  );
  const profileDir = process.env.NKP_BENCH_PROFILE;
  const server = fork(__filename, ['--serve'], {
    stdio: 'inherit',
    execArgv: [
      ...process.execArgv,
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
  });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      // The TypeScript loader talks over the same channel: wait for our own message.
      server.on('message', message => {
        if ((message as Ready)?.type === 'nkp-bench-ready') {
          resolve(message as Ready);
        }
      });
      server.once('error', reject);
      server.once('exit', code =>
        reject(new Error(`Server process exited early (${code})`)),
      );
    });
    console.log(
      `Server ready in ${ready.setupMs} ms (first evaluation ${
        ready.evaluationMs
      } ms): ${ready.clusters} clusters ${JSON.stringify(ready.counts)}, ${
        ready.plans
      } plans, ${ready.exceptions} exceptions (${
        ready.activeExceptions
      } active)`,
    );
    const base = `http://127.0.0.1:${ready.port}/api/nkp`;
    await verify(base);
    // Warm up the JIT and the per-snapshot caches before measuring.
    await load(base, 2);
    const serverBefore = await serverCpuMs(server);
    const clientBefore = process.cpuUsage();
    const results = await load(base, SECONDS);
    const client = process.cpuUsage(clientBefore);
    const met = report(results, {
      server: (await serverCpuMs(server)) - serverBefore,
      client: (client.user + client.system) / 1000,
    });
    if (!met) process.exitCode = 1;
  } finally {
    server.removeAllListeners('exit');
    server.kill();
  }
}

if (require.main !== module) {
  // Imported for its fleet generator: run nothing.
} else if (process.argv[2] === '--serve') {
  // Exit normally when the load is done, so that a requested CPU profile gets written.
  process.on('SIGTERM', () => process.exit(0));
  serve().catch(error => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
}
