/**
 * Upgrade plans. What a plan asks of a cluster depends on its kind (`requires`, see plans.ts):
 *
 * - `reach-target`: every cluster in scope below the target gets the plan's deadline
 *   (announcement + window): `upgrade-due` before it, `overdue` during the configured grace, then
 *   `unsupported`: failing to upgrade inside the window means loss of support (seed 000).
 * - `within-skew` (a management-plane plan): the management clusters the plan moves are the
 *   platform team's own step, shown as scheduled and never failed by the plan. Each cluster they
 *   manage must be within the managed skew of the target's Kubernetes minor by the deadline:
 *   those already within it are ready (compliant); the others get the deadline like above.
 *
 * A managed cluster "blocks" a plan when its management cluster moves with the plan and the
 * cluster would fall outside the managed skew once the management plane is on target: that is
 * the one slow tenant holding every other tenant back. For a `within-skew` plan the blockers are
 * exactly the clusters it finds outside the skew. Self-managed clusters never block anyone.
 */
import { NkpClusterFacts } from '../../clusterFacts';
import { plural } from '../../text/plural';
import { toIsoDate } from '../days';
import { MinorVersion, minorSortKey, parseMinor } from '../minor';
import { PreparedPlan, UpgradePlanScope } from '../plans';
import { nkpMinorForKubernetes } from '../calendar/prepared';
import { PolicyFinding, TargetVersion } from '../types';
import { PolicyRule, PolicyRuleFn, RuleContext } from './context';
import { minorsBehindText, versionUnknown } from './reasons';

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

/** How a plan concerns a cluster; `undefined` when it asks nothing of it. */
type Concern = 'reach-target' | 'platform-step' | 'within-skew';

function evaluatePlan(
  cluster: NkpClusterFacts,
  prepared: PreparedPlan,
  context: RuleContext,
): PolicyFinding | undefined {
  const concern =
    prepared.requires === 'within-skew'
      ? managementPlaneConcern(cluster, prepared, context)
      : 'reach-target';
  if (!concern) return undefined;
  const { plan, target, deadlineDay, supportEndsDay, announcedDay } = prepared;
  if (!target || deadlineDay === undefined || supportEndsDay === undefined) {
    return {
      rule: 'upgrade-plan',
      planId: plan.id,
      state: 'unknown',
      reason: `Upgrade plan '${plan.title}' cannot be evaluated: target '${plan.targetVersion}' or announcement '${plan.announcedAt}' is unreadable`,
    };
  }
  // A plan counts from its announcement day; before that nobody has been told.
  if (context.today < announcedDay!) return undefined;
  const readable = { ...prepared, target, deadlineDay, supportEndsDay };
  switch (concern) {
    case 'platform-step':
      return platformStep(cluster, readable, context);
    case 'within-skew':
      return withinSkew(cluster, readable, context);
    default:
      return reachTarget(cluster, readable, context);
  }
}

/** A plan whose target and dates could be read. */
type ReadablePlan = PreparedPlan & {
  target: MinorVersion;
  deadlineDay: number;
  supportEndsDay: number;
};

function planTarget(prepared: ReadablePlan): TargetVersion {
  return {
    nkp: prepared.target.version,
    ...(prepared.targetKubernetesMinor
      ? { kubernetes: prepared.targetKubernetesMinor }
      : {}),
  };
}

/** Each cluster in scope to the target: today's meaning of fleet and workspace plans. */
function reachTarget(
  cluster: NkpClusterFacts,
  prepared: ReadablePlan,
  context: RuleContext,
): PolicyFinding {
  const { plan, target } = prepared;
  const base = { rule: 'upgrade-plan' as const, planId: plan.id };
  const below = isBelowTarget(cluster, prepared);
  const targetVersion = planTarget(prepared);
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
  const blocking = blocksManagementPlane(cluster, prepared, context);
  return dated(prepared, context, {
    targetVersion,
    goal: `NKP ${target.version}`,
    blocking,
  });
}

/** A management cluster the plan moves: the platform team's step, scheduled by the deadline. */
function platformStep(
  cluster: NkpClusterFacts,
  prepared: ReadablePlan,
  context: RuleContext,
): PolicyFinding {
  const { plan, target, deadlineDay, announcedDay } = prepared;
  const done = isBelowTarget(cluster, prepared) === false;
  const by = toIsoDate(deadlineDay);
  const targetVersion = planTarget(prepared);
  const max = context.config.managedSkew.maxMinorsBehind;
  const skew = prepared.targetKubernetesMinor
    ? `within ${plural(max, 'minor')} of Kubernetes ${
        prepared.targetKubernetesMinor
      }`
    : `within the managed skew of the Kubernetes minor NKP ${target.version} ships (not in the release calendar)`;
  const passed = context.today >= deadlineDay ? ', a date that has passed' : '';
  return {
    rule: 'upgrade-plan',
    planId: plan.id,
    state: 'compliant',
    platformStep: { target: targetVersion, by, done },
    reason: done
      ? `Upgrade plan '${plan.title}': on NKP ${target.version}, the plan's target; the platform team's step is done`
      : `Upgrade plan '${plan.title}' (announced ${toIsoDate(
          announcedDay!,
        )}): scheduled for NKP ${
          target.version
        } by ${by}${passed}; the platform team's own step, once the clusters it manages are ${skew}`,
  };
}

/** A cluster managed by a management cluster the plan moves: within the skew of the target. */
function withinSkew(
  cluster: NkpClusterFacts,
  prepared: ReadablePlan,
  context: RuleContext,
): PolicyFinding {
  const { plan, target } = prepared;
  const base = { rule: 'upgrade-plan' as const, planId: plan.id };
  const heading = `Upgrade plan '${plan.title}' (NKP ${target.version})`;
  const own = parseMinor(cluster.kubernetesVersion);
  if (!own) {
    return {
      ...base,
      state: 'unknown',
      reason: `${heading}: ${versionUnknown(
        'Kubernetes',
        cluster.kubernetesVersion,
      )}, so it cannot be compared with the managed skew of the target`,
    };
  }
  const targetK8s = parseMinor(prepared.targetKubernetesMinor);
  if (!targetK8s) {
    return {
      ...base,
      state: 'unknown',
      reason: `${heading}: the release calendar does not say which Kubernetes minor NKP ${target.version} ships`,
    };
  }
  if (own.major !== targetK8s.major) {
    return {
      ...base,
      state: 'unknown',
      reason: `${heading}: Kubernetes ${own.version} and ${targetK8s.minorVersion} have different majors`,
    };
  }
  const max = context.config.managedSkew.maxMinorsBehind;
  const behind = Math.max(0, targetK8s.minor - own.minor);
  const management = `management cluster '${cluster.managementCluster}' on NKP ${target.version} (Kubernetes ${targetK8s.minorVersion})`;
  const allowed = `at most ${plural(max, 'minor')} allowed`;
  if (behind <= max) {
    return {
      ...base,
      state: 'compliant',
      reason: `Ready for upgrade plan '${plan.title}': Kubernetes ${
        own.minorVersion
      } will be ${minorsBehindText(behind)} ${management}; ${allowed}`,
    };
  }
  const lowest = `${targetK8s.major}.${Math.max(0, targetK8s.minor - max)}`;
  const nkp =
    parseMinor(cluster.nkpVersion) !== undefined
      ? nkpMinorForKubernetes(context.calendar, lowest)
      : undefined;
  return dated(prepared, context, {
    targetVersion: { ...(nkp ? { nkp } : {}), kubernetes: lowest },
    goal: `Kubernetes ${lowest}`,
    why: `Kubernetes ${own.minorVersion} would be ${plural(
      behind,
      'minor',
    )} behind ${management}, ${allowed}`,
    blocking: true,
  });
}

/**
 * A cluster that still has to do what the plan asks: `upgrade-due` before the deadline,
 * `overdue` during the grace days, `unsupported` from the end of support on.
 */
function dated(
  prepared: ReadablePlan,
  context: RuleContext,
  what: {
    targetVersion: TargetVersion;
    /** What the cluster must reach, e.g. `NKP 2.17` or `Kubernetes 1.34`. */
    goal: string;
    /** Why, when it is not simply being below the target. */
    why?: string;
    blocking: boolean;
  },
): PolicyFinding {
  const { plan, deadlineDay, supportEndsDay, announcedDay } = prepared;
  const deadline = toIsoDate(deadlineDay);
  const supportEnds = toIsoDate(supportEndsDay);
  const today = context.today;
  let state: PolicyFinding['state'];
  let must: string;
  if (today < deadlineDay) {
    state = 'upgrade-due';
    must = `must reach ${what.goal} before ${deadline}`;
  } else if (today < supportEndsDay) {
    state = 'overdue';
    must = `missed the ${deadline} deadline to reach ${what.goal}; support ends ${supportEnds}`;
  } else {
    state = 'unsupported';
    must = `missed the ${deadline} deadline to reach ${what.goal}; unsupported since ${supportEnds}`;
  }
  const parts = [
    what.why,
    must,
    what.blocking ? 'blocks the management-plane upgrade' : undefined,
  ].filter(Boolean);
  return {
    rule: 'upgrade-plan',
    planId: plan.id,
    state,
    deadline: state === 'upgrade-due' ? deadline : supportEnds,
    targetVersion: what.targetVersion,
    reminders: prepared.reminders,
    ...(what.blocking ? { blocking: true } : {}),
    reason: `Upgrade plan '${plan.title}' (announced ${toIsoDate(
      announcedDay!,
    )}): ${parts.join('; ')}`,
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

/** Whether the plan's scope takes the management cluster of that name to the target. */
function movesManagementCluster(
  scope: UpgradePlanScope,
  name: string,
  context: RuleContext,
): boolean {
  switch (scope.kind) {
    case 'fleet':
      return true;
    case 'management-cluster':
      return scope.name === name;
    default:
      return context.managementClusters.get(name)?.workspace === scope.name;
  }
}

/** Whether the cluster is bound by the managed skew to a management cluster. */
function boundBySkew(cluster: NkpClusterFacts, context: RuleContext): boolean {
  // An unknown type is not let off: the skew rule reports it as unknown.
  return (
    !cluster.clusterType ||
    context.config.managedSkew.clusterTypes.includes(cluster.clusterType)
  );
}

/**
 * What a management-plane plan asks of the cluster: the platform's step for a management
 * cluster it moves, the skew for a cluster such a management cluster manages, nothing otherwise
 * (self-managed and attached clusters keep their own lifecycle).
 */
function managementPlaneConcern(
  cluster: NkpClusterFacts,
  prepared: PreparedPlan,
  context: RuleContext,
): Concern | undefined {
  const scope = prepared.plan.scope;
  if (
    cluster.clusterType === 'management' &&
    movesManagementCluster(scope, cluster.name, context)
  ) {
    return 'platform-step';
  }
  const managedBy = cluster.managementCluster;
  if (
    managedBy &&
    managedBy !== cluster.name &&
    cluster.clusterType !== 'management' &&
    boundBySkew(cluster, context) &&
    movesManagementCluster(scope, managedBy, context)
  ) {
    return 'within-skew';
  }
  return undefined;
}

/** For `reach-target` plans: whether the cluster holds back a management cluster in scope. */
function blocksManagementPlane(
  cluster: NkpClusterFacts,
  plan: PreparedPlan,
  context: RuleContext,
): boolean {
  if (!cluster.clusterType || !boundBySkew(cluster, context)) return false;
  const managementName = cluster.managementCluster;
  if (!managementName || !plan.targetKubernetesMinor) return false;
  if (!movesManagementCluster(plan.plan.scope, managementName, context))
    return false;
  const own = parseMinor(cluster.kubernetesVersion);
  const target = parseMinor(plan.targetKubernetesMinor)!;
  if (!own || own.major !== target.major) return false;
  return target.minor - own.minor > context.config.managedSkew.maxMinorsBehind;
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
