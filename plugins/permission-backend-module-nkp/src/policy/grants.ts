/*
 * Who gets each permission the NKP policy decides: one line per permission. A permission of the
 * suite that is not listed is denied, so a new one is granted by adding its line here. Permissions of other plugins that are not listed are not
 * this policy's business (the portal's policy allows them, as before).
 */
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogIngestionManagePermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  nkpAuditReadPermission,
  nkpClusterApplyPermission,
  nkpClusterRequestPermission,
  nkpExceptionApprovePermission,
  nkpExceptionRequestPermission,
  nkpFleetReadPermission,
  nkpUpgradePlanManagePermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * Who is granted a permission:
 * - `signed-in`: every signed-in user;
 * - `own-clusters`: the whole fleet for the platform team, exception approvers and plan
 *   managers; for everyone else, the clusters their groups own (a conditional decision on the
 *   `nkp-cluster` resource type);
 * - `own-groups`: every group for the platform team; for everyone else, the groups they are a
 *   member of (a conditional decision on the `nkp-group` resource type);
 * - `exception-approvers`, `plan-managers`, `cluster-appliers`: the platform team and that role;
 * - `platform-team`: the platform team only.
 *
 * @public
 */
export type NkpGrant =
  | 'signed-in'
  | 'own-clusters'
  | 'own-groups'
  | 'cluster-appliers'
  | 'exception-approvers'
  | 'plan-managers'
  | 'platform-team';

/**
 * The permissions the NKP policy decides, by name.
 *
 * @public
 */
export const NKP_POLICY_GRANTS: Readonly<Record<string, NkpGrant>> = {
  [nkpFleetReadPermission.name]: 'own-clusters',
  // The backend accepts a request only for a cluster (or owner) the caller can read.
  [nkpExceptionRequestPermission.name]: 'signed-in',
  [nkpExceptionApprovePermission.name]: 'exception-approvers',
  [nkpUpgradePlanManagePermission.name]: 'plan-managers',
  [nkpAuditReadPermission.name]: 'platform-team',
  // The golden path: a cluster for one's own groups; direct apply only for the appliers.
  [nkpClusterRequestPermission.name]: 'own-groups',
  [nkpClusterApplyPermission.name]: 'cluster-appliers',
  // Catalog writes that would let a user put entities in the catalog, or take others' out.
  [catalogLocationCreatePermission.name]: 'platform-team',
  [catalogLocationAnalyzePermission.name]: 'platform-team',
  [catalogLocationDeletePermission.name]: 'platform-team',
  [catalogEntityCreatePermission.name]: 'platform-team',
  [catalogEntityDeletePermission.name]: 'platform-team',
  [catalogIngestionManagePermission.name]: 'platform-team',
};

/** The prefix of the suite's own permissions: unlisted ones are denied, not allowed. */
export const NKP_PERMISSION_PREFIX = 'nkp.';
