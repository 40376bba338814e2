/**
 * Upgrade plans: every cluster in a plan's scope that is below its target gets the plan's deadline
 * (announcement + window): `upgrade-due` before it, `overdue` during the configured grace, then
 * `unsupported`: failing to upgrade inside the window means loss of support (seed 000).
 *
 * A managed cluster "blocks" a plan when its management cluster is in the plan's scope and the
 * cluster would fall outside the managed skew once the management plane is on target: that is the
 * one slow tenant holding every other tenant back. Self-managed clusters never block anyone.
 */
import { NkpClusterFacts } from '../../clusterFacts';
import { toIsoDate } from '../days';
import { MinorVersion, minorSortKey, parseMinor } from '../minor';
import { PreparedPlan } from '../plans';
import { PolicyFinding } from '../types';
import { PolicyRule, PolicyRuleFn, RuleContext } from './context';

const evaluate: PolicyRuleFn = (cluster, context) => {
  if (!context.config.upgradePlans.enabled) return [];
  const plans = context.plansFor(cluster);
  if (plans.length === 0) return [];
  const findings: PolicyFinding[] = [];
  for (const plan of plans) {
    const finding = evaluatePlan(cluster, plan, context);
    if (finding) findings.push(finding);
  }
  return findings;
};

function evaluatePlan(
  cluster: NkpClusterFacts,
  prepared: PreparedPlan,
  context: RuleContext,
): PolicyFinding | undefined {
  const { plan, target, deadlineDay, supportEndsDay, announcedDay } = prepared;
  const base = { rule: 'upgrade-plan' as const, planId: plan.id };
  if (!target || deadlineDay === undefined || supportEndsDay === undefined) {
    return {
      ...base,
      state: 'unknown',
      reason: `Upgrade plan '${plan.title}' cannot be evaluated: target '${plan.targetVersion}' or announcement '${plan.announcedAt}' is unreadable`,
    };
  }
  // A plan counts from its announcement day; before that nobody has been told.
  if (context.today < announcedDay!) return undefined;

  const below = isBelowTarget(cluster, prepared);
  const targetVersion = {
    nkp: target.version,
    ...(prepared.targetKubernetesMinor
      ? { kubernetes: prepared.targetKubernetesMinor }
      : {}),
  };
  if (below === undefined) {
    return {
      ...base,
      state: 'unknown',
      targetVersion,
      reason: `Upgrade plan '${plan.title}' (NKP ${target.version}): the cluster's version cannot be compared with the target`,
    };
  }
  if (!below) {
    return {
      ...base,
      state: 'compliant',
      reason: `Meets upgrade plan '${plan.title}' (NKP ${target.version})`,
    };
  }

  const deadline = toIsoDate(deadlineDay);
  const today = context.today;
  let state: PolicyFinding['state'];
  let what: string;
  if (today < deadlineDay) {
    state = 'upgrade-due';
    what = `must reach NKP ${target.version} before ${deadline}`;
  } else if (today < supportEndsDay) {
    state = 'overdue';
    what = `missed the ${deadline} deadline for NKP ${
      target.version
    }; support ends ${toIsoDate(supportEndsDay)}`;
  } else {
    state = 'unsupported';
    what = `missed the ${deadline} deadline for NKP ${
      target.version
    }; support lost on ${toIsoDate(supportEndsDay)}`;
  }
  const blocking = blocksManagementPlane(cluster, prepared, context);
  return {
    ...base,
    state,
    deadline: toIsoDate(state === 'upgrade-due' ? deadlineDay : supportEndsDay),
    targetVersion,
    reminders: prepared.reminders,
    ...(blocking ? { blocking } : {}),
    reason: `Upgrade plan '${plan.title}' (announced ${toIsoDate(
      announcedDay!,
    )}): ${what}${blocking ? '; blocks the management-plane upgrade' : ''}`,
  };
}

/** `undefined` when neither NKP nor Kubernetes versions can be compared. */
function isBelowTarget(
  cluster: NkpClusterFacts,
  plan: PreparedPlan,
): boolean | undefined {
  const target = plan.target!;
  const nkp = parseMinor(cluster.nkpVersion);
  if (nkp) return isOlder(nkp, target);
  const k8s = parseMinor(cluster.kubernetesVersion);
  if (k8s && plan.targetKubernetesMinor) {
    return (
      minorSortKey(k8s.minorVersion) < minorSortKey(plan.targetKubernetesMinor)
    );
  }
  return undefined;
}

/** A target without a patch (`2.17`) is met by any patch of that minor. */
function isOlder(version: MinorVersion, target: MinorVersion): boolean {
  if (version.major !== target.major) return version.major < target.major;
  if (version.minor !== target.minor) return version.minor < target.minor;
  return target.patch !== undefined && (version.patch ?? 0) < target.patch;
}

function blocksManagementPlane(
  cluster: NkpClusterFacts,
  plan: PreparedPlan,
  context: RuleContext,
): boolean {
  const skew = context.config.managedSkew;
  if (!cluster.clusterType || !skew.clusterTypes.includes(cluster.clusterType))
    return false;
  const managementName = cluster.managementCluster;
  if (!managementName || !plan.targetKubernetesMinor) return false;
  const scope = plan.plan.scope;
  const managementInScope =
    scope.kind === 'fleet' ||
    (scope.kind === 'management-cluster' && scope.name === managementName) ||
    (scope.kind === 'workspace' &&
      context.managementClusters.get(managementName)?.workspace === scope.name);
  if (!managementInScope) return false;
  const own = parseMinor(cluster.kubernetesVersion);
  const target = parseMinor(plan.targetKubernetesMinor)!;
  if (!own || own.major !== target.major) return false;
  return target.minor - own.minor > skew.maxMinorsBehind;
}

export const upgradePlanRule: PolicyRule = {
  id: 'upgrade-plan',
  evaluate,
  // Scope membership reads the name (management clusters), management cluster and workspace.
  inputsKey: c =>
    `${c.clusterType}|${c.nkpVersion}|${c.kubernetesVersion}|${
      c.managementCluster
    }|${c.workspace}|${c.clusterType === 'management' ? c.name : ''}`,
};
