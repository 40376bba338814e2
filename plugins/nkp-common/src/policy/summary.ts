/**
 * Per-cluster summaries: worst state, relevant deadline, target and path from the findings, and
 * the memo that lets clusters with the same facts share them.
 */
import { NkpClusterFacts } from '../clusterFacts';
import { toDay } from './days';
import { PreparedCalendar } from './calendar/prepared';
import { PolicyState, stateRank, worseState } from './state';
import { PolicyFinding, TargetVersion } from './types';
import { UpgradeStep, combinedTarget, upgradePath } from './upgradePath';

/**
 * Clusters with the same values of these facts get the same findings: together they cover every
 * cluster field a rule reads (each rule's `inputsKey` names its own). A management cluster's name
 * matters because upgrade plans can be scoped to it. Nested maps over the cluster's own strings
 * avoid building a key string per cluster.
 */
export type SummaryTrie = Map<unknown, any>;
export interface SummaryLeaf {
  base?: Summary;
  /** By the ids of the exceptions that apply. */
  excepted?: Map<string, Summary>;
}

function child(node: SummaryTrie, value: unknown): SummaryTrie {
  let next = node.get(value);
  if (next === undefined) {
    next = new Map();
    node.set(value, next);
  }
  return next;
}

export function summaryLeaf(
  trie: SummaryTrie,
  c: NkpClusterFacts,
): SummaryLeaf {
  let node = child(trie, c.clusterType);
  node = child(node, c.nkpVersion);
  node = child(node, c.kubernetesVersion);
  node = child(node, c.managementCluster);
  node = child(node, c.workspace);
  const name = c.clusterType === 'management' ? c.name : undefined;
  let leaf = node.get(name) as SummaryLeaf | undefined;
  if (leaf === undefined) {
    leaf = {};
    node.set(name, leaf);
  }
  return leaf;
}

export interface Summary {
  findings: PolicyFinding[];
  state: PolicyState;
  deadline?: string;
  daysLeft?: number;
  targetVersion?: TargetVersion;
  upgradePath: UpgradeStep[];
  /** The `upgrade-plan` findings, for the plans' progress. */
  planFindings: PolicyFinding[];
}

/** Worst state, the relevant deadline, the target and the path, from a cluster's findings. */
export function summarizeFindings(
  cluster: NkpClusterFacts,
  findings: PolicyFinding[],
  calendar: PreparedCalendar,
  today: number,
): Summary {
  let state: PolicyState = 'compliant';
  let deadline: string | undefined;
  let fallbackDeadline: string | undefined;
  for (const f of findings) {
    state = worseState(state, f.state);
    if (f.deadline === undefined) continue;
    if (f.state !== 'compliant') {
      if (!deadline || f.deadline < deadline) deadline = f.deadline;
    } else if (
      toDay(f.deadline)! >= today &&
      (!fallbackDeadline || f.deadline < fallbackDeadline)
    ) {
      fallbackDeadline = f.deadline;
    }
  }
  deadline ??= fallbackDeadline;
  const targetVersion =
    stateRank(state) > 0
      ? combinedTarget(cluster, findings, calendar)
      : undefined;
  const summary: Summary = {
    findings,
    state,
    upgradePath: upgradePath(cluster, targetVersion, calendar),
    planFindings: findings.filter(f => f.planId !== undefined),
  };
  if (deadline !== undefined) {
    summary.deadline = deadline;
    summary.daysLeft = toDay(deadline)! - today;
  }
  if (targetVersion) summary.targetVersion = targetVersion;
  return summary;
}
