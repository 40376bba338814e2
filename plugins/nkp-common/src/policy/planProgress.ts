/**
 * Progress of one upgrade plan across the fleet: which clusters it concerns, which still have to
 * do what it asks (reach the target, or get within the managed skew of it), which are unknown,
 * which of them block the management-plane upgrade, and, for a management-plane plan, the
 * management clusters it moves (the platform team's own steps).
 */
import { NkpClusterFacts } from '../clusterFacts';
import { toIsoDate } from './days';
import {
  PreparedPlan,
  UpgradePlanRequirement,
  UpgradePlanScope,
} from './plans';
import { PolicyFinding, Reminder } from './types';

/**
 * A management cluster a management-plane plan moves.
 *
 * @public
 */
export interface PlanPlatformStep {
  entityRef: string;
  /** On the target already. */
  done: boolean;
}

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
  /** What the plan requires, its own or the default for its scope. */
  requires: UpgradePlanRequirement;
  announcedAt?: string;
  deadline?: string;
  reminders: Reminder[];
  /**
   * Clusters the plan asks something of (once announced). The management clusters a
   * management-plane plan moves are in `platformSteps` instead.
   */
  inScope: number;
  /**
   * Clusters that still have to do what the plan asks, by entity ref: below the target
   * (`reach-target`), or outside the managed skew of it (`within-skew`, where they are exactly
   * the blockers).
   */
  pendingClusters: string[];
  /** Clusters in scope whose version cannot be compared with the target. */
  unknownClusters: string[];
  /** Pending clusters that keep the management plane from moving to the target. */
  blockingClusters: string[];
  /** Owner groups and workspaces of the blocking clusters. */
  blockingTenants: { owners: string[]; workspaces: string[] };
  /** The management clusters a `within-skew` plan moves, scheduled by its deadline. */
  platformSteps: PlanPlatformStep[];
}

export class PlanAccumulator {
  private inScope = 0;
  private readonly pending: string[] = [];
  private readonly unknown: string[] = [];
  private readonly blocking: string[] = [];
  private readonly steps: PlanPlatformStep[] = [];
  private readonly owners = new Set<string>();
  private readonly workspaces = new Set<string>();

  add(
    cluster: NkpClusterFacts,
    ownerRef: string | undefined,
    finding: PolicyFinding,
  ) {
    if (finding.platformStep) {
      this.steps.push({
        entityRef: cluster.entityRef,
        done: finding.platformStep.done,
      });
      return;
    }
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
      requires: p.requires,
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
      platformSteps: this.steps,
    };
  }
}
