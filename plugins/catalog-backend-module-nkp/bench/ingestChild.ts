/*
 * The measured process of the ingestion benchmark (ingest.bench.ts forks one per fleet size): the
 * real provider reads the fleet server up to its full mutation, then each version change pushed
 * as a watch event is timed up to its delta mutation, then the same streams are read and parsed
 * bare for comparison. Reports an IngestResult to the parent.
 */

import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { answer } from '@nkp-lifecycle/bench';
import knexFactory from 'knex';
import { getHeapStatistics } from 'node:v8';
import { AppliedPartsStore } from '../src/database/AppliedPartsStore';
import { KubernetesApiClient } from '@nkp-lifecycle/backstage-plugin-nkp-node/kubernetes';
import { NkpEntityProvider } from '../src/providers';
import { createSourceParts } from '../src/providers/createSourceParts';
import { readNkpProviderConfigs } from '../src/providers/NkpProviderConfig';
import { FLEET_RESOURCE_PATHS, fleetServerJson } from './fleetServer';
import { loadOcmProvider } from './ocmPeer';

export interface IngestRun {
  url: string;
  /** Base64 PEM of the server's self-signed certificate. */
  caData: string;
  clusters: number;
  /** Version changes to push as watch events. */
  changes: number;
  /** The provider's `requests.streamingLists`; default: the provider's default. */
  streamingLists?: boolean;
  /** Also read and parse the same streams bare, for comparison. Default true. */
  bare?: boolean;
  /**
   * Instead of the provider, a floor under it, read as watch-list streams with the provider's
   * HTTP client: `parse` parses every event and keeps nothing (what any provider that reads these
   * objects pays), `source` is the provider's source alone (parse, slim and keep each object, what
   * following watches needs), without normalisation, entities or mutations.
   */
  floor?: 'parse' | 'source';
  /**
   * Instead of the provider, the community OCM provider loaded from this file (ocmPeer.ts),
   * reading the fleet server's ManagedClusters up to its full mutation.
   */
  ocmProvider?: string;
}

export interface IngestResult {
  clusters: number;
  entities: number;
  /** Objects read, for a floor. */
  objects?: number;
  /** Of the bare read: streams (one per resource) and bytes of JSON. */
  streams: number;
  bytes: number;
  fullMs: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  baseRssMiB: number;
  baseHeapMiB: number;
  parseMs: number;
  httpsAndParseMs: number;
  deltaMs: number[];
  /** For the full read: CPU of this process, the server's CPU, and the requests it served. */
  providerCpuMs: number;
  serverCpuMs: number;
  requests: number;
  /** Heap in use (after a collection) once the full read was applied, and after the changes. */
  appliedHeapMiB: number;
  followingHeapMiB: number;
  /** RSS once the full read was applied and after the changes (after a collection), and the peak over the whole run. */
  appliedRssMiB: number;
  followingRssMiB: number;
  endPeakRssMiB: number;
}

/** What a floor does not measure. */
const NO_FIGURES = {
  entities: 0,
  streams: 0,
  bytes: 0,
  parseMs: 0,
  httpsAndParseMs: 0,
  deltaMs: [],
  followingHeapMiB: 0,
  followingRssMiB: 0,
  endPeakRssMiB: 0,
};

answer('nkp-bench-ingest', 'nkp-bench-ingested', ingest);

async function ingest({
  url,
  caData,
  clusters,
  changes,
  streamingLists,
  bare = true,
  floor,
  ocmProvider,
}: IngestRun): Promise<IngestResult> {
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
    error: (message: string, meta?: unknown) =>
      errors.push(meta ? `${message} ${JSON.stringify(meta)}` : message),
  };
  let task: any;
  const config = new ConfigReader({
    catalog: {
      providers: {
        nkp: {
          bench: {
            api: { url, token: 'bench-token', caData },
            ...(streamingLists === undefined
              ? {}
              : { requests: { streamingLists } }),
            maxShrinkPercent: 100,
          },
        },
      },
    },
  });
  // What was applied is recorded as in the portal, in a database (here SQLite in memory).
  const store = await AppliedPartsStore.create({
    database: mockServices.database({
      knex: knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      }),
    }),
  });
  const [provider] = NkpEntityProvider.fromConfig(config, {
    logger,
    scheduler: {
      createScheduledTaskRunner: () => ({
        run: async (t: any) => void (task = t),
      }),
    } as any,
    store,
  });

  const stats = async () =>
    (await fleetServerJson({ url, caData }, '/bench/stats', 'GET')) as {
      requests: number;
      cpuMs: number;
    };
  if (floor || ocmProvider) {
    const read = ocmProvider
      ? await readOcm(
          ocmProvider,
          { url, caData },
          connection,
          mutations,
          logger,
          stats,
        )
      : await readFloor(floor!, config, logger, stats);
    if (read.objects === 0) {
      throw new Error(`nothing read: ${JSON.stringify(errors)}`);
    }
    clearInterval(sampler);
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    (global as any).gc();
    return {
      ...NO_FIGURES,
      ...read,
      clusters,
      peakRssMiB,
      peakHeapMiB: peakHeap,
      baseRssMiB: base.rss,
      baseHeapMiB: base.heap,
      appliedHeapMiB: heapMiB(),
      appliedRssMiB: process.memoryUsage.rss() / 2 ** 20,
    };
  }
  await provider.connect(connection);
  const read = await measureRead(stats, async () => {
    await task.fn(new AbortController().signal);
    return { endedAt: mutations[0]?.at };
  });
  const full = mutations[0];
  if (full?.mutation.type !== 'full') {
    throw new Error(`no full mutation: ${JSON.stringify(errors)}`);
  }
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  clearInterval(sampler);
  const entities = full.mutation.entities.length;
  mutations.length = 0;
  (global as any).gc();
  const appliedHeapMiB = heapMiB();
  const appliedRssMiB = process.memoryUsage.rss() / 2 ** 20;

  // Change → delta: push a new Kubernetes version of one cluster as a MODIFIED event. The
  // server keeps no event history, so every watch (the clusters one above all) must be open.
  const watchesOpen = deadline(
    30_000,
    'the provider to watch all four resources',
  );
  while (
    new Set(
      (await fleetServerJson({ url, caData }, '/bench/watches', 'GET'))
        .watching as string[],
    ).size < 4
  ) {
    await Promise.race([
      new Promise(r => setTimeout(r, 20)),
      watchesOpen.expired,
    ]);
  }
  watchesOpen.clear();
  const nextMutation = () => {
    const limit = deadline(30_000, 'a delta mutation after a change');
    return Promise.race([
      new Promise<number>(resolve => {
        onMutation = () => {
          limit.clear();
          resolve(performance.now());
        };
      }),
      limit.expired,
    ]);
  };
  const deltaMs: number[] = [];
  for (let i = 0; i < changes; i++) {
    const cluster = Math.floor((clusters / changes) * i);
    const delta = nextMutation();
    const sent = performance.now();
    await fleetServerJson(
      { url, caData },
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
  // What following the changes left behind, after a collection: it should not grow with them.
  (global as any).gc();
  const followingHeapMiB = heapMiB();
  const followingRssMiB = process.memoryUsage.rss() / 2 ** 20;
  const endPeakRssMiB = process.resourceUsage().maxRSS / 1024;
  await provider.stop();

  // The same streams, read and parsed bare on one connection, as the provider reads them.
  const httpsStarted = performance.now();
  const bareRead = bare
    ? await parseStreams(clientFor(config))
    : { streams: 0, bytes: 0, parseMs: 0 };
  const httpsAndParseMs = performance.now() - httpsStarted;

  const result: IngestResult = {
    clusters,
    entities,
    streams: bareRead.streams,
    bytes: bareRead.bytes,
    fullMs: read.fullMs,
    peakRssMiB,
    peakHeapMiB: peakHeap,
    baseRssMiB: base.rss,
    baseHeapMiB: base.heap,
    parseMs: bareRead.parseMs,
    httpsAndParseMs,
    deltaMs,
    providerCpuMs: read.providerCpuMs,
    serverCpuMs: read.serverCpuMs,
    requests: read.requests,
    appliedHeapMiB,
    followingHeapMiB,
    appliedRssMiB,
    followingRssMiB,
    endPeakRssMiB,
  };
  return result;
}

/** The OCM peer's read up to its full mutation: its wall time, CPU, requests and entities. */
async function readOcm(
  file: string,
  { url, caData }: { url: string; caData: string },
  connection: any,
  mutations: Array<{ at: number; mutation: any }>,
  logger: any,
  stats: () => Promise<{ requests: number; cpuMs: number }>,
) {
  const ManagedClusterProvider = loadOcmProvider(file);
  const config = new ConfigReader({
    catalog: {
      providers: {
        ocm: {
          bench: {
            name: 'hub',
            url,
            serviceAccountToken: 'bench-token',
            caData,
            owner: 'group:default/platform',
          },
        },
      },
    },
  });
  let task: any;
  const [provider] = await ManagedClusterProvider.fromConfig(
    { config, logger },
    { schedule: { run: async (t: any) => void (task = t) } },
  );
  await provider.connect(connection);
  return measureRead(stats, async () => {
    await task.fn();
    const full = mutations.find(m => m.mutation.type === 'full');
    const entities: number = full?.mutation.entities.length ?? 0;
    return { objects: entities, entities, endedAt: full?.at };
  });
}

/** One floor under the provider (see IngestRun.floor): its wall time, CPU and requests. */
async function readFloor(
  floor: 'parse' | 'source',
  config: ConfigReader,
  logger: any,
  stats: () => Promise<{ requests: number; cpuMs: number }>,
) {
  const read =
    floor === 'parse'
      ? async () => (await parseStreams(clientFor(config))).objects
      : async () => {
          const { source } = createSourceParts(
            readNkpProviderConfigs(config)[0],
            logger,
          )[0];
          return (await source.read(new AbortController().signal)).objects
            .length;
        };
  return measureRead(stats, async () => ({ objects: await read() }));
}

/**
 * What one read cost: this process's CPU, the wall time up to `endedAt` (when `read` says when
 * it ended, e.g. at its full mutation) or else to its end, the server's CPU and its requests.
 */
async function measureRead<T extends object>(
  stats: () => Promise<{ requests: number; cpuMs: number }>,
  read: () => Promise<T & { endedAt?: number }>,
): Promise<
  Omit<T, 'endedAt'> & {
    fullMs: number;
    providerCpuMs: number;
    serverCpuMs: number;
    requests: number;
  }
> {
  const serverBefore = await stats();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { endedAt, ...result } = await read();
  const cpuUsed = process.cpuUsage(cpuBefore);
  const fullMs = (endedAt ?? performance.now()) - started;
  const serverAfter = await stats();
  return {
    ...result,
    fullMs,
    providerCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    serverCpuMs: serverAfter.cpuMs - serverBefore.cpuMs,
    requests: serverAfter.requests - serverBefore.requests,
  };
}

/** What a bare read of the streams saw. */
interface BareRead {
  streams: number;
  objects: number;
  bytes: number;
  /** Time spent in JSON.parse alone. */
  parseMs: number;
}

/** A client for the bench source's API server, as the provider builds it. */
function clientFor(config: ConfigReader): KubernetesApiClient {
  return KubernetesApiClient.fromConnection(
    readNkpProviderConfigs(config)[0].api!.endpoints[0].connection,
    { key: 'bench', requestTimeoutMs: 30_000 },
  );
}

/**
 * Each resource as one watch-list stream up to its initial-events-end bookmark, every event
 * parsed and dropped.
 */
async function parseStreams(client: KubernetesApiClient): Promise<BareRead> {
  const read: BareRead = { streams: 0, objects: 0, bytes: 0, parseMs: 0 };
  for (const path of FLEET_RESOURCE_PATHS) {
    await parseStream(client, path, read);
  }
  return read;
}

async function parseStream(
  client: KubernetesApiClient,
  path: string,
  read: BareRead,
): Promise<void> {
  read.streams++;
  await client.streamLines(
    `${path}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`,
    {
      signal: new AbortController().signal,
      idleTimeoutMs: 30_000,
      onLine: line => {
        const started = performance.now();
        const event = JSON.parse(line);
        read.parseMs += performance.now() - started;
        read.bytes += line.length;
        if (event.type !== 'BOOKMARK') {
          read.objects++;
          return undefined;
        }
        return event.object.metadata.annotations?.[
          'k8s.io/initial-events-end'
        ] === 'true'
          ? 'stop'
          : undefined;
      },
    },
  );
}

/** Rejects `expired` after `ms`, so that a lost event fails the run instead of hanging it. */
function deadline(ms: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`waited ${ms} ms for ${what}`)),
      ms,
    );
  });
  expired.catch(() => undefined);
  return { expired, clear: () => clearTimeout(timer) };
}
