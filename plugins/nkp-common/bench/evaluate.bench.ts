/**
 * Benchmark of the policy engine at fleet scale: 100,000 clusters, 50 upgrade plans, 1,000
 * exceptions (goal: well under 500 ms), plus smaller fleets to show linear growth.
 *
 * Run (Node 22):
 *   cd plugins/nkp-common
 *   SUCRASE_OPTIONS='{"disableESTransforms":true}' ../../node_modules/.bin/sucrase-node bench/evaluate.bench.ts
 * `disableESTransforms` keeps `?.` and `??` native, as in the real build; without it sucrase
 * rewrites them into helper calls that allocate and skew the figures.
 */
import { NkpClusterFacts } from '../src/clusterFacts';
import {
  PolicyException,
  UpgradePlan,
  buildReleaseCalendar,
  evaluateFleet,
} from '../src/policy';

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

const calendar = buildReleaseCalendar();
for (const size of [1_000, 10_000, 100_000]) {
  // Round-trip through JSON like facts read from the catalog: flat strings, not concatenations.
  const clusters: NkpClusterFacts[] = JSON.parse(JSON.stringify(fleet(size)));
  const input = {
    clusters,
    calendar,
    plans: plans(50, Math.max(1, Math.floor(size / 200))),
    exceptions: exceptions(1_000, size),
    now: '2026-03-15T12:00:00Z',
  };
  evaluateFleet(input); // warm-up (JIT, memoised parsing)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 7; r++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    evaluateFleet(input);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // CPU time as well as wall time: on a shared machine the wall clock includes waiting for a core.
  // eslint-disable-next-line no-console
  console.log(
    `${size.toLocaleString(
      'en-US',
    )} clusters, 50 plans, 1,000 exceptions: median ${median(wall).toFixed(
      1,
    )} ms wall (min ${Math.min(...wall).toFixed(1)}), median ${median(
      cpu,
    ).toFixed(1)} ms CPU`,
  );
}
