/**
 * What the rules produce: findings. A cluster's result is built from its findings; none is ever
 * dropped, so every state can be traced to the rule and the reason that produced it.
 */
import { PolicyState } from './state';

/**
 * The rules of the policy.
 *
 * @public
 */
export type PolicyRuleId =
  | 'managed-skew'
  | 'self-managed-window'
  | 'upstream-eol'
  | 'upgrade-plan';

/**
 * @public
 */
export const POLICY_RULE_IDS: readonly PolicyRuleId[] = [
  'managed-skew',
  'self-managed-window',
  'upstream-eol',
  'upgrade-plan',
];

/**
 * A version to upgrade to, in NKP and/or Kubernetes terms (`major.minor` or a full version).
 *
 * @public
 */
export interface TargetVersion {
  nkp?: string;
  kubernetes?: string;
}

/**
 * A date on which the owner should be reminded of a deadline.
 *
 * @public
 */
export interface Reminder {
  /** Days before the deadline. */
  offsetDays: number;
  /** ISO date, UTC. */
  date: string;
}

/**
 * An exception that changed a finding, as the finding records it.
 *
 * @public
 */
export interface AppliedException {
  id: string;
  approvedBy: string;
  /** First UTC day on which the exception no longer counts. */
  endsOn: string;
  /** True when the requested expiry was beyond the configured maximum and was cut to it. */
  capped: boolean;
  /** The state the finding would have without the exception. */
  originalState: PolicyState;
}

/**
 * One rule's verdict on one cluster.
 *
 * Dates are UTC days. A `deadline` is the first day of the worse state: on the deadline day the
 * cluster has already lost support (or, for an exception, the exception no longer counts), so it
 * must be upgraded before it. `daysLeft` of 0 therefore means "too late as of today".
 *
 * @public
 */
export interface PolicyFinding {
  rule: PolicyRuleId;
  state: PolicyState;
  /** ISO date, UTC. */
  deadline?: string;
  targetVersion?: TargetVersion;
  /** Human-readable; says which facts and dates led here. */
  reason: string;
  /** For `upgrade-plan` findings: the plan. */
  planId?: string;
  /** For `upgrade-plan` findings: when to remind the owner (the backend sends them). */
  reminders?: Reminder[];
  /**
   * For `upgrade-plan` findings: this cluster keeps the plan's management-plane upgrade from
   * happening (it would fall outside the managed skew once its management cluster is on target).
   */
  blocking?: boolean;
  /**
   * For `upgrade-plan` findings of a management-plane plan (`requires: within-skew`) on a
   * management cluster the plan moves: the platform team's own step. Such a finding is always
   * `compliant`: the plan is the platform's to carry out, not the cluster's to fail.
   */
  platformStep?: PlatformStep;
  /** Set when an exception downgraded this finding. */
  exception?: AppliedException;
}

/**
 * A management cluster's move to a plan's target, as the platform team schedules it.
 *
 * @public
 */
export interface PlatformStep {
  /** The plan's target, with the Kubernetes minor it ships when the calendar knows it. */
  target: TargetVersion;
  /** The plan's deadline (ISO date): the clusters it manages are ready by then, and it moves. */
  by: string;
  /** The cluster is on the target already. */
  done: boolean;
}
