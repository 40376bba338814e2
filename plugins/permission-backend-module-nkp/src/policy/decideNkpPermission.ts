/*
 * The decision of the NKP policy, as a pure function: a permission, who asks (their entity ref
 * and ownership refs), the configured roles → ALLOW, DENY, CONDITIONAL, or no opinion. No I/O,
 * so a site with its own policy can call it first and fall back to its own rules.
 */
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQuery } from '@backstage/plugin-permission-node';
import {
  NKP_CLUSTER_RESOURCE_TYPE,
  NKP_GROUP_RESOURCE_TYPE,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  createNkpClusterConditionalDecision,
  createNkpGroupConditionalDecision,
  nkpClusterConditions,
  nkpGroupConditions,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/permissions';
import { NkpAccessConfig } from '../config/readNkpAccessConfig';
import { NKP_PERMISSION_PREFIX, NKP_POLICY_GRANTS, NkpGrant } from './grants';

/**
 * The person asking, as the user-info service describes them.
 *
 * @public
 */
export interface NkpPolicyUser {
  userEntityRef: string;
  /** The user and the groups they are a member of. */
  ownershipEntityRefs: string[];
}

/**
 * The roles a person holds under `nkp.access`.
 *
 * @public
 */
export function nkpRolesOf(
  user: NkpPolicyUser,
  access: NkpAccessConfig,
): {
  platformTeam: boolean;
  exceptionApprover: boolean;
  planManager: boolean;
  clusterApplier: boolean;
} {
  const own = new Set(user.ownershipEntityRefs.map(normalizeOwnerRef));
  const holds = (refs: string[]) => refs.some(ref => own.has(ref));
  const platformTeam = holds(access.platformTeam);
  return {
    platformTeam,
    exceptionApprover: platformTeam || holds(access.exceptionApprovers),
    planManager: platformTeam || holds(access.planManagers),
    clusterApplier: platformTeam || holds(access.clusterAppliers),
  };
}

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Decides a permission the NKP policy is responsible for (`NKP_POLICY_GRANTS`, and every
 * permission named `nkp.*`, which is denied unless listed); `undefined` for any other, which the
 * caller decides. Without a user (no user principal) everything it decides is denied.
 *
 * @public
 */
export function decideNkpPermission(
  request: PolicyQuery,
  user: NkpPolicyUser | undefined,
  access: NkpAccessConfig,
): PolicyDecision | undefined {
  const { permission } = request;
  const grant: NkpGrant | undefined = NKP_POLICY_GRANTS[permission.name];
  if (!grant) {
    return permission.name.startsWith(NKP_PERMISSION_PREFIX) ? deny : undefined;
  }
  if (!user) {
    return deny;
  }
  const roles = nkpRolesOf(user, access);
  switch (grant) {
    case 'signed-in':
      return allow;
    case 'platform-team':
      return roles.platformTeam ? allow : deny;
    case 'exception-approvers':
      return roles.exceptionApprover ? allow : deny;
    case 'plan-managers':
      return roles.planManager ? allow : deny;
    case 'cluster-appliers':
      return roles.clusterApplier ? allow : deny;
    case 'own-groups':
      if (roles.platformTeam) {
        return allow;
      }
      if (!isResourcePermission(permission, NKP_GROUP_RESOURCE_TYPE)) {
        return deny;
      }
      return createNkpGroupConditionalDecision(
        permission,
        nkpGroupConditions.isOwnGroup({ claims: user.ownershipEntityRefs }),
      );
    case 'own-clusters':
      if (roles.exceptionApprover || roles.planManager) {
        return allow;
      }
      if (!isResourcePermission(permission, NKP_CLUSTER_RESOURCE_TYPE)) {
        return deny;
      }
      return createNkpClusterConditionalDecision(
        permission,
        nkpClusterConditions.isClusterOwner({
          claims: user.ownershipEntityRefs,
        }),
      );
    default:
      return deny;
  }
}
