/*
 * Ingestion at fleet scale: a generated NKP fleet served over HTTPS on loopback (fleetServer.ts),
 * read by the real provider (Kubernetes-API source, watch-list streams by default) up to its full
 * mutation, then version changes pushed as watch events up to each delta mutation. Each size is measured in
 * a fresh child process (ingestChild.ts), so that its memory is its own; the server runs here.
 * Fleets have a tenth as many workspaces and half as many projects as clusters. Needs `openssl`
 * for the server's certificate.
 *
 *   cd plugins/catalog-backend-module-nkp && yarn bench [--full] [--set clusters=5000,20000]
 */

import {
  defineBench,
  formatNumber,
  log,
  median,
  printTable,
} from '@nkp-lifecycle/bench';
import { startFleetServer } from './fleetServer';
import type { IngestResult } from './ingestChild';
import { benchFleet, ingestInChild, PROVIDER_PAGE_SIZE } from './ingestInChild';

export default defineBench({
  title: 'Ingestion: NKP API server → catalog mutations',
  small: { clusters: [1_000, 10_000], changes: 7 },
  full: { clusters: [1_000, 10_000, 100_000], changes: 7 },
  async run({ params, cpuProfileDir }) {
    const results: IngestResult[] = [];
    for (const clusters of params.clusters) {
      const server = await startFleetServer(benchFleet(clusters));
      server.prerender(PROVIDER_PAGE_SIZE);
      server.prerenderStreams();
      try {
        results.push(
          await ingestInChild(
            {
              url: server.url,
              caData: server.caData,
              clusters,
              changes: params.changes,
            },
            cpuProfileDir,
          ),
        );
      } finally {
        await server.close();
      }
      describe(results[results.length - 1]);
    }
    log();
    printTable(
      [
        'clusters',
        'start → full mutation',
        'wall per cluster',
        'provider CPU (per cluster)',
        'peak heap (per cluster)',
        '× bare JSON.parse',
        '× bare HTTPS + parse',
        'change → delta, median / max',
      ],
      results.map(r => [
        formatNumber(r.clusters),
        `${formatNumber(r.fullMs)} ms`,
        `${formatNumber((r.fullMs * 1000) / r.clusters)} µs`,
        `${formatNumber(r.providerCpuMs)} ms (${formatNumber(
          (r.providerCpuMs * 1000) / r.clusters,
        )} µs)`,
        `${formatNumber(r.peakHeapMiB)} MiB (${perCluster(
          r.peakHeapMiB - r.baseHeapMiB,
          r.clusters,
        )})`,
        `${formatNumber(r.fullMs / r.parseMs, 1)}×`,
        `${formatNumber(r.fullMs / r.httpsAndParseMs, 1)}×`,
        `${formatNumber(median(r.deltaMs))} / ${formatNumber(
          Math.max(...r.deltaMs),
        )} ms`,
      ]),
    );
    log(
      '"Bare HTTPS + parse" reads the same watch-list streams one after another on one connection and parses every event, without any of our processing ("bare JSON.parse": the parsing alone); the provider\'s CPU, start to full mutation, includes V8\'s collector and compiler threads; change → delta includes the 150 ms debounce window.',
    );
  },
});

function perCluster(mib: number, clusters: number) {
  return `${formatNumber((mib * 1024) / clusters, 1)} KB`;
}

function describe(r: IngestResult) {
  log(
    `${formatNumber(r.clusters)} clusters: ${formatNumber(
      r.entities,
    )} entities; bare read: ${r.streams} streams, ${formatNumber(
      r.bytes / 2 ** 20,
      1,
    )} MiB of JSON; full mutation after ${formatNumber(
      r.fullMs,
    )} ms, peak RSS ${formatNumber(r.peakRssMiB)} MiB (+${formatNumber(
      r.peakRssMiB - r.baseRssMiB,
    )} over the idle process); heap after a collection ${formatNumber(
      r.appliedHeapMiB,
    )} MiB once applied, ${formatNumber(r.followingHeapMiB)} MiB after ${
      r.deltaMs.length
    } changes; RSS after a collection ${formatNumber(
      r.appliedRssMiB,
    )} MiB once applied, ${formatNumber(
      r.followingRssMiB,
    )} MiB after the changes, peak over the run ${formatNumber(
      r.endPeakRssMiB,
    )} MiB; change → delta ${
      r.deltaMs.length <= 20
        ? r.deltaMs.map(ms => formatNumber(ms)).join(', ')
        : `median ${formatNumber(median(r.deltaMs))}, max ${formatNumber(
            Math.max(...r.deltaMs),
          )}`
    } ms`,
  );
}
