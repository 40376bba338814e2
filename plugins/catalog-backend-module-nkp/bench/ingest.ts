/*
 * Ingestion benchmark: a generated NKP fleet served over HTTPS on loopback, read by the real
 * provider (Kubernetes-API source, default page size) up to its full mutation, then a version
 * change pushed as a watch event up to the delta mutation. Each fleet size runs in a fresh child
 * process so that its memory is measured alone; the server runs in this (parent) process.
 *
 *   cd plugins/catalog-backend-module-nkp
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingest.ts [clusters ...]
 *
 * Default sizes: 1,000, 10,000 and 100,000 clusters, with a tenth as many workspaces and half as
 * many projects.
 */

import { ConfigReader } from '@backstage/config';
import { spawn } from 'node:child_process';
import { request } from 'node:https';
import { getHeapStatistics } from 'node:v8';
import { NkpEntityProvider } from '../src/providers';
import { startFleetServer } from './fleetServer';

interface Result {
  clusters: number;
  entities: number;
  pages: number;
  bytes: number;
  fullMs: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  baseRssMiB: number;
  baseHeapMiB: number;
  parseMs: number;
  httpsAndParseMs: number;
  deltaMs: number[];
}

async function parent(sizes: number[]) {
  const results: Result[] = [];
  for (const clusters of sizes) {
    const size = {
      clusters,
      workspaces: Math.max(1, clusters / 10),
      projects: clusters / 2,
    };
    const server = await startFleetServer(size);
    server.prerender(500); // the provider's default page size
    try {
      results.push(await runChild(server.url, server.caData, clusters));
    } finally {
      await server.close();
    }
    print(results[results.length - 1]);
  }
}

function runChild(
  url: string,
  caData: string,
  clusters: number,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        '--expose-gc',
        // BENCH_CPU_PROF=<dir> writes a CPU profile of each measured child there.
        ...(process.env.BENCH_CPU_PROF
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
          : []),
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        __filename,
        '--child',
        url,
        String(clusters),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, BENCH_CA: caData },
      },
    );
    let output = '';
    proc.stdout.on('data', chunk => (output += chunk));
    proc.on('exit', code => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else
        reject(
          new Error(
            `child for ${clusters} clusters exited with ${code}: ${output}`,
          ),
        );
    });
  });
}

function print(r: Result) {
  const perCluster = (mib: number) =>
    `${((mib * 1024) / r.clusters).toFixed(1)} KB`;
  const median = [...r.deltaMs].sort((a, b) => a - b)[
    Math.floor(r.deltaMs.length / 2)
  ];
  console.log(
    [
      `clusters ${r.clusters.toLocaleString('en')}: ${r.entities.toLocaleString(
        'en',
      )} entities from ${r.pages} pages, ${(r.bytes / 2 ** 20).toFixed(
        1,
      )} MiB of JSON (${(r.bytes / r.clusters / 1024).toFixed(
        1,
      )} KB per cluster incl. its share of workspaces and projects)`,
      `  start → full mutation: ${r.fullMs.toFixed(0)} ms (${(
        (r.fullMs * 1000) /
        r.clusters
      ).toFixed(0)} µs per cluster)`,
      `  peak RSS ${r.peakRssMiB.toFixed(0)} MiB (+${(
        r.peakRssMiB - r.baseRssMiB
      ).toFixed(0)} over the idle process: ${perCluster(
        r.peakRssMiB - r.baseRssMiB,
      )} per cluster); peak heap ${r.peakHeapMiB.toFixed(0)} MiB (+${(
        r.peakHeapMiB - r.baseHeapMiB
      ).toFixed(0)}: ${perCluster(r.peakHeapMiB - r.baseHeapMiB)} per cluster)`,
      `  bare JSON.parse of the same pages: ${r.parseMs.toFixed(
        0,
      )} ms → ratio ${(r.fullMs / r.parseMs).toFixed(
        2,
      )}x; bare HTTPS + JSON.parse: ${r.httpsAndParseMs.toFixed(
        0,
      )} ms → ratio ${(r.fullMs / r.httpsAndParseMs).toFixed(2)}x`,
      `  version change on the server → delta mutation: median ${median.toFixed(
        0,
      )} ms, max ${Math.max(...r.deltaMs).toFixed(0)} ms (${
        r.deltaMs.length
      } changes)`,
    ].join('\n'),
  );
}

// --- the measured child ------------------------------------------------------------------------

async function child(url: string, clusters: number) {
  const caData = process.env.BENCH_CA!;

  // process.memoryUsage() reads /proc for the RSS and costs enough to distort the run when
  // sampled often; the heap alone is cheap, and the peak RSS comes from the kernel at the end.
  const heapMiB = () => getHeapStatistics().used_heap_size / 2 ** 20;
  (global as any).gc();
  const base = { rss: process.memoryUsage.rss() / 2 ** 20, heap: heapMiB() };
  let peakHeap = base.heap;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, heapMiB());
  }, 10);

  const mutations: Array<{ at: number; mutation: any }> = [];
  let onMutation = () => {};
  const connection = {
    async applyMutation(mutation: any) {
      if (mutation.type === 'full') {
        peakHeap = Math.max(peakHeap, heapMiB());
      }
      mutations.push({ at: performance.now(), mutation });
      onMutation();
    },
    async refresh() {},
  };
  // Errors are the only lines worth seeing here; everything else would be noise per run.
  const errors: unknown[] = [];
  const logger: any = {
    child: () => logger,
    debug() {},
    info() {},
    warn() {},
    error: (message: string) => errors.push(message),
  };
  let task: any;
  const [provider] = NkpEntityProvider.fromConfig(
    new ConfigReader({
      catalog: {
        providers: {
          nkp: {
            bench: {
              api: { url, token: 'bench-token', caData },
              maxShrinkPercent: 100,
            },
          },
        },
      },
    }),
    {
      logger,
      scheduler: {
        createScheduledTaskRunner: () => ({
          run: async (t: any) => void (task = t),
        }),
      } as any,
    },
  );
  await provider.connect(connection);

  const started = performance.now();
  await task.fn(new AbortController().signal);
  const full = mutations[0];
  if (full?.mutation.type !== 'full') {
    throw new Error(`no full mutation: ${JSON.stringify(errors)}`);
  }
  const fullMs = full.at - started;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  clearInterval(sampler);
  const entities = full.mutation.entities.length;
  mutations.length = 0;

  // Change → delta: push a new Kubernetes version of one cluster as a MODIFIED event.
  while ((await post(url, '/bench/watches', 'GET')).watches < 3) {
    await new Promise(r => setTimeout(r, 20));
  }
  const nextMutation = () =>
    new Promise<number>(resolve => {
      onMutation = () => resolve(performance.now());
    });
  const deltaMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const cluster = Math.floor((clusters / 7) * i);
    const delta = nextMutation();
    const sent = performance.now();
    await post(
      url,
      `/bench/modify?cluster=${cluster}&version=v1.35.${i}`,
      'POST',
    );
    deltaMs.push((await delta) - sent);
    const { mutation } = mutations.pop()!;
    const changed = mutation.added.map((a: any) => a.entity.metadata.name);
    if (
      mutation.type !== 'delta' ||
      !changed.includes(`bench-cluster-${cluster}`)
    ) {
      throw new Error(`unexpected mutation ${JSON.stringify(changed)}`);
    }
  }
  await provider.stop();

  // The same pages, fetched and parsed bare.
  let pages = 0;
  let bytes = 0;
  let parseMs = 0;
  const httpsStarted = performance.now();
  for (const path of [
    '/apis/workspaces.kommander.mesosphere.io/v1alpha1/workspaces',
    '/apis/workspaces.kommander.mesosphere.io/v1alpha1/projects',
    '/apis/kommander.mesosphere.io/v1beta1/kommanderclusters',
    '/apis/cluster.x-k8s.io/v1beta1/clusters',
  ]) {
    let token: string | undefined;
    do {
      const text = await get(
        url,
        `${path}?limit=500${token ? `&continue=${token}` : ''}`,
      );
      const parseStarted = performance.now();
      const page = JSON.parse(text);
      parseMs += performance.now() - parseStarted;
      pages++;
      bytes += Buffer.byteLength(text);
      token = page.metadata.continue;
    } while (token);
  }
  const httpsAndParseMs = performance.now() - httpsStarted;

  const result: Result = {
    clusters,
    entities,
    pages,
    bytes,
    fullMs,
    peakRssMiB,
    peakHeapMiB: peakHeap,
    baseRssMiB: base.rss,
    baseHeapMiB: base.heap,
    parseMs,
    httpsAndParseMs,
    deltaMs,
  };
  console.log(JSON.stringify(result));
}

function get(url: string, path: string, method = 'GET'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      // No keep-alive: a pooled socket the server has just closed fails with "socket hang up".
      {
        method,
        agent: false,
        ca: Buffer.from(process.env.BENCH_CA!, 'base64'),
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function post(url: string, path: string, method: string) {
  return JSON.parse(await get(url, path, method));
}

const args = process.argv.slice(2);
(args[0] === '--child'
  ? child(args[1], Number(args[2]))
  : parent(args.length ? args.map(Number) : [1_000, 10_000, 100_000])
).catch(error => {
  console.error(error);
  process.exit(1);
});
