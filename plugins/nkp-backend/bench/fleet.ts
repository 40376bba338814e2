/*
 * The fleet of the /clusters benchmark, deterministic so that every run measures the same one:
 * NKP clusters in workspaces (a tenth as many) owned by 25 groups, 20 management clusters,
 * managed clusters on or one or two Kubernetes minors behind their management cluster,
 * self-managed clusters from NKP 2.12 to 2.17, a few attached ones; 12 upgrade plans (10 of them
 * past their deadline) and 100 exceptions, two thirds approved.
 */

import { Entity } from '@backstage/catalog-model';
import { NKP_ANNOTATIONS } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore } from '../src/database/PolicyStore';

export const OWNERS = 25;
const MANAGEMENT_CLUSTERS = 20;
/** The tenant whose permission decision is conditional: sees only team-07's clusters. */
export const TENANT_USER = 'user:default/tenant-dev';
export const TENANT_GROUP = 'group:default/team-07';

export function workspacesFor(clusters: number): number {
  return Math.max(1, Math.round(clusters / 10));
}

/** Deterministic pseudo-random numbers, so every run benchmarks the same fleet. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * NKP minors, the Kubernetes minor each ships, and their share of the self-managed clusters:
 * mostly current, with a long tail of old ones, so states range from compliant to unsupported.
 */
const NKP = [
  { nkp: '2.12', k8s: '1.29', share: 0.02 },
  { nkp: '2.13', k8s: '1.30', share: 0.03 },
  { nkp: '2.14', k8s: '1.31', share: 0.07 },
  { nkp: '2.15', k8s: '1.32', share: 0.13 },
  { nkp: '2.16', k8s: '1.33', share: 0.3 },
  { nkp: '2.17', k8s: '1.34', share: 0.45 },
];

function pickNkp(next: () => number) {
  let r = next();
  for (const version of NKP) {
    r -= version.share;
    if (r < 0) return version;
  }
  return NKP[NKP.length - 1];
}

/** Every fourth management cluster is a minor behind. */
const managementVersion = (m: number) => (m % 4 === 0 ? NKP[4] : NKP[5]);

/** Kubernetes minors a managed cluster trails its management cluster: mostly none. */
function managedLag(r: number) {
  if (r < 0.8) return 0;
  return r < 0.94 ? 1 : 2;
}

function clusterEntity(
  name: string,
  owner: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        [NKP_ANNOTATIONS.source]: 'bench',
        'backstage.io/managed-by-location': 'nkp:bench',
        'backstage.io/managed-by-origin-location': 'nkp:bench',
        [NKP_ANNOTATIONS.objectName]: name,
        [NKP_ANNOTATIONS.phase]: 'Provisioned',
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner, lifecycle: 'production' },
  };
}

/** `clusters` NKP cluster entities, always the same for the same size. */
export function generateFleet(clusters: number): Entity[] {
  const workspaces = workspacesFor(clusters);
  const next = random(42);
  const entities: Entity[] = [];
  for (let m = 0; m < MANAGEMENT_CLUSTERS; m++) {
    const { nkp, k8s } = managementVersion(m);
    entities.push(
      clusterEntity(`mgmt-${pad(m, 2)}`, 'group:default/platform-team', {
        [NKP_ANNOTATIONS.clusterType]: 'management',
        [NKP_ANNOTATIONS.nkpVersion]: `${nkp}.1`,
        [NKP_ANNOTATIONS.kubernetesVersion]: `${k8s}.4`,
        [NKP_ANNOTATIONS.workspace]: 'kommander',
      }),
    );
  }
  for (let i = entities.length; i < clusters; i++) {
    const ws = i % workspaces;
    const workspace = `ws-${pad(ws, 4)}`;
    const owner = `group:default/team-${pad(ws % OWNERS, 2)}`;
    const r = next();
    const { nkp, k8s } = pickNkp(next);
    const patch = Math.floor(next() * 6);
    const name = `${workspace}-c${pad(i, 5)}`;
    if (r < 0.6) {
      // Managed: mostly on the management cluster's Kubernetes, some one or two minors behind
      const mgmt = ws % MANAGEMENT_CLUSTERS;
      const mgmtK8s = Number(managementVersion(mgmt).k8s.split('.')[1]);
      const lag = managedLag(next());
      entities.push(
        clusterEntity(name, owner, {
          [NKP_ANNOTATIONS.clusterType]: 'managed',
          [NKP_ANNOTATIONS.managementCluster]: `mgmt-${pad(mgmt, 2)}`,
          [NKP_ANNOTATIONS.kubernetesVersion]: `1.${mgmtK8s - lag}.${patch}`,
          [NKP_ANNOTATIONS.workspace]: workspace,
          [NKP_ANNOTATIONS.projects]: `${workspace}-web,${workspace}-data`,
        }),
      );
    } else if (r < 0.95) {
      entities.push(
        clusterEntity(name, owner, {
          [NKP_ANNOTATIONS.clusterType]: 'self-managed',
          [NKP_ANNOTATIONS.nkpVersion]: `${nkp}.${patch % 3}`,
          [NKP_ANNOTATIONS.kubernetesVersion]: `${k8s}.${patch}`,
          [NKP_ANNOTATIONS.workspace]: workspace,
        }),
      );
    } else {
      entities.push(
        clusterEntity(name, owner, {
          [NKP_ANNOTATIONS.clusterType]: 'attached',
          ...(next() < 0.5
            ? { [NKP_ANNOTATIONS.kubernetesVersion]: `${k8s}.${patch}` }
            : {}),
          [NKP_ANNOTATIONS.workspace]: workspace,
        }),
      );
    }
  }
  return entities;
}

function pad(n: number, width: number) {
  return String(n).padStart(width, '0');
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A few plans (ten late) and exceptions, most of them approved by someone else. */
export async function seedPolicy(store: PolicyStore, clusters: number) {
  const workspaces = workspacesFor(clusters);
  const lead = 'user:default/platform-lead';
  await store.createPlan(
    {
      title: 'Fleet to NKP 2.17',
      targetVersion: '2.17',
      announcedAt: isoDay(-30),
      scope: { kind: 'fleet' },
    },
    lead,
  );
  await store.createPlan(
    {
      title: 'mgmt-03 to NKP 2.17',
      targetVersion: '2.17',
      announcedAt: isoDay(-80),
      scope: { kind: 'management-cluster', name: 'mgmt-03' },
    },
    lead,
  );
  for (let w = 0; w < 10; w++) {
    await store.createPlan(
      {
        title: `ws-${pad(w, 4)} to NKP 2.17 (late)`,
        targetVersion: '2.17',
        announcedAt: isoDay(-120),
        scope: { kind: 'workspace', name: `ws-${pad(w, 4)}` },
      },
      lead,
    );
  }
  for (let e = 0; e < 100; e++) {
    const ws = e * 7;
    const exception = await store.requestException(
      {
        target:
          e % 5 === 0
            ? { owner: `group:default/team-${pad(ws % OWNERS, 2)}` }
            : {
                // The second cluster of workspace `ws`
                cluster: `resource:default/ws-${pad(ws, 4)}-c${pad(
                  ws + workspaces,
                  5,
                )}`,
              },
        reason: 'Vendor has not certified the next Kubernetes minor yet',
        expiresAt: isoDay(30 + e),
      },
      `user:default/dev-${e % 13}`,
    );
    if (e % 3 !== 0) await store.approveException(exception.id, lead);
  }
}

/**
 * What the golden path reads besides the clusters: a workspace `Domain` per workspace (owned by
 * its team, with its namespace) and the groups.
 */
export function generateGoldenPathEntities(clusters: number): Entity[] {
  const entities: Entity[] = [];
  for (let ws = 0; ws < workspacesFor(clusters); ws++) {
    const name = `ws-${pad(ws, 4)}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: {
        name,
        annotations: {
          [NKP_ANNOTATIONS.source]: 'bench',
          'backstage.io/managed-by-location': 'nkp:bench',
          'backstage.io/managed-by-origin-location': 'nkp:bench',
          [NKP_ANNOTATIONS.objectName]: name,
          [NKP_ANNOTATIONS.workspace]: name,
          [NKP_ANNOTATIONS.namespace]: `${name}-x7k2p`,
        },
      },
      spec: { owner: `group:default/team-${pad(ws % OWNERS, 2)}` },
    });
  }
  for (let g = 0; g < OWNERS; g++) {
    entities.push({
      apiVersion: 'backstage.io/v1',
      kind: 'Group',
      metadata: { name: `team-${pad(g, 2)}` },
      spec: { type: 'team', children: [] },
    });
  }
  return entities;
}

/** `nkp.goldenPath` of the benchmark: the demo's releases and Prism Central. */
export const BENCH_GOLDEN_PATH = {
  releases: [
    { nkp: '2.17.1', kubernetes: '1.34.3' },
    { nkp: '2.16.1', kubernetes: '1.33.5' },
    { nkp: '2.15.1', kubernetes: '1.32.3' },
    { nkp: '2.14.0', kubernetes: '1.31.4' },
  ],
  prismCentrals: [
    {
      name: 'pc-bench',
      url: 'https://pc.bench.example:9440',
      credentialsSecret: 'nutanix-pc-credentials',
      clusters: [
        {
          name: 'pe-bench-1',
          subnets: ['vlan-tenants'],
          images: ['nkp-rocky-9.6-release-1.34.3'],
          storageContainers: ['default-container'],
        },
      ],
    },
  ],
  approvers: ['group:default/platform-team'],
  delivery: {
    gitops: { repoUrl: 'github.com?owner=nkp-bench&repo=fleet' },
    direct: { enabled: true },
  },
};
