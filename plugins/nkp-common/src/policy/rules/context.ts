/**
 * What a rule may look at besides the cluster itself, and what a rule is. Built once per
 * evaluation.
 */
import { NkpClusterFacts } from '../../clusterFacts';
import { DayNumber } from '../days';
import { PolicyConfig } from '../config';
import { PreparedCalendar } from '../calendar/prepared';
import { PreparedPlan } from '../plans';
import { PolicyFinding, PolicyRuleId } from '../types';

/**
 * The evaluation context shared by all rules.
 */
export interface RuleContext {
  today: DayNumber;
  config: PolicyConfig;
  calendar: PreparedCalendar;
  /** Management clusters of the fleet by entity name. */
  managementClusters: Map<string, NkpClusterFacts>;
  /** The upgrade plans whose scope contains this cluster. */
  plansFor(cluster: NkpClusterFacts): PreparedPlan[];
}

/**
 * A rule: a pure function from one cluster and the context to its findings. A rule that does not
 * apply to a cluster returns no finding; one that applies but cannot tell returns `unknown`.
 */
export type PolicyRuleFn = (
  cluster: NkpClusterFacts,
  context: RuleContext,
) => PolicyFinding[];

/**
 * A rule and the cluster facts it reads. A fleet repeats a few versions many times over, so the
 * engine evaluates each distinct `inputsKey` once per run and shares the (read-only) findings:
 * that keeps 100,000 clusters from allocating 100,000 copies of the same reasons. The key must
 * cover every cluster field `evaluate` reads.
 */
export interface PolicyRule {
  id: PolicyRuleId;
  evaluate: PolicyRuleFn;
  inputsKey(cluster: NkpClusterFacts): string;
}
