/*
 * Side by side with the simplest peer (issue 13, goal 1): the community OCM provider reads as many
 * ManagedClusters (about 7.6 KB each) with one unpaged LIST as our provider reads NKP clusters
 * (CAPI Cluster + KommanderCluster, with a tenth as many workspaces and half as many projects)
 * as watch-list streams, from the same HTTPS fleet server, each run in a fresh child process,
 * the two interleaved with our two floors (parse only; source only: see watchList.bench.ts).
 * The peer is downloaded on first use (ocmPeer.ts). Each provider's CPU
 * runs from the start of its read to its full mutation and includes V8's collector and compiler
 * threads. 100,000 clusters are out of the peer's reach: its LIST is one string over V8's limit.
 *
 *   cd plugins/catalog-backend-module-nkp && yarn bench:peer [--full]
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
import { benchFleet, ingestInChild } from './ingestInChild';
import { fetchOcmProvider, OCM_BACKEND } from './ocmPeer';

const RUNS = ['ours', 'OCM', 'parse floor', 'source floor'] as const;
type Run = (typeof RUNS)[number];

export default defineBench({
  title: `Per cluster against the simplest peer (${OCM_BACKEND})`,
  small: { clusters: [1_000, 10_000], rounds: 1 },
  full: { clusters: [1_000, 10_000, 50_000], rounds: 3 },
  async run({ params, cpuProfileDir }) {
    const ocmProvider = fetchOcmProvider();
    const rows: string[][] = [];
    for (const clusters of params.clusters) {
      const server = await startFleetServer(benchFleet(clusters));
      server.prerenderStreams();
      server.prerenderManagedClusters();
      const runs = new Map<Run, IngestResult[]>(RUNS.map(run => [run, []]));
      try {
        for (let round = 0; round < params.rounds; round++) {
          for (const run of RUNS) {
            const r = await ingestInChild(
              {
                url: server.url,
                caData: server.caData,
                clusters,
                changes: 0,
                bare: false,
                ...(run === 'OCM' ? { ocmProvider } : {}),
                ...(run === 'parse floor' ? { floor: 'parse' as const } : {}),
                ...(run === 'source floor' ? { floor: 'source' as const } : {}),
              },
              cpuProfileDir,
            );
            runs.get(run)!.push(r);
            log(
              `${formatNumber(clusters)} clusters, ${run}: ${formatNumber(
                r.fullMs,
              )} ms, CPU ${formatNumber(
                r.providerCpuMs,
              )} ms, peak RSS +${formatNumber(
                r.peakRssMiB - r.baseRssMiB,
              )} MiB, ${formatNumber(r.entities)} entities, ${
                r.requests
              } requests`,
            );
          }
        }
      } finally {
        await server.close();
      }
      const [ours, ocm, parse, source] = RUNS.map(run => runs.get(run)!);
      const med = (of: IngestResult[], pick: (r: IngestResult) => number) =>
        median(of.map(pick));
      const perCluster = (of: IngestResult[]) =>
        formatNumber((med(of, r => r.providerCpuMs) * 1000) / clusters);
      const rssPerCluster = (of: IngestResult[]) =>
        formatNumber(
          (med(of, r => r.peakRssMiB - r.baseRssMiB) * 1024) / clusters,
        );
      rows.push([
        formatNumber(clusters),
        `${formatNumber(med(ocm, r => r.fullMs))} ms`,
        `${formatNumber(med(ours, r => r.fullMs))} ms`,
        `${(med(ours, r => r.fullMs) / med(ocm, r => r.fullMs)).toFixed(2)}×`,
        `${perCluster(ocm)} / ${perCluster(ours)} µs`,
        `${(
          med(ours, r => r.providerCpuMs) / med(ocm, r => r.providerCpuMs)
        ).toFixed(2)}×`,
        `${perCluster(parse)} / ${perCluster(source)} µs`,
        `${rssPerCluster(ocm)} / ${rssPerCluster(ours)} KB`,
        `${formatNumber(med(ocm, r => r.entities))} / ${formatNumber(
          med(ours, r => r.entities),
        )}`,
      ]);
    }
    log();
    printTable(
      [
        'clusters',
        'OCM to full mutation',
        'ours',
        'ours ÷ OCM',
        'provider CPU per cluster, OCM / ours',
        'CPU, ours ÷ OCM',
        'our floors per cluster, parse / source',
        'peak RSS over idle per cluster, OCM / ours',
        'entities, OCM / ours',
      ],
      rows,
    );
    log(
      `Medians of ${params.rounds} run(s) each, interleaved, each in a fresh process. The floors read the NKP fleet as watch-list streams: parse only parses every event and keeps nothing, source only is our provider's source alone (parse, slim, keep).`,
    );
  },
});
