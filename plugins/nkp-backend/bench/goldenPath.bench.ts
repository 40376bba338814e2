/*
 * The golden path's routes at fleet scale: `GET /golden-path/versions` (the version picker; goal
 * p95 < 100 ms at 10,000 clusters) and `POST /golden-path/check` (what `nkp:cluster:render`
 * asks before it renders: validation, catalog and policy; goal p95 < 200 ms), with
 * `GET /golden-path/options` for reference. The server is the one of the /clusters benchmark
 * (server.ts: the real router over the generated fleet); each query is loaded on its own with
 * autocannon, as a tenant (conditional decisions) and as the platform team.
 *
 *   cd plugins/nkp-backend && yarn bench:golden-path [--full]
 */

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  defineBench,
  forkTs,
  formatNumber,
  log,
  percentile,
  printTable,
  receive,
  request,
} from '@nkp-lifecycle/bench';
import autocannon from 'autocannon';
import { join } from 'node:path';
import { TENANT_GROUP, TENANT_USER } from './fleet';
import type { Ready, ServeRequest } from './server';

const GOALS_MS: Record<string, number> = { versions: 100, check: 200 };
const GOAL_CLUSTERS = 10_000;
const PLATFORM_USER = 'user:default/platform-lead';

interface Query {
  name: string;
  /** Which goal it counts for. */
  goal?: keyof typeof GOALS_MS;
  method: 'GET' | 'POST';
  path: string;
  user: string;
  body?: object;
}

/** A request of the tenant for their own workspace (ws-0007 belongs to team-07). */
const checkBody = {
  name: 'bench-new-cluster',
  owner: TENANT_GROUP,
  workspace: 'domain:default/ws-0007',
  description: 'A new cluster for the benchmark',
  operation: 'managed',
  managementCluster: 'resource:default/mgmt-07',
  version: { nkp: '2.17.1', kubernetes: '1.34.3' },
  size: {
    controlPlaneNodes: 3,
    workers: 3,
    vcpus: 4,
    memoryGiB: 16,
    diskGiB: 80,
  },
  placement: {
    prismCentral: 'pc-bench',
    cluster: 'pe-bench-1',
    subnets: ['vlan-tenants'],
    image: 'nkp-rocky-9.6-release-1.34.3',
    storageContainer: 'default-container',
    controlPlaneEndpoint: '10.42.0.50',
  },
  delivery: 'gitops',
};

const QUERIES: Query[] = [
  {
    name: 'versions managed (tenant)',
    goal: 'versions',
    method: 'GET',
    path: '/golden-path/versions?operation=managed&managementCluster=resource:default/mgmt-07',
    user: TENANT_USER,
  },
  {
    name: 'versions self-managed (platform)',
    goal: 'versions',
    method: 'GET',
    path: '/golden-path/versions?operation=self-managed',
    user: PLATFORM_USER,
  },
  {
    name: 'check (tenant)',
    goal: 'check',
    method: 'POST',
    path: '/golden-path/check',
    user: TENANT_USER,
    body: checkBody,
  },
  {
    name: 'options (tenant)',
    method: 'GET',
    path: '/golden-path/options',
    user: TENANT_USER,
  },
];

function headersFor(query: Query): Record<string, string> {
  return {
    authorization: mockCredentials.user.header(query.user),
    ...(query.body ? { 'content-type': 'application/json' } : {}),
  };
}

export default defineBench({
  title: 'The golden path routes (versions, check, options)',
  small: { clusters: 2_000, connections: 10, seconds: 3 },
  full: { clusters: 10_000, connections: 10, seconds: 5 },
  async run({ params, cpuProfileDir }) {
    const server = forkTs(join(__dirname, 'server.ts'), [], { cpuProfileDir });
    try {
      const ready = receive<Ready>(server, 'nkp-bench-ready');
      request<ServeRequest>(server, 'nkp-bench-serve', {
        clusters: params.clusters,
      });
      const { port, setupMs, evaluationMs } = await ready;
      log(
        `${formatNumber(
          params.clusters,
        )} clusters; server ready in ${formatNumber(
          setupMs,
        )} ms (first evaluation ${formatNumber(evaluationMs)} ms); ${
          params.connections
        } connections, ${params.seconds} s per query`,
      );
      const base = `http://127.0.0.1:${port}/api/nkp`;
      for (const query of QUERIES) await verify(base, query);

      const rows: string[][] = [];
      const p95s: Record<string, number[]> = {};
      for (const query of QUERIES) {
        await load(base, query, params.connections, 1);
        const { latencies, errors } = await load(
          base,
          query,
          params.connections,
          params.seconds,
        );
        const sorted = latencies.slice().sort((a, b) => a - b);
        const p95 = percentile(sorted, 0.95);
        if (query.goal) (p95s[query.goal] ??= []).push(p95);
        rows.push([
          query.name,
          formatNumber(sorted.length),
          formatNumber(sorted.length / params.seconds),
          formatNumber(percentile(sorted, 0.5), 1),
          formatNumber(p95, 1),
          formatNumber(percentile(sorted, 0.99), 1),
          String(errors),
        ]);
      }
      log();
      printTable(
        ['query', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
        rows,
      );
      let met = true;
      for (const [goal, limit] of Object.entries(GOALS_MS)) {
        const worst = Math.max(...(p95s[goal] ?? [Infinity]));
        const ok = worst < limit;
        met &&= ok;
        log(
          `Goal ${goal} p95 < ${limit} ms: ${
            ok ? 'met' : 'MISSED'
          } (worst p95 ${formatNumber(worst, 1)} ms)${
            params.clusters === GOAL_CLUSTERS
              ? ''
              : ` at ${formatNumber(
                  params.clusters,
                )} clusters; the goal is at ${formatNumber(
                  GOAL_CLUSTERS,
                )} (--full)`
          }`,
        );
      }
      return met || params.clusters !== GOAL_CLUSTERS;
    } finally {
      server.kill();
    }
  },
});

/** Checks the query answers 200 before it is measured. */
async function verify(base: string, query: Query) {
  const res = await fetch(`${base}${query.path}`, {
    method: query.method,
    headers: headersFor(query),
    body: query.body ? JSON.stringify(query.body) : undefined,
  });
  const text = await res.text();
  if (res.status !== 200) {
    throw new Error(
      `${query.name}: answered ${res.status} ${text.slice(0, 400)}`,
    );
  }
  log(`  ${query.name.padEnd(34)} → ${text.slice(0, 100)}…`);
}

async function load(
  base: string,
  query: Query,
  connections: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${query.path}`,
        method: query.method,
        headers: headersFor(query),
        body: query.body ? JSON.stringify(query.body) : undefined,
        connections,
        duration: seconds,
      },
      error => (error ? reject(error) : resolve()),
    );
    instance.on(
      'response',
      (
        _client: unknown,
        statusCode: number,
        _bytes: number,
        responseTime: number,
      ) => {
        latencies.push(responseTime);
        if (statusCode >= 400) errors++;
      },
    );
  });
  return { latencies, errors };
}
