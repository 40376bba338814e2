import {
  NkpClusterView,
  PolicyFinding,
  stateRank,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * Most urgent first: clusters already past a deadline or out of support (e.g. too far behind
 * their management cluster), then deadlines soonest first, then clusters with nothing due.
 * Within a group: earlier deadline, then worse state, then name.
 */
export function byUrgency(a: NkpClusterView, b: NkpClusterView): number {
  const group = (c: NkpClusterView) => {
    if (c.state === 'unsupported' || c.state === 'overdue') return 0;
    return c.deadline ? 1 : 2;
  };
  const byDeadline =
    a.deadline && b.deadline ? a.deadline.localeCompare(b.deadline) : 0;
  return (
    group(a) - group(b) ||
    byDeadline ||
    stateRank(b.state) - stateRank(a.state) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * The findings that explain the cluster's state and deadline: the ones that are not compliant,
 * or, when all are, the ones with an upcoming date, the platform team's scheduled steps included.
 */
export function reasonsOf(cluster: NkpClusterView): PolicyFinding[] {
  const due = cluster.findings.filter(f => f.state !== 'compliant');
  return due.length
    ? due
    : cluster.findings.filter(
        f => f.deadline || (f.platformStep && !f.platformStep.done),
      );
}
