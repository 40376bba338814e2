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
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
