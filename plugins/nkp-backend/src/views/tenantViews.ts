/**
 * What of the plans and exceptions concerns a caller who sees part of the fleet (a tenant with a
 * conditional `nkp.fleet.read`): only what touches the clusters they may see, so no title,
 * count, name or requester of another tenant reaches them.
 */
import {
  ClusterEvaluation,
  UpgradePlanScope,
  entityRefKey,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { StoredException } from '../database/PolicyStore';
import { ReadScope } from '../permissions/FleetAccess';
import { FleetSnapshot } from '../state/FleetState';
import { ownerTenant } from './clusterViews';

/** Whether one cluster lies in a plan's scope. */
export function inPlanScope(
  scope: UpgradePlanScope,
  result: ClusterEvaluation,
): boolean {
  switch (scope.kind) {
    case 'fleet':
      return true;
    case 'management-cluster':
      return (
        result.cluster.name === scope.name ||
        result.cluster.managementCluster === scope.name
      );
    case 'workspace':
      return result.cluster.workspace === scope.name;
    default:
      return false;
  }
}

/**
 * The visible clusters a plan concerns: in its scope, or given a finding by it (a management
 * plane plan also concerns the clusters of the management clusters it moves).
 */
export function clustersConcerned(
  plan: { id: string; scope: UpgradePlanScope },
  visible: readonly ClusterEvaluation[],
): ClusterEvaluation[] {
  return visible.filter(
    r =>
      inPlanScope(plan.scope, r) || r.findings.some(f => f.planId === plan.id),
  );
}

/**
 * True when an exception's target is a cluster of the fleet, or the owner of one, that the
 * caller may see.
 */
export function exceptionTargetVisible(
  target: StoredException['target'],
  snapshot: FleetSnapshot,
  scope: ReadScope,
): boolean {
  if ('cluster' in target) {
    const result = snapshot.byRef.get(entityRefKey(target.cluster));
    return result !== undefined && scope.visible(result.cluster);
  }
  const owner = normalizeOwnerRef(target.owner);
  return snapshot.index
    .visibleClusters(scope)
    .some(r => ownerTenant(r) === owner);
}

/** The exceptions a caller may see. */
export function visibleExceptions(
  snapshot: FleetSnapshot,
  scope: ReadScope,
): StoredException[] {
  return scope.all
    ? snapshot.exceptions
    : snapshot.exceptions.filter(e =>
        exceptionTargetVisible(e.target, snapshot, scope),
      );
}
