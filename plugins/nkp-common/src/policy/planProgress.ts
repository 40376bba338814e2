/**
 * Progress of one upgrade plan across the fleet: which clusters are in scope, still below target,
 * unknown, and which of them block the management-plane upgrade.
 */
import { NkpClusterFacts } from '../clusterFacts';
import { toIsoDate } from './days';
import { PreparedPlan, UpgradePlanScope } from './plans';
import { PolicyFinding, Reminder } from './types';

/**
 * One upgrade plan's progress.
 *
 * @public
 */
export interface UpgradePlanEvaluation {
  id: string;
  title: string;
  targetVersion: string;
  targetKubernetesMinor?: string;
  scope: UpgradePlanScope;
  announcedAt?: string;
  deadline?: string;
  reminders: Reminder[];
  /** Clusters in scope (once announced). */
  inScope: number;
  /** Clusters in scope below the target, by entity ref. */
  pendingClusters: string[];
  /** Clusters in scope whose version cannot be compared with the target. */
  unknownClusters: string[];
  /** Pending clusters that keep the management plane from moving to the target. */
  blockingClusters: string[];
  /** Owner groups and workspaces of the blocking clusters. */
  blockingTenants: { owners: string[]; workspaces: string[] };
}

export class PlanAccumulator {
  private inScope = 0;
  private readonly pending: string[] = [];
  private readonly unknown: string[] = [];
  private readonly blocking: string[] = [];
  private readonly owners = new Set<string>();
  private readonly workspaces = new Set<string>();

  add(
    cluster: NkpClusterFacts,
    ownerRef: string | undefined,
    finding: PolicyFinding,
  ) {
    this.inScope++;
    const original = finding.exception?.originalState ?? finding.state;
    if (original === 'unknown') {
      this.unknown.push(cluster.entityRef);
    } else if (original !== 'compliant') {
      this.pending.push(cluster.entityRef);
    }
    if (finding.blocking) {
      this.blocking.push(cluster.entityRef);
      if (ownerRef) this.owners.add(ownerRef);
      if (cluster.workspace) this.workspaces.add(cluster.workspace);
    }
  }

  result(p: PreparedPlan): UpgradePlanEvaluation {
    return {
      id: p.plan.id,
      title: p.plan.title,
      targetVersion: p.plan.targetVersion,
      ...(p.targetKubernetesMinor
        ? { targetKubernetesMinor: p.targetKubernetesMinor }
        : {}),
      scope: p.plan.scope,
      ...(p.announcedDay !== undefined
        ? { announcedAt: toIsoDate(p.announcedDay) }
        : {}),
      ...(p.deadlineDay !== undefined
        ? { deadline: toIsoDate(p.deadlineDay) }
        : {}),
      reminders: p.reminders,
      inScope: this.inScope,
      pendingClusters: this.pending,
      unknownClusters: this.unknown,
      blockingClusters: this.blocking,
      blockingTenants: {
        owners: [...this.owners].sort(),
        workspaces: [...this.workspaces].sort(),
      },
    };
  }
}
