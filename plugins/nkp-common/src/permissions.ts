import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of NKP clusters in permission decisions: a cluster is identified by the
 * entity ref of its catalog `Resource`.
 *
 * @public
 */
export const NKP_CLUSTER_RESOURCE_TYPE = 'nkp-cluster';

/**
 * The resource type of groups in permission decisions: a group is identified by the entity ref
 * of its catalog `Group`, e.g. `group:default/team-acme`.
 *
 * @public
 */
export const NKP_GROUP_RESOURCE_TYPE = 'nkp-group';

/**
 * Read the fleet: clusters, their policy state, tenants and plans. Conditional decisions
 * narrow it to clusters owned by the caller's groups.
 *
 * @public
 */
export const nkpFleetReadPermission = createPermission({
  name: 'nkp.fleet.read',
  attributes: { action: 'read' },
  resourceType: NKP_CLUSTER_RESOURCE_TYPE,
});

/**
 * Announce upgrade plans (`POST /plans`).
 *
 * @public
 */
export const nkpUpgradePlanManagePermission = createPermission({
  name: 'nkp.upgrade-plan.manage',
  attributes: { action: 'update' },
});

/**
 * Ask for a time-boxed exception for a cluster or tenant.
 *
 * @public
 */
export const nkpExceptionRequestPermission = createPermission({
  name: 'nkp.exception.request',
  attributes: { action: 'create' },
});

/**
 * Approve requested exceptions (`POST /exceptions/:id/approve`); never one's own request unless
 * `nkp.exceptions.requireSeparateApprover` is false.
 *
 * @public
 */
export const nkpExceptionApprovePermission = createPermission({
  name: 'nkp.exception.approve',
  attributes: { action: 'update' },
});

/**
 * Read the audit log: who created plans, requested and approved exceptions, and when exceptions
 * expired. A basic permission, separate from reading the fleet: the log names people and their
 * reasons across every tenant, so it is not narrowed per cluster.
 *
 * @public
 */
export const nkpAuditReadPermission = createPermission({
  name: 'nkp.audit.read',
  attributes: { action: 'read' },
});

/**
 * Request a new NKP cluster for a group through the golden path (`POST /golden-path/check`, the
 * `nkp:cluster:render` action). The resource ref is the owning group's entity ref; conditional
 * decisions narrow it to the caller's own groups.
 *
 * @public
 */
export const nkpClusterRequestPermission = createPermission({
  name: 'nkp.cluster.request',
  attributes: { action: 'create' },
  resourceType: NKP_GROUP_RESOURCE_TYPE,
});

/**
 * Deliver a requested cluster by a server-side apply to its management cluster (the
 * `nkp:cluster:apply` action) instead of a GitOps pull request.
 *
 * @public
 */
export const nkpClusterApplyPermission = createPermission({
  name: 'nkp.cluster.apply',
  attributes: { action: 'create' },
});

/**
 * Every permission of the suite, for registration with the permissions registry.
 *
 * @public
 */
export const nkpPermissions = [
  nkpFleetReadPermission,
  nkpUpgradePlanManagePermission,
  nkpExceptionRequestPermission,
  nkpExceptionApprovePermission,
  nkpAuditReadPermission,
  nkpClusterRequestPermission,
  nkpClusterApplyPermission,
];
