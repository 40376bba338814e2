/**
 * Shapes of the fleet API: cluster results flattened onto the cluster facts (so clients of the
 * first `/clusters` keep working), the list query with its sort orders and version matching
 * (applied per snapshot by ClusterIndex), and roll-ups over the subset a caller may see.
 */
import {
  ClusterEvaluation,
  NkpClusterView,
  POLICY_STATES,
  PolicyRollup,
  PolicyState,
  TenantRollup,
  stateRank,
  worseState,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { normalizeOwnerRef } from '../permissions/rules';

/** One cluster as the API returns it. */
export function clusterView(result: ClusterEvaluation): NkpClusterView {
  return {
    ...result.cluster,
    state: result.state,
    deadline: result.deadline,
    daysLeft: result.daysLeft,
    targetVersion: result.targetVersion,
    upgradePath: result.upgradePath,
    findings: result.findings,
  };
}

export type ClusterOrderBy =
  | 'name'
  | 'deadline'
  | 'state'
  | 'kubernetesVersion';

export interface ClusterListQuery {
  /** Any of these owners (entity refs; `team-a` means `group:default/team-a`). */
  owners?: string[];
  workspace?: string;
  states?: PolicyState[];
  /** `1.33` matches 1.33.x; matched against the Kubernetes and the NKP version. */
  version?: string;
  orderBy: ClusterOrderBy;
  order: 'asc' | 'desc';
  offset: number;
  limit?: number;
}

function stripV(version: string) {
  return version.startsWith('v') ? version.slice(1) : version;
}

/** `1.33` matches 1.33.x (and 1.33-rc, 1.33+build); a leading `v` is ignored on both sides. */
export function versionMatches(actual: string | undefined, wanted: string) {
  if (!actual) return false;
  const a = stripV(actual);
  const w = stripV(wanted);
  return (
    a === w ||
    a.startsWith(`${w}.`) ||
    a.startsWith(`${w}-`) ||
    a.startsWith(`${w}+`)
  );
}

/** Numeric parts of a version for sorting; undefined for a missing or unreadable one. */
function versionKey(version: string | undefined): number[] | undefined {
  if (!version) return undefined;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

function compareKeys(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/**
 * Sorts a copy. Clusters without the sort value (no deadline, unreadable version) come last in
 * either direction; ties are broken by entity ref so paging is stable.
 */
export function sortClusters(
  results: readonly ClusterEvaluation[],
  orderBy: ClusterOrderBy,
  order: 'asc' | 'desc',
): ClusterEvaluation[] {
  const sign = order === 'asc' ? 1 : -1;
  const byRef = (a: ClusterEvaluation, b: ClusterEvaluation) =>
    a.entityRef < b.entityRef ? -1 : 1;
  let compare: (a: ClusterEvaluation, b: ClusterEvaluation) => number;
  switch (orderBy) {
    case 'state':
      compare = (a, b) => sign * (stateRank(a.state) - stateRank(b.state));
      break;
    case 'deadline':
      compare = (a, b) => {
        if (a.deadline === b.deadline) return 0;
        if (a.deadline === undefined) return 1;
        if (b.deadline === undefined) return -1;
        return sign * (a.deadline < b.deadline ? -1 : 1);
      };
      break;
    case 'kubernetesVersion': {
      const keys = new Map<ClusterEvaluation, number[] | undefined>();
      for (const r of results)
        keys.set(r, versionKey(r.cluster.kubernetesVersion));
      compare = (a, b) => {
        const ka = keys.get(a);
        const kb = keys.get(b);
        if (ka && kb) return sign * compareKeys(ka, kb);
        if (ka) return -1;
        return kb ? 1 : 0;
      };
      break;
    }
    default:
      compare = (a, b) =>
        a.cluster.name === b.cluster.name
          ? 0
          : sign * (a.cluster.name < b.cluster.name ? -1 : 1);
  }
  return results.slice().sort((a, b) => compare(a, b) || byRef(a, b));
}

/** The same roll-up the engine computes, over any subset (for callers who see part of the fleet). */
export function rollupOf(results: Iterable<ClusterEvaluation>): PolicyRollup {
  const counts = Object.fromEntries(POLICY_STATES.map(s => [s, 0])) as Record<
    PolicyState,
    number
  >;
  let total = 0;
  let worstState: PolicyState = 'compliant';
  let nearestDeadline: string | undefined;
  let daysToNearestDeadline: number | undefined;
  for (const r of results) {
    total++;
    counts[r.state]++;
    worstState = worseState(worstState, r.state);
    if (
      r.deadline !== undefined &&
      r.daysLeft !== undefined &&
      r.daysLeft >= 0
    ) {
      if (nearestDeadline === undefined || r.deadline < nearestDeadline) {
        nearestDeadline = r.deadline;
        daysToNearestDeadline = r.daysLeft;
      }
    }
  }
  return {
    total,
    counts,
    worstState,
    ...(nearestDeadline !== undefined
      ? { nearestDeadline, daysToNearestDeadline }
      : {}),
  };
}

export function tenantRollupsOf(
  results: readonly ClusterEvaluation[],
  tenantOf: (r: ClusterEvaluation) => string | undefined,
): TenantRollup[] {
  const groups = new Map<string, ClusterEvaluation[]>();
  for (const r of results) {
    const tenant = tenantOf(r);
    if (!tenant) continue;
    const list = groups.get(tenant) ?? [];
    list.push(r);
    groups.set(tenant, list);
  }
  return [...groups.keys()]
    .sort()
    .map(tenant => ({ tenant, ...rollupOf(groups.get(tenant)!) }));
}

/** The owner key the engine's tenant roll-ups use. */
export function ownerTenant(r: ClusterEvaluation): string | undefined {
  return r.cluster.owner ? normalizeOwnerRef(r.cluster.owner) : undefined;
}
