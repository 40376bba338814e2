/**
 * The shapes `/api/nkp` answers with live in nkp-common, shared with the backend that builds them.
 */
export type {
  NkpClusterQuery,
  NkpClusterListResult,
  NkpFleetSummary,
  NkpTenants,
  NkpExceptionView,
  NkpExceptionRequest,
  NkpExceptionApproval,
  NkpClusterDetail,
  NkpPlanView,
  NkpNewPlan,
  NkpCalendar,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
