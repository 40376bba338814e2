import { NkpClusterFacts } from './clusterFacts';
import {
  ClusterEvaluation,
  KubernetesMinorRelease,
  NkpMinorRelease,
  PolicyException,
  PolicyExceptionStatus,
  PolicyRollup,
  PolicyState,
  ServedNkpRelease,
  TenantRollup,
  UpgradePlan,
  UpgradePlanEvaluation,
} from './policy';
import { ReleaseFeedStatus } from './releaseFeed';

/**
 * One cluster as `GET /api/nkp/clusters` returns it: its facts, flattened, with its evaluation.
 * Shared so the backend that builds it and the frontend that shows it cannot drift apart.
 *
 * @public
 */
export type NkpClusterView = NkpClusterFacts &
  Pick<
    ClusterEvaluation,
    | 'state'
    | 'deadline'
    | 'daysLeft'
    | 'targetVersion'
    | 'upgradePath'
    | 'findings'
  >;

/**
 * A page of clusters.
 *
 * @public
 */
export interface NkpClusterPage {
  items: NkpClusterView[];
  totalCount: number;
}

/**
 * Filters, sorting and paging of `GET /clusters`; every field is optional.
 *
 * @public
 */
export interface NkpClusterQuery {
  /**
   * Owner entity ref, or several (clusters of any of them); `team-a` means
   * `group:default/team-a`.
   */
  owner?: string | string[];
  workspace?: string;
  state?: PolicyState[];
  /** Kubernetes or NKP version or prefix (`1.33` matches 1.33.x). */
  version?: string;
  offset?: number;
  limit?: number;
  orderBy?: 'name' | 'deadline' | 'state' | 'kubernetesVersion';
  order?: 'asc' | 'desc';
}

/**
 * A page of clusters as `GET /clusters` returns it.
 *
 * @public
 */
export type NkpClusterListResult = NkpClusterPage & {
  offset?: number;
  limit?: number;
  /** The evaluation day (UTC) that `daysLeft` counts from. */
  evaluatedOn?: string;
};

/**
 * `GET /summary`: the roll-up of the clusters the caller may see.
 *
 * @public
 */
export type NkpFleetSummary = PolicyRollup & {
  evaluatedOn: string;
  evaluatedAt?: string;
  plans: number;
  exceptions: { requested: number; active: number };
};

/**
 * `GET /tenants`: roll-ups per owner group and per workspace.
 *
 * @public
 */
export interface NkpTenants {
  evaluatedOn: string;
  byOwner: TenantRollup[];
  byWorkspace: TenantRollup[];
}

/**
 * Why the caller may not approve an exception: it is approved already, the caller lacks
 * `nkp.exception.approve`, or they requested it themselves and the backend wants a separate
 * approver (`nkp.exceptions.requireSeparateApprover`, the default).
 *
 * @public
 */
export type NkpExceptionNotApprovableReason =
  | 'already-approved'
  | 'missing-permission'
  | 'own-request';

/**
 * An exception as the API lists it: requested first, approved later, with where an approved
 * one stands today and whether the caller may approve it.
 *
 * @public
 */
export type NkpExceptionView = Omit<
  PolicyException,
  'approvedBy' | 'approvedAt'
> &
  Partial<Pick<PolicyException, 'approvedBy' | 'approvedAt'>> & {
    status: 'requested' | 'approved';
    requestedBy: string;
    requestedAt: string;
    evaluation?: PolicyExceptionStatus;
    /** The caller may approve it now; when not, `notApprovableBecause` says why. */
    approvable: boolean;
    /** Set exactly when `approvable` is false. */
    notApprovableBecause?: NkpExceptionNotApprovableReason;
  };

/**
 * `POST /exceptions`.
 *
 * @public
 */
export type NkpExceptionRequest = Pick<
  PolicyException,
  'target' | 'rule' | 'reason' | 'expiresAt'
>;

/**
 * `POST /exceptions/:id/approve`; both fields optional.
 *
 * @public
 */
export interface NkpExceptionApproval {
  /** Replaces the requested expiry. */
  expiresAt?: string;
  /** Written to the audit log. */
  comment?: string;
}

/**
 * `GET /clusters/:namespace/:name`: one cluster with the exceptions that concern it.
 *
 * @public
 */
export type NkpClusterDetail = NkpClusterView & {
  evaluatedOn?: string;
  exceptions: NkpExceptionView[];
};

/**
 * An upgrade plan with its progress and blockers, narrowed to the clusters the caller may see.
 *
 * @public
 */
export type NkpPlanView = UpgradePlanEvaluation &
  Pick<UpgradePlan, 'windowDays'> & {
    createdBy?: string;
    createdAt?: string;
  };

/**
 * `POST /plans`.
 *
 * @public
 */
export type NkpNewPlan = Omit<UpgradePlan, 'id'>;

/**
 * `GET /calendar`: the release calendar in use, minors in version order.
 *
 * @public
 */
export interface NkpCalendar {
  kubernetes: KubernetesMinorRelease[];
  nkp: NkpMinorRelease[];
  /** The NKP Release objects read from the catalog, the calendar's top layer. */
  served?: ServedNkpRelease[];
  /** The configured release feeds and where each stands; empty when none is configured. */
  feeds?: ReleaseFeedStatus[];
  warnings: string[];
}
