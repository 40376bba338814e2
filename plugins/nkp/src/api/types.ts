/**
 * The shapes `/api/nkp` answers with: generated from the backend's OpenAPI document into
 * nkp-common, shared with the backend that builds them.
 */
export type {
  NkpClusterListQuery,
  NkpClusterListResult,
  NkpClusterOrderBy,
  NkpSortOrder,
  NkpFleetSummary,
  NkpTenants,
  NkpExceptionView,
  NkpExceptionRequest,
  NkpExceptionApproval,
  NkpClusterDetail,
  NkpPlanView,
  NkpNewPlan,
  NkpPlanChange,
  NkpCalendar,
  NkpFieldError,
  NkpErrorBody,
  NkpGoldenPathOptions,
  NkpGoldenPathSizes,
  NkpSizeRange,
  NkpPrismCentralOption,
  NkpVersionOptions,
  NkpVersionOption,
  NkpHiddenVersion,
  NkpClusterOperation,
  NkpClusterDelivery,
  NkpClusterSize,
  NkpClusterPlacement,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

import type { NkpClusterOperation } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * The query of `GET /golden-path/versions`: how the new cluster is operated and, when managed,
 * the entity ref of its management cluster.
 *
 * @public
 */
export interface NkpVersionQuery {
  operation: NkpClusterOperation;
  managementCluster?: string;
}
