/**
 * Roll-ups of cluster results: per tenant (owner group, workspace) and for the whole fleet.
 */
import { PolicyState, emptyStateCounts, worseState } from './state';

/**
 * Counts and extremes over a set of clusters.
 *
 * @public
 */
export interface PolicyRollup {
  total: number;
  counts: Record<PolicyState, number>;
  /** `compliant` for an empty set. */
  worstState: PolicyState;
  /** The earliest cluster deadline that is today or later (ISO date). Past deadlines show in the states. */
  nearestDeadline?: string;
  daysToNearestDeadline?: number;
}

/**
 * A roll-up for one tenant.
 *
 * @public
 */
export interface TenantRollup extends PolicyRollup {
  /** The owner group's entity ref, or the workspace name. */
  tenant: string;
}

/** Accumulates cluster results into a roll-up in O(1) per cluster. */
export class RollupAccumulator {
  private total = 0;
  private readonly counts = emptyStateCounts();
  private worst: PolicyState = 'compliant';
  private nearest?: string;
  private nearestDays?: number;

  add(
    state: PolicyState,
    deadline: string | undefined,
    daysLeft: number | undefined,
  ) {
    this.total++;
    this.counts[state]++;
    this.worst = worseState(this.worst, state);
    if (deadline !== undefined && daysLeft !== undefined && daysLeft >= 0) {
      if (this.nearest === undefined || deadline < this.nearest) {
        this.nearest = deadline;
        this.nearestDays = daysLeft;
      }
    }
  }

  result(): PolicyRollup {
    return {
      total: this.total,
      counts: { ...this.counts },
      worstState: this.worst,
      ...(this.nearest !== undefined
        ? {
            nearestDeadline: this.nearest,
            daysToNearestDeadline: this.nearestDays,
          }
        : {}),
    };
  }
}

/** Roll-ups keyed by tenant. */
export class TenantRollups {
  private readonly byTenant = new Map<string, RollupAccumulator>();

  add(
    tenant: string | undefined,
    state: PolicyState,
    deadline?: string,
    daysLeft?: number,
  ) {
    if (!tenant) return;
    let acc = this.byTenant.get(tenant);
    if (!acc) {
      acc = new RollupAccumulator();
      this.byTenant.set(tenant, acc);
    }
    acc.add(state, deadline, daysLeft);
  }

  result(): TenantRollup[] {
    return [...this.byTenant.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1)) // tenant keys are unique
      .map(([tenant, acc]) => ({ tenant, ...acc.result() }));
  }
}
