/*
 * The policy engine at fleet scale: evaluateFleet over generated fleets with upgrade plans and
 * exceptions, as the backend runs it on every catalog change. The goal (issue 13) is under 250 ms
 * of CPU for 100,000 clusters (`--full`).
 *
 *   cd plugins/nkp-common && yarn bench [--full]
 */

import {
  cpuMs,
  defineBench,
  formatNumber,
  log,
  median,
  printTable,
} from '@nkp-lifecycle/bench';
import {
  buildReleaseCalendar,
  evaluateFleet,
  NkpClusterFacts,
  PolicyException,
  UpgradePlan,
} from '../src';

/** CPU ms for 100,000 clusters; checked when a run includes a fleet that large. */
const GOAL_MS = 250;
const GOAL_CLUSTERS = 100_000;

const NKP = [
  ['2.14.3', '1.31.4'],
  ['2.15.2', '1.32.3'],
  ['2.16.1', '1.33.2'],
  ['2.17.1', '1.34.3'],
];

function fleet(size: number): NkpClusterFacts[] {
  const managementCount = Math.max(1, Math.floor(size / 200));
  const clusters: NkpClusterFacts[] = [];
  for (let m = 0; m < managementCount; m++) {
    clusters.push({
      entityRef: `resource:default/mgmt-${m}`,
      name: `mgmt-${m}`,
      owner: 'group:default/platform',
      clusterType: 'management',
      nkpVersion: '2.17.1',
      kubernetesVersion: '1.34.3',
      workspace: 'kommander-default-workspace',
      projects: [],
    });
  }
  for (let i = clusters.length; i < size; i++) {
    const [nkpVersion, kubernetesVersion] = NKP[i % NKP.length];
    const selfManaged = i % 5 === 0;
    clusters.push({
      entityRef: `resource:default/cluster-${i}`,
      name: `cluster-${i}`,
      owner: `group:default/tenant-${i % 500}`,
      clusterType: selfManaged ? 'self-managed' : 'managed',
      nkpVersion,
      kubernetesVersion,
      managementCluster: selfManaged
        ? undefined
        : `mgmt-${i % managementCount}`,
      workspace: `ws-${i % 300}`,
      projects: [],
    });
  }
  return clusters;
}

function scopeOf(i: number, managementCount: number): UpgradePlan['scope'] {
  if (i < 2) return { kind: 'fleet' };
  if (i % 2)
    return { kind: 'management-cluster', name: `mgmt-${i % managementCount}` };
  return { kind: 'workspace', name: `ws-${i % 300}` };
}

function plans(count: number, managementCount: number): UpgradePlan[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `plan-${i}`,
    title: `Plan ${i}`,
    targetVersion: i % 2 ? '2.17' : '2.17.1',
    announcedAt: '2026-01-10',
    windowDays: 60 + i,
    scope: scopeOf(i, managementCount),
  }));
}

function exceptions(count: number, size: number): PolicyException[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `exc-${i}`,
    target:
      i % 2
        ? { cluster: `resource:default/cluster-${(i * 97) % size}` }
        : { owner: `tenant-${i % 500}` },
    reason: 'vendor certification pending',
    approvedBy: 'user:default/platform-lead',
    approvedAt: '2026-02-01',
    expiresAt: '2026-04-01',
  }));
}

export default defineBench({
  title: 'Policy engine: evaluateFleet',
  small: { clusters: [1_000, 10_000], plans: 50, exceptions: 1_000, runs: 7 },
  full: {
    clusters: [1_000, 10_000, 100_000],
    plans: 50,
    exceptions: 1_000,
    runs: 7,
  },
  async run({ params }) {
    const calendar = buildReleaseCalendar();
    const rows = [];
    let goal: boolean | undefined;
    for (const size of params.clusters) {
      // Round-tripped through JSON like facts read from the catalog: flat strings.
      const clusters: NkpClusterFacts[] = JSON.parse(
        JSON.stringify(fleet(size)),
      );
      const input = {
        clusters,
        calendar,
        plans: plans(params.plans, Math.max(1, Math.floor(size / 200))),
        exceptions: exceptions(params.exceptions, size),
        now: '2026-03-15T12:00:00Z',
      };
      evaluateFleet(input); // warm-up (JIT, memoised parsing)
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < params.runs; r++) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        evaluateFleet(input);
        wall.push(performance.now() - start);
        cpu.push(cpuMs(cpuStart));
      }
      const perCluster = (median(cpu) * 1000) / size;
      rows.push([
        formatNumber(size),
        formatNumber(median(wall), 1),
        formatNumber(Math.min(...wall), 1),
        formatNumber(median(cpu), 1),
        formatNumber(perCluster, 1),
      ]);
      if (size === GOAL_CLUSTERS) {
        goal = median(cpu) < GOAL_MS;
      }
    }
    log(
      `${params.plans} upgrade plans, ${formatNumber(
        params.exceptions,
      )} exceptions; ${params.runs} runs per size after one warm-up`,
    );
    printTable(
      [
        'clusters',
        'median wall ms',
        'min wall ms',
        'median CPU ms',
        'CPU µs / cluster',
      ],
      rows,
    );
    const verdict = { true: 'met', false: 'MISSED' }[String(goal)];
    log(
      `Goal: under ${GOAL_MS} ms of CPU for ${formatNumber(
        GOAL_CLUSTERS,
      )} clusters: ${verdict ?? 'not measured (run with --full)'}`,
    );
    return goal !== false;
  },
});
