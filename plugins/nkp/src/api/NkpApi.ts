import { createApiRef } from '@backstage/core-plugin-api';
import {
  NkpCalendar,
  NkpClusterDetail,
  NkpClusterListResult,
  NkpClusterListQuery,
  NkpExceptionApproval,
  NkpExceptionRequest,
  NkpExceptionView,
  NkpFleetSummary,
  NkpGoldenPathOptions,
  NkpNewPlan,
  NkpPlanChange,
  NkpPlanView,
  NkpTenants,
  NkpVersionOptions,
  NkpVersionQuery,
} from './types';

/**
 * The query of `GET /clusters` (`NkpClusterListQuery`), where `owner` may also be one entity ref.
 *
 * @public
 */
export type NkpClusterQuery = Omit<NkpClusterListQuery, 'owner'> & {
  owner?: string | string[];
};

/**
 * Client of the NKP Lifecycle backend (`/api/nkp`). Every answer is already narrowed by the
 * backend to what the signed-in user may read; failures are `ResponseError`s.
 *
 * @public
 */
export interface NkpApi {
  /** Evaluated clusters, filtered, sorted and paged by the backend. */
  listClusters(query?: NkpClusterQuery): Promise<NkpClusterListResult>;
  /** One cluster by the namespace and name of its catalog entity. */
  getCluster(ref: {
    namespace: string;
    name: string;
  }): Promise<NkpClusterDetail>;
  getSummary(): Promise<NkpFleetSummary>;
  getTenants(): Promise<NkpTenants>;
  /** Every plan the user may see, active and cancelled, in announcement order (all pages). */
  listPlans(): Promise<NkpPlanView[]>;
  createPlan(plan: NkpNewPlan): Promise<NkpPlanView>;
  /** Changes the given fields of an active plan. */
  changePlan(id: string, change: NkpPlanChange): Promise<NkpPlanView>;
  /** Cancels an active plan; the reason goes to the audit log and the plan. */
  cancelPlan(id: string, reason: string): Promise<NkpPlanView>;
  /** Every exception the user may see, in request order (all pages). */
  listExceptions(): Promise<NkpExceptionView[]>;
  requestException(request: NkpExceptionRequest): Promise<NkpExceptionView>;
  approveException(
    id: string,
    approval?: NkpExceptionApproval,
  ): Promise<NkpExceptionView>;
  /** Rejects a requested exception. */
  rejectException(id: string, reason: string): Promise<NkpExceptionView>;
  /** Revokes an approved exception that has not expired. */
  revokeException(id: string, reason: string): Promise<NkpExceptionView>;
  getCalendar(): Promise<NkpCalendar>;
  /**
   * What the cluster request form offers the signed-in user: their groups, sizes, Prism Centrals
   * and deliveries (`GET /golden-path/options`).
   */
  getGoldenPathOptions(): Promise<NkpGoldenPathOptions>;
  /**
   * The versions the lifecycle policy allows for a new cluster operated this way, and the ones
   * it hides with the reason (`GET /golden-path/versions`).
   */
  getVersionOptions(query: NkpVersionQuery): Promise<NkpVersionOptions>;
}

/** @public */
export const nkpApiRef = createApiRef<NkpApi>({ id: 'plugin.nkp.api' });
