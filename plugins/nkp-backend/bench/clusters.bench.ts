/*
 * `GET /api/nkp/clusters` at fleet scale. A child process (server.ts) serves the real router over
 * a generated fleet (fleet.ts); this process loads it with autocannon, every connection asking
 * the queries of a realistic mix in turn, and reports latency per query, the server's CPU time
 * per request and the load average. The goal, a p95 under 25 ms for the whole mix at 10,000
 * clusters and 50 connections, is checked at those sizes (`--full`).
 *
 *   cd plugins/nkp-backend && yarn bench [--full] [--set connections=20]
 */

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  cpuMs,
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
import { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { OWNERS, TENANT_USER, workspacesFor } from './fleet';
import type { Ready, ServeRequest } from './server';

const GOAL = { p95Ms: 25, clusters: 10_000, connections: 50 };

interface Query {
  name: string;
  path: string;
  user?: string;
}

/** What the portal asks: the UI pages by 20–25, tenants filter by owner, the platform by state. */
function mixFor(clusters: number): Query[] {
  const page = 'limit=25';
  return [
    { name: 'first page', path: `/clusters?${page}` },
    { name: 'owner filter', path: `/clusters?owner=team-07&${page}` },
    // My deadlines: the user and their groups in one request
    {
      name: 'several owners',
      path: `/clusters?owner=user:default/tenant-dev,team-07,team-12&orderBy=deadline&${page}`,
    },
    {
      name: 'state filter',
      path: `/clusters?state=overdue,unsupported&${page}`,
    },
    { name: 'by deadline', path: `/clusters?orderBy=deadline&${page}` },
    {
      name: 'later page',
      path: `/clusters?orderBy=kubernetesVersion&order=desc&offset=${Math.floor(
        clusters * 0.75,
      )}&${page}`,
    },
    {
      name: 'tenant (conditional)',
      path: `/clusters?${page}`,
      user: TENANT_USER,
    },
  ];
}

interface Measured {
  name: string;
  latencies: number[];
  errors: number;
  seconds: number;
}

export default defineBench({
  title: 'GET /api/nkp/clusters under load',
  small: { clusters: 2_000, connections: 20, seconds: 3, warmupSeconds: 1 },
  full: { clusters: 10_000, connections: 50, seconds: 10, warmupSeconds: 2 },
  async run({ params, cpuProfileDir }) {
    const mix = mixFor(params.clusters);
    log(
      `${formatNumber(params.clusters)} clusters in ${formatNumber(
        workspacesFor(params.clusters),
      )} workspaces, ${OWNERS} owners; ${params.connections} connections for ${
        params.seconds
      } s after ${params.warmupSeconds} s of warm-up`,
    );
    const server = forkTs(join(__dirname, 'server.ts'), [], { cpuProfileDir });
    try {
      const ready = receive<Ready>(server, 'nkp-bench-ready');
      request<ServeRequest>(server, 'nkp-bench-serve', {
        clusters: params.clusters,
      });
      const { port, ...fleet } = await ready;
      log(
        `Server ready in ${formatNumber(
          fleet.setupMs,
        )} ms (first evaluation ${formatNumber(
          fleet.evaluationMs,
        )} ms): ${formatNumber(fleet.clusters)} clusters ${JSON.stringify(
          fleet.counts,
        )}, ${fleet.plans} plans, ${fleet.exceptions} exceptions (${
          fleet.activeExceptions
        } active)`,
      );
      const base = `http://127.0.0.1:${port}/api/nkp`;
      await verify(base, mix);
      await load(base, mix, params.connections, params.warmupSeconds);
      const serverBefore = await serverCpuMs(server);
      const clientBefore = process.cpuUsage();
      const results = await load(base, mix, params.connections, params.seconds);
      const cpu = {
        server: (await serverCpuMs(server)) - serverBefore,
        client: cpuMs(clientBefore),
      };
      const p95 = report(results, cpu);
      if (
        params.clusters !== GOAL.clusters ||
        params.connections !== GOAL.connections
      ) {
        log(
          `\nGoal (p95 < ${GOAL.p95Ms} ms at ${formatNumber(
            GOAL.clusters,
          )} clusters and ${
            GOAL.connections
          } connections): not measured (run with --full)`,
        );
        return true;
      }
      const met = p95 < GOAL.p95Ms;
      log(
        `\nGoal p95 < ${GOAL.p95Ms} ms: ${
          met ? 'met' : 'MISSED'
        } (p95 ${formatNumber(p95, 1)} ms)`,
      );
      return met;
    } finally {
      server.kill();
    }
  },
});

function headersFor(user?: string): Record<string, string> {
  return user ? { authorization: mockCredentials.user.header(user) } : {};
}

/** Checks every query answers 200 with clusters before it is measured. */
async function verify(base: string, mix: Query[]) {
  for (const query of mix) {
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
    log(
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
  mix: Query[],
  connections: number,
  seconds: number,
): Promise<{ queries: Measured[]; otherErrors: number }> {
  const measured: Measured[] = mix.map(query => ({
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
        connections,
        duration: seconds,
        requests: mix.map((query, i) => ({
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
async function serverCpuMs(server: ChildProcess): Promise<number> {
  const usage = receive<number>(server, 'nkp-bench-cpu');
  request(server, 'nkp-bench-cpu', {});
  return usage;
}

/** Prints the table and the CPU figures; returns the p95 of the whole mix. */
function report(
  { queries, otherErrors }: Awaited<ReturnType<typeof load>>,
  cpu: { server: number; client: number },
): number {
  const all: Measured = {
    name: 'all',
    latencies: queries.flatMap(q => q.latencies),
    errors: queries.reduce((sum, q) => sum + q.errors, otherErrors),
    seconds: Math.max(...queries.map(q => q.seconds)),
  };
  log();
  printTable(
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
    [...queries, all].map(row => {
      const sorted = row.latencies.slice().sort((a, b) => a - b);
      const ms = (q: number) => formatNumber(percentile(sorted, q), 1);
      return [
        row.name,
        formatNumber(sorted.length),
        formatNumber(sorted.length / row.seconds),
        ms(0.5),
        ms(0.95),
        ms(0.99),
        ms(1),
        row.errors,
      ];
    }),
  );
  const share = (ms: number) =>
    `${((ms / 1000 / all.seconds) * 100).toFixed(0)}% of one core`;
  log(
    `\nServer CPU: ${formatNumber(
      cpu.server / all.latencies.length,
      3,
    )} ms per request ` +
      `(${share(cpu.server)}); load generator ${share(cpu.client)}; ` +
      `load average ${loadavg()
        .map(l => l.toFixed(1))
        .join(' ')} on ${cpus().length} CPUs`,
  );
  return percentile(
    all.latencies.slice().sort((a, b) => a - b),
    0.95,
  );
}
