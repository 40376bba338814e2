/**
 * Shapes of the fleet API: cluster results flattened onto the cluster facts, and roll-ups over
 * the subset of the fleet a caller may see.
 */
import {
  ClusterEvaluation,
  NkpClusterView,
  POLICY_STATES,
  PolicyRollup,
  PolicyState,
  TenantRollup,
  worseState,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

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
