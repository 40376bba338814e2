/**
 * The wire types of `/api/nkp`, by the names the backend and the frontend use. Each is a schema
 * or an operation of the backend's OpenAPI document (`plugins/nkp-backend/src/schema/openapi.yaml`)
 * as `yarn openapi:generate` turns it into TypeScript, so the document, the backend that builds
 * the answers and the frontend that reads them cannot drift apart.
 */
import type { components, operations } from './schema/openapi.generated';

export type {
  components as NkpApiComponents,
  operations as NkpApiOperations,
  paths as NkpApiPaths,
} from './schema/openapi.generated';

/**
 * One cluster as `GET /clusters` returns it: its facts, flattened, with its evaluation.
 *
 * @public
 */
export type NkpClusterView = components['schemas']['Cluster'];

/**
 * The sort orders of `GET /clusters`.
 *
 * @public
 */
export type NkpClusterOrderBy = components['schemas']['ClusterOrderBy'];

/**
 * `asc` or `desc`.
 *
 * @public
 */
export type NkpSortOrder = components['schemas']['SortOrder'];

/**
 * Filters, sorting and paging of `GET /clusters`; every field is optional.
 *
 * @public
 */
export type NkpClusterListQuery = NonNullable<
  operations['listClusters']['parameters']['query']
>;

/**
 * A page of clusters as `GET /clusters` returns it.
 *
 * @public
 */
export type NkpClusterListResult = components['schemas']['ClusterPage'];

/**
 * `GET /summary`: the roll-up of the clusters the caller may see.
 *
 * @public
 */
export type NkpFleetSummary = components['schemas']['FleetSummary'];

/**
 * `GET /tenants`: roll-ups per owner group and per workspace.
 *
 * @public
 */
export type NkpTenants = components['schemas']['Tenants'];

/**
 * Why the caller may not approve an exception.
 *
 * @public
 */
export type NkpExceptionNotApprovableReason =
  components['schemas']['NotApprovableReason'];

/**
 * An exception as the API lists it: requested first, approved later, with where an approved
 * one stands today and whether the caller may approve it.
 *
 * @public
 */
export type NkpExceptionView = components['schemas']['Exception'];

/**
 * `GET /exceptions`.
 *
 * @public
 */
export type NkpExceptionList = components['schemas']['ExceptionList'];

/**
 * `POST /exceptions`.
 *
 * @public
 */
export type NkpExceptionRequest = components['schemas']['ExceptionRequest'];

/**
 * `POST /exceptions/:id/approve`; both fields optional.
 *
 * @public
 */
export type NkpExceptionApproval = components['schemas']['ExceptionApproval'];

/**
 * `GET /clusters/:namespace/:name`: one cluster with the exceptions that concern it.
 *
 * @public
 */
export type NkpClusterDetail = components['schemas']['ClusterDetail'];

/**
 * An upgrade plan with its progress and blockers, narrowed to the clusters the caller may see.
 *
 * @public
 */
export type NkpPlanView = components['schemas']['Plan'];

/**
 * `GET /plans`.
 *
 * @public
 */
export type NkpPlanList = components['schemas']['PlanList'];

/**
 * `POST /plans`.
 *
 * @public
 */
export type NkpNewPlan = components['schemas']['NewPlan'];

/**
 * `PATCH /plans/:id`: the fields of an active plan to change, at least one.
 *
 * @public
 */
export type NkpPlanChange = components['schemas']['PlanChange'];

/**
 * Why a plan is cancelled or an exception rejected or revoked (`POST /plans/:id/cancel`,
 * `POST /exceptions/:id/reject`, `POST /exceptions/:id/revoke`).
 *
 * @public
 */
export type NkpReason = components['schemas']['Reason'];

/**
 * `GET /calendar`: the release calendar in use, minors in version order.
 *
 * @public
 */
export type NkpCalendar = components['schemas']['Calendar'];

/**
 * One entry of `GET /audit`.
 *
 * @public
 */
export type NkpAuditEntry = components['schemas']['AuditEntry'];

/**
 * A page of `GET /audit`, newest first.
 *
 * @public
 */
export type NkpAuditPage = components['schemas']['AuditPage'];

/**
 * A refused value of a request, in the `fieldErrors` of an `InputError`'s body.
 *
 * @public
 */
export type NkpFieldError = components['schemas']['FieldError'];

/**
 * The body of every error answer: Backstage's error body, with `error.fieldErrors` when the
 * backend refused values of a request.
 *
 * @public
 */
export type NkpErrorBody = components['schemas']['ErrorBody'];
