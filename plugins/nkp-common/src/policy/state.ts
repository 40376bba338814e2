/**
 * The states a cluster can be in, and how they rank when several rules speak about one cluster.
 */

/**
 * The lifecycle state of a cluster, or one rule's contribution to it.
 *
 * - `compliant`: nothing is due.
 * - `upgrade-due`: a deadline is ahead (inside a warning period or an upgrade plan's window).
 * - `overdue`: a deadline has passed but support has not been lost yet: the cluster is inside an
 *   upgrade plan's grace period, or an approved exception keeps it supported.
 * - `unsupported`: the cluster is outside support.
 * - `unknown`: the engine cannot tell (unparseable or missing version, version not in the release
 *   calendar, management cluster not found). Never read as compliant.
 *
 * @public
 */
export type PolicyState =
  | 'compliant'
  | 'upgrade-due'
  | 'overdue'
  | 'unsupported'
  | 'unknown';

/**
 * All states, from best to worst. `unknown` ranks above `upgrade-due` (not knowing is worse than
 * a known deadline ahead) but below `overdue` and `unsupported` (a known failure is worse than a
 * possible one).
 *
 * @public
 */
export const POLICY_STATES: readonly PolicyState[] = [
  'compliant',
  'upgrade-due',
  'unknown',
  'overdue',
  'unsupported',
];

const RANK: Record<PolicyState, number> = {
  compliant: 0,
  'upgrade-due': 1,
  unknown: 2,
  overdue: 3,
  unsupported: 4,
};

/**
 * How bad a state is; higher is worse.
 *
 * @public
 */
export function stateRank(state: PolicyState): number {
  return RANK[state];
}

/**
 * The worse of two states.
 *
 * @public
 */
export function worseState(a: PolicyState, b: PolicyState): PolicyState {
  return RANK[b] > RANK[a] ? b : a;
}

/** Zeroed per-state counters, for roll-ups. */
export function emptyStateCounts(): Record<PolicyState, number> {
  return {
    compliant: 0,
    'upgrade-due': 0,
    unknown: 0,
    overdue: 0,
    unsupported: 0,
  };
}
