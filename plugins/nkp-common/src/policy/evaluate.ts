/**
 * Evaluates a fleet: every rule on every cluster, exceptions applied, then per-cluster results,
 * tenant and fleet roll-ups and the blockers of each upgrade plan. Pure: the same input and `now`
 * always give the same output.
 *
 * Cost is linear in clusters × (rules + plans that apply to the cluster): plans and exceptions are
 * indexed by scope and target once, so a cluster only meets the plans and exceptions that can
 * concern it; clusters with the same facts share one summary.
 */
import { NkpClusterFacts } from '../clusterFacts';
import { normalizeOwnerRef } from '../entityRefs';
import { dayOf, toIsoDate } from './days';
import { DEFAULT_POLICY_CONFIG, PolicyConfig } from './config';
import { ReleaseCalendar } from './calendar/types';
import { prepareCalendar } from './calendar/prepared';
import { UpgradePlan, plansForCluster, preparePlans } from './plans';
import {
  PolicyException,
  PolicyExceptionStatus,
  applyExceptions,
  matchingExceptions,
  prepareExceptions,
} from './exceptions';
import { POLICY_RULES } from './rules';
import { RuleContext } from './rules/context';
import { PolicyState } from './state';
import { PolicyFinding, TargetVersion } from './types';
import { UpgradeStep } from './upgradePath';
import {
  PolicyRollup,
  RollupAccumulator,
  TenantRollup,
  TenantRollups,
} from './rollups';
import { SummaryTrie, summarizeFindings, summaryLeaf } from './summary';
import { PlanAccumulator, UpgradePlanEvaluation } from './planProgress';

export type { UpgradePlanEvaluation } from './planProgress';

/**
 * Everything the engine needs; plain data.
 *
 * @public
 */
export interface EvaluateFleetInput {
  clusters: readonly NkpClusterFacts[];
  calendar: ReleaseCalendar;
  /** Parsed with `parsePolicyConfig`; defaults when absent. */
  config?: PolicyConfig;
  plans?: readonly UpgradePlan[];
  exceptions?: readonly PolicyException[];
  /** The evaluation instant; only its UTC day matters. */
  now: Date | string;
}

/**
 * One cluster's result.
 *
 * @public
 */
export interface ClusterEvaluation {
  entityRef: string;
  /** The facts the cluster was evaluated on, as given (not copied). */
  cluster: NkpClusterFacts;
  /** The worst state among the findings; `compliant` when no rule applies. */
  state: PolicyState;
  /**
   * The earliest deadline among the findings that are not compliant, or, when all are, the
   * earliest upcoming one (e.g. upstream end of life), as an ISO date.
   */
  deadline?: string;
  /** Whole UTC days from the evaluation day to `deadline`; 0 or less means it has passed. */
  daysLeft?: number;
  targetVersion?: TargetVersion;
  upgradePath: UpgradeStep[];
  /** Every finding, in rule order; none is hidden by an exception. */
  findings: PolicyFinding[];
}

/**
 * The evaluated fleet.
 *
 * @public
 */
export interface FleetEvaluation {
  /** The evaluation day, ISO date (UTC). */
  evaluatedOn: string;
  clusters: ClusterEvaluation[];
  tenants: { byOwner: TenantRollup[]; byWorkspace: TenantRollup[] };
  fleet: PolicyRollup;
  plans: UpgradePlanEvaluation[];
  exceptions: PolicyExceptionStatus[];
  /** Problems with the calendar input, for the backend to log. */
  warnings: string[];
}

/**
 * Evaluates the policy over a fleet.
 *
 * @public
 */
export function evaluateFleet(input: EvaluateFleetInput): FleetEvaluation {
  const today = dayOf(input.now);
  if (today === undefined) {
    throw new TypeError(
      `evaluateFleet: 'now' must be a valid Date or ISO date, got '${String(
        input.now,
      )}'`,
    );
  }
  const config = input.config ?? DEFAULT_POLICY_CONFIG;
  const calendar = prepareCalendar(input.calendar, today);
  const planIndex = preparePlans(
    input.plans ?? [],
    calendar,
    config.upgradePlans,
  );
  const exceptionIndex = prepareExceptions(
    input.exceptions ?? [],
    config.exceptions,
    today,
  );

  const managementClusters = new Map<string, NkpClusterFacts>();
  for (const cluster of input.clusters) {
    if (cluster.clusterType === 'management')
      managementClusters.set(cluster.name, cluster);
  }
  const context: RuleContext = {
    today,
    config,
    calendar,
    managementClusters,
    plansFor: cluster =>
      plansForCluster(planIndex, cluster, managementClusters),
  };

  // Memoised by distinct inputs (see PolicyRule.inputsKey): a fleet repeats a few versions many
  // times over, so most clusters reuse an earlier summary. Shared results are never mutated.
  const ruleMemo = POLICY_RULES.map(() => new Map<string, PolicyFinding[]>());
  const summaryTrie: SummaryTrie = new Map();
  const summarize = (cluster: NkpClusterFacts, findings: PolicyFinding[]) =>
    summarizeFindings(cluster, findings, calendar, today);

  const plans = new Map<string, PlanAccumulator>();
  for (const p of planIndex.all) {
    plans.set(p.plan.id, new PlanAccumulator());
  }
  const byOwner = new TenantRollups();
  const byWorkspace = new TenantRollups();
  const fleet = new RollupAccumulator();
  const clusters: ClusterEvaluation[] = new Array(input.clusters.length);

  for (let i = 0; i < input.clusters.length; i++) {
    const cluster = input.clusters[i];
    const leaf = summaryLeaf(summaryTrie, cluster);
    let summary = leaf.base;
    if (summary === undefined) {
      const findings: PolicyFinding[] = [];
      for (let r = 0; r < POLICY_RULES.length; r++) {
        const ruleKey = POLICY_RULES[r].inputsKey(cluster);
        let out = ruleMemo[r].get(ruleKey);
        if (out === undefined) {
          out = POLICY_RULES[r].evaluate(cluster, context);
          ruleMemo[r].set(ruleKey, out);
        }
        for (let j = 0; j < out.length; j++) findings.push(out[j]);
      }
      summary = summarize(cluster, findings);
      leaf.base = summary;
    }
    const ownerRef = cluster.owner
      ? normalizeOwnerRef(cluster.owner)
      : undefined;
    const exceptions = matchingExceptions(cluster, ownerRef, exceptionIndex);
    if (exceptions) {
      const ids =
        exceptions.length === 1
          ? exceptions[0].exception.id
          : exceptions.map(x => x.exception.id).join(',');
      leaf.excepted ??= new Map();
      let excepted = leaf.excepted.get(ids);
      if (excepted === undefined) {
        excepted = summarize(
          cluster,
          applyExceptions(summary.findings, exceptions),
        );
        leaf.excepted.set(ids, excepted);
      }
      summary = excepted;
    }

    const { state, deadline, daysLeft } = summary;
    for (let p = 0; p < summary.planFindings.length; p++) {
      const f = summary.planFindings[p];
      plans.get(f.planId!)?.add(cluster, ownerRef, f);
    }
    // One literal with every key keeps one object shape for 100,000 results; absent values stay
    // `undefined` (dropped by JSON).
    clusters[i] = {
      entityRef: cluster.entityRef,
      cluster,
      state,
      deadline,
      daysLeft,
      targetVersion: summary.targetVersion,
      upgradePath: summary.upgradePath,
      findings: summary.findings,
    };

    fleet.add(state, deadline, daysLeft);
    byOwner.add(ownerRef, state, deadline, daysLeft);
    byWorkspace.add(cluster.workspace, state, deadline, daysLeft);
  }

  return {
    evaluatedOn: toIsoDate(today),
    clusters,
    tenants: { byOwner: byOwner.result(), byWorkspace: byWorkspace.result() },
    fleet: fleet.result(),
    plans: planIndex.all.map(p => plans.get(p.plan.id)!.result(p)),
    exceptions: exceptionIndex.statuses,
    warnings: input.calendar.warnings ?? [],
  };
}
