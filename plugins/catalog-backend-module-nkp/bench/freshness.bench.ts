/*
 * Freshness of the portal: the real backend (the catalog with this module, the events backend,
 * the notifications backend and the NKP policy backend, in a child process, on SQLite) reads a
 * generated NKP fleet from a Kubernetes-API-compatible server (fleetServer.ts: paged LIST and
 * WATCH over HTTPS). Once the policy backend has evaluated the whole fleet, one cluster's
 * Kubernetes version is changed on the API server at a time, and both the catalog entity and
 * `GET /api/nkp/clusters/:namespace/:name` are polled until they show the new version (and the
 * latter its policy state). Goal: the policy answer under 2 s median and under 5 s max.
 *
 *   cd plugins/catalog-backend-module-nkp && yarn bench:freshness [--full] [--set clusters=1000]
 */

import {
  defineBench,
  formatNumber,
  log,
  median,
  printTable,
} from '@nkp-lifecycle/bench';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { launchReplica, Replica, waitFor } from '../src/__testUtils__/replicas';
import { fleetServerJson, startFleetServer } from './fleetServer';
import { benchFleet, PROVIDER_PAGE_SIZE } from './ingestInChild';

const GOAL = { medianMs: 2_000, maxMs: 5_000 };
/** How often the portal is asked; the figures are this coarse. */
const POLL_MS = 50;

interface Freshness {
  clusters: number;
  ingestMs: number;
  catalogMs: number[];
  policyMs: number[];
}

export default defineBench({
  title:
    'Freshness: a version change on the API server → the policy backend answers with it',
  small: { clusters: [1_000], changes: 7 },
  full: { clusters: [1_000, 10_000], changes: 11 },
  async run({ params }) {
    const results: Freshness[] = [];
    for (const clusters of params.clusters) {
      results.push(await measure(clusters, params.changes));
    }
    log();
    printTable(
      [
        'clusters',
        'start → fleet evaluated',
        'change → catalog, median / max',
        'change → /api/nkp/clusters, median / max',
        `goal (< ${GOAL.medianMs / 1000} s / < ${GOAL.maxMs / 1000} s)`,
      ],
      results.map(r => [
        formatNumber(r.clusters),
        `${formatNumber(r.ingestMs / 1000, 1)} s`,
        `${formatNumber(median(r.catalogMs))} / ${formatNumber(
          Math.max(...r.catalogMs),
        )} ms`,
        `${formatNumber(median(r.policyMs))} / ${formatNumber(
          Math.max(...r.policyMs),
        )} ms`,
        met(r) ? 'met' : 'MISSED',
      ]),
    );
    log(
      `Each change is timed from the API server's answer to the first poll (every ${POLL_MS} ms) that sees it; the catalog column is when GET /api/catalog/entities/by-name shows it (the provider's watch, its debounce and the catalog's processing and stitching).`,
    );
    return results.every(met);
  },
});

function met(r: Freshness) {
  return (
    median(r.policyMs) < GOAL.medianMs && Math.max(...r.policyMs) < GOAL.maxMs
  );
}

async function measure(clusters: number, changes: number): Promise<Freshness> {
  const server = await startFleetServer(benchFleet(clusters));
  server.prerender(PROVIDER_PAGE_SIZE);
  const dir = mkdtempSync(join(tmpdir(), 'nkp-freshness-'));
  let replica: Replica | undefined;
  try {
    const started = performance.now();
    replica = await launchReplica({
      name: 'freshness',
      dir,
      accessToken: randomBytes(24).toString('hex'),
      onNotification: () => {},
      config: {
        app: { baseUrl: 'http://127.0.0.1:3000' },
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        permission: { enabled: false },
        catalog: {
          rules: [{ allow: ['Resource', 'System', 'Domain'] }],
          providers: {
            nkp: {
              bench: {
                api: {
                  url: server.url,
                  token: 'bench-token',
                  caData: server.caData,
                },
                maxShrinkPercent: 100,
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 10 },
                },
              },
            },
          },
        },
        // The safety-net schedule: it also evaluates the fleet once the catalog holds it all.
        nkp: { refreshIntervalSeconds: 20 },
      },
    });
    await replica.start();
    const portal = replica;
    const evaluated = async () =>
      (await portal.get('/api/nkp/clusters?limit=1'))?.totalCount ?? 0;
    await waitFor(
      `the policy backend to evaluate ${clusters} clusters`,
      async () => (await evaluated()) >= clusters,
      20 * 60_000,
    );
    const ingestMs = performance.now() - started;
    log(
      `${formatNumber(
        clusters,
      )} clusters in the catalog and evaluated after ${formatNumber(
        ingestMs / 1000,
        1,
      )} s`,
    );
    await waitFor(
      'the provider to watch all four resources',
      async () =>
        new Set(
          (
            await fleetServerJson(server, '/bench/watches', 'GET')
          ).watching,
        ).size >= 4,
      60_000,
    );

    const catalogMs: number[] = [];
    const policyMs: number[] = [];
    for (let i = 0; i < changes; i++) {
      const index = Math.floor((clusters / changes) * i) + 1;
      const name = `bench-cluster-${index}`;
      const version = `1.35.${i}`;
      await fleetServerJson(
        server,
        `/bench/modify?cluster=${index}&version=v${version}`,
        'POST',
      );
      const sent = performance.now();
      const [inCatalog, inPolicy] = await Promise.all([
        until(async () => {
          const entity = await portal.get(
            `/api/catalog/entities/by-name/resource/default/${name}`,
          );
          return (
            entity?.metadata.annotations?.[
              'nkp-lifecycle.io/kubernetes-version'
            ] === version
          );
        }),
        until(async () => {
          const cluster = await portal.get(`/api/nkp/clusters/default/${name}`);
          return cluster?.kubernetesVersion === version && !!cluster.state;
        }),
      ]);
      catalogMs.push(inCatalog - sent);
      policyMs.push(inPolicy - sent);
      log(
        `  ${name} → ${version}: catalog ${formatNumber(
          inCatalog - sent,
        )} ms, policy ${formatNumber(inPolicy - sent)} ms`,
      );
    }
    return { clusters, ingestMs, catalogMs, policyMs };
  } catch (error) {
    log(replica?.output.slice(-40).join('') ?? '');
    throw error;
  } finally {
    replica?.child.kill('SIGKILL');
    await replica?.exited;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls `check` every POLL_MS until it holds; resolves to when it first did. Fails after 60 s. */
async function until(check: () => Promise<boolean>): Promise<number> {
  const limit = performance.now() + 60_000;
  while (performance.now() < limit) {
    if (await check()) {
      return performance.now();
    }
    await new Promise(r => setTimeout(r, POLL_MS));
  }
  throw new Error('the change did not show within 60 s');
}
