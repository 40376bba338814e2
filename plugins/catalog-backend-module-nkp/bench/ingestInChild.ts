/*
 * The parent's side of ingestChild.ts: one measured ingestion in a fresh child process (so that
 * its memory is its own), and the fleet shape the ingestion benchmarks share.
 */

import { forkTs, receive, request, stopChild } from '@nkp-lifecycle/bench';
import { join } from 'node:path';
import type { FleetSize } from './fleetObjects';
import type { IngestResult, IngestRun } from './ingestChild';

/** The provider's default page size, which the fleet server prerenders pages for. */
export const PROVIDER_PAGE_SIZE = 500;

/** A tenth as many workspaces and half as many projects as clusters. */
export function benchFleet(clusters: number): FleetSize {
  return {
    clusters,
    workspaces: Math.max(1, clusters / 10),
    projects: clusters / 2,
  };
}

/** Runs `run` in a fresh child process and resolves to what it measured. */
export async function ingestInChild(
  run: IngestRun,
  cpuProfileDir?: string,
): Promise<IngestResult> {
  const child = forkTs(join(__dirname, 'ingestChild.ts'), [], {
    execArgv: ['--expose-gc'],
    cpuProfileDir,
  });
  try {
    const result = receive<IngestResult>(child, 'nkp-bench-ingested');
    request<IngestRun>(child, 'nkp-bench-ingest', run);
    return await result;
  } finally {
    await stopChild(child);
  }
}
