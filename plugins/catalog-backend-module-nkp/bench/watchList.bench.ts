/*
 * Watch-list streams against LIST pages: the real provider reads the same generated fleet from the
 * same HTTPS fleet server (fleetServer.ts) up to its full mutation, as one watch-list stream per
 * resource (`requests.streamingLists: true`, the default), as paged LISTs (`false`), and as a
 * stream the server refuses (422, the WatchList gate off) followed by pages. Modes are
 * interleaved, each run in a fresh child process (ingestChild.ts), `rounds` times per mode.
 * Reported per mode: wall time to the full mutation, requests the server served (discovery
 * included), the server's CPU time, the provider's CPU time and its peak RSS.
 *
 *   cd plugins/catalog-backend-module-nkp && yarn bench:watch-list [--full] [--set rounds=3]
 */

import {
  defineBench,
  formatNumber,
  log,
  median,
  printTable,
} from '@nkp-lifecycle/bench';
import { fleetServerJson, startFleetServer } from './fleetServer';
import type { IngestResult, IngestRun } from './ingestChild';
import { benchFleet, ingestInChild, PROVIDER_PAGE_SIZE } from './ingestInChild';

interface Mode {
  name: string;
  streamingLists: boolean;
  /** Whether the server serves watch-list streams. */
  served: boolean;
  floor?: IngestRun['floor'];
}

const MODES: Mode[] = [
  { name: 'LIST pages', streamingLists: false, served: true },
  { name: 'watch-list stream', streamingLists: true, served: true },
  { name: 'stream refused → pages', streamingLists: true, served: false },
  {
    name: 'floor: stream, parse only',
    streamingLists: true,
    served: true,
    floor: 'parse',
  },
  {
    name: 'floor: stream, source only',
    streamingLists: true,
    served: true,
    floor: 'source',
  },
];

export default defineBench({
  title: 'Initial reads: watch-list streams against LIST pages',
  small: { clusters: [10_000], rounds: 1 },
  full: { clusters: [10_000, 50_000], rounds: 3 },
  async run({ params, cpuProfileDir }) {
    const rows: string[][] = [];
    for (const clusters of params.clusters) {
      const server = await startFleetServer(benchFleet(clusters));
      server.prerender(PROVIDER_PAGE_SIZE);
      server.prerenderStreams();
      const runs = new Map<Mode, IngestResult[]>(MODES.map(m => [m, []]));
      try {
        for (let round = 0; round < params.rounds; round++) {
          for (const mode of MODES) {
            await fleetServerJson(
              server,
              `/bench/watch-list?enabled=${mode.served}`,
              'POST',
            );
            const r = await ingestInChild(
              {
                url: server.url,
                caData: server.caData,
                clusters,
                changes: 0,
                streamingLists: mode.streamingLists,
                bare: false,
                floor: mode.floor,
              },
              cpuProfileDir,
            );
            runs.get(mode)!.push(r);
            log(
              `${formatNumber(clusters)} clusters, ${mode.name}: ${formatNumber(
                r.fullMs,
              )} ms, ${r.requests} requests, server CPU ${formatNumber(
                r.serverCpuMs,
              )} ms, provider CPU ${formatNumber(
                r.providerCpuMs,
              )} ms, peak RSS ${formatNumber(r.peakRssMiB)} MiB, ${formatNumber(
                r.entities,
              )} entities`,
            );
          }
        }
      } finally {
        await server.close();
      }
      const entities = new Set(
        MODES.filter(m => !m.floor).flatMap(m =>
          runs.get(m)!.map(r => r.entities),
        ),
      );
      if (entities.size !== 1) {
        throw new Error(
          `the modes built different fleets: ${[...entities].join(
            ', ',
          )} entities`,
        );
      }
      for (const mode of MODES) {
        const results = runs.get(mode)!;
        const med = (pick: (r: IngestResult) => number) =>
          median(results.map(pick));
        rows.push([
          formatNumber(clusters),
          mode.name,
          `${formatNumber(med(r => r.fullMs))} ms`,
          formatNumber(med(r => r.requests)),
          `${formatNumber(med(r => r.serverCpuMs))} ms`,
          `${formatNumber(med(r => r.providerCpuMs))} ms (${formatNumber(
            (med(r => r.providerCpuMs) * 1000) / clusters,
          )} µs per cluster)`,
          `${formatNumber(med(r => r.peakRssMiB - r.baseRssMiB))} MiB`,
        ]);
      }
    }
    log();
    printTable(
      [
        'clusters',
        'mode',
        'start → full mutation',
        'requests',
        'server CPU',
        'provider CPU',
        'peak RSS over idle',
      ],
      rows,
    );
    log(
      `Medians of ${params.rounds} run(s) per mode, interleaved. Requests include discovery. Both modes read the same prerendered objects: the server's CPU is writing them (TLS), and for pages, answering a request per ${PROVIDER_PAGE_SIZE} objects.`,
    );
  },
});
