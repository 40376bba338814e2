/**
 * The permission rule of groups (resource type `nkp-group`), for conditional decisions on
 * `nkp.cluster.request`: a policy can let tenants request clusters only for the groups they are
 * a member of. The policy backend registers it and applies it to the owning group of a request;
 * permission policies build their conditions from the same rule here.
 */
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  NKP_GROUP_RESOURCE_TYPE,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { stringListParams } from './paramsSchema';

/**
 * A group as the `nkp-group` rules see it.
 *
 * @public
 */
export interface NkpGroupResource {
  /** The group's entity ref, e.g. `group:default/team-acme`. */
  entityRef: string;
}

/**
 * Query shape of the NKP group rules.
 *
 * @public
 */
export type NkpGroupQuery = { key: 'group'; values: string[] };

/**
 * The `nkp-group` permission resource, owned by the `nkp` plugin.
 *
 * @public
 */
export const nkpGroupPermissionResourceRef = createPermissionResourceRef<
  NkpGroupResource,
  NkpGroupQuery
>().with({ pluginId: 'nkp', resourceType: NKP_GROUP_RESOURCE_TYPE });

const isOwnGroup = createPermissionRule<
  typeof nkpGroupPermissionResourceRef,
  { claims: string[] }
>({
  name: 'IS_OWN_GROUP',
  description:
    'Allow groups that are one of the given claims (typically the ownership refs of the caller)',
  resourceRef: nkpGroupPermissionResourceRef,
  paramsSchema: stringListParams(
    'claims',
    'Entity refs, typically the ownership claims of the caller',
  ),
  apply: (group, { claims }) =>
    claims.map(normalizeOwnerRef).includes(normalizeOwnerRef(group.entityRef)),
  toQuery: ({ claims }) => ({ key: 'group', values: claims }),
});

/**
 * The rules of the `nkp-group` resource type.
 *
 * @public
 */
export const nkpGroupPermissionRules = { isOwnGroup };

const conditionExports = createConditionExports({
  resourceRef: nkpGroupPermissionResourceRef,
  rules: nkpGroupPermissionRules,
});

/**
 * Condition factories for permission policies, e.g.
 * `createNkpGroupConditionalDecision(request.permission, nkpGroupConditions.isOwnGroup({ claims: user.identity.ownershipEntityRefs }))`.
 *
 * @public
 */
export const nkpGroupConditions = conditionExports.conditions;

/**
 * A conditional decision of an NKP group permission from `nkpGroupConditions`.
 *
 * @public
 */
export const createNkpGroupConditionalDecision =
  conditionExports.createConditionalDecision;
