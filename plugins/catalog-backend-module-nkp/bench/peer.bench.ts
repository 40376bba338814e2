/*
 * Side by side with the simplest peer (issue 13, goal 1): the community OCM provider reads as many
 * ManagedClusters (about 7.6 KB each) with one unpaged LIST as our provider reads NKP clusters
 * (CAPI Cluster + KommanderCluster, with a tenth as many workspaces and half as many projects)
 * as watch-list streams, from the same HTTPS fleet server, each run in a fresh child process,
 * the two interleaved. The peer is downloaded on first use (ocmPeer.ts). Each provider's CPU
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
      const ours: IngestResult[] = [];
      const ocm: IngestResult[] = [];
      try {
        for (let round = 0; round < params.rounds; round++) {
          for (const peer of [false, true]) {
            const r = await ingestInChild(
              {
                url: server.url,
                caData: server.caData,
                clusters,
                changes: 0,
                bare: false,
                ...(peer ? { ocmProvider } : {}),
              },
              cpuProfileDir,
            );
            (peer ? ocm : ours).push(r);
            log(
              `${formatNumber(clusters)} clusters, ${
                peer ? 'OCM' : 'ours'
              }: ${formatNumber(r.fullMs)} ms, CPU ${formatNumber(
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
      const med = (runs: IngestResult[], pick: (r: IngestResult) => number) =>
        median(runs.map(pick));
      const perCluster = (runs: IngestResult[]) =>
        formatNumber((med(runs, r => r.providerCpuMs) * 1000) / clusters);
      const rssPerCluster = (runs: IngestResult[]) =>
        formatNumber(
          (med(runs, r => r.peakRssMiB - r.baseRssMiB) * 1024) / clusters,
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
        'peak RSS over idle per cluster, OCM / ours',
        'entities, OCM / ours',
      ],
      rows,
    );
    log(
      `Medians of ${params.rounds} run(s) each, interleaved, each in a fresh process.`,
    );
  },
});
