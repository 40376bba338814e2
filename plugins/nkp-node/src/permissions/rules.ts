/**
 * Permission rules for NKP clusters (resource type `nkp-cluster`), for conditional decisions on
 * `nkp.fleet.read`: a policy can let tenants read the clusters their groups own. The policy
 * backend registers them and applies them to the clusters it holds in memory (`toQuery` exists
 * for the framework); permission policies build their conditions from the same rules here, so
 * that they need not import the backend plugin.
 */
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  NKP_CLUSTER_RESOURCE_TYPE,
  NkpClusterFacts,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { stringListParams } from './paramsSchema';

/**
 * Query shape of the NKP cluster rules.
 *
 * @public
 */
export type NkpClusterQuery = {
  key: 'owner' | 'workspace';
  values: string[];
};

/**
 * The `nkp-cluster` permission resource, owned by the `nkp` plugin.
 *
 * @public
 */
export const nkpClusterPermissionResourceRef = createPermissionResourceRef<
  NkpClusterFacts,
  NkpClusterQuery
>().with({ pluginId: 'nkp', resourceType: NKP_CLUSTER_RESOURCE_TYPE });

const isClusterOwner = createPermissionRule<
  typeof nkpClusterPermissionResourceRef,
  { claims: string[] }
>({
  name: 'IS_CLUSTER_OWNER',
  description:
    'Allow NKP clusters owned by one of the given claims (entity refs of groups or users)',
  resourceRef: nkpClusterPermissionResourceRef,
  paramsSchema: stringListParams(
    'claims',
    'Entity refs, typically the ownership claims of the caller',
  ),
  apply: (cluster, { claims }) =>
    cluster.owner !== undefined &&
    claims.map(normalizeOwnerRef).includes(normalizeOwnerRef(cluster.owner)),
  toQuery: ({ claims }) => ({ key: 'owner', values: claims }),
});

const isInWorkspace = createPermissionRule<
  typeof nkpClusterPermissionResourceRef,
  { workspaces: string[] }
>({
  name: 'IS_IN_WORKSPACE',
  description: 'Allow NKP clusters in one of the given NKP workspaces',
  resourceRef: nkpClusterPermissionResourceRef,
  paramsSchema: stringListParams('workspaces', 'NKP workspace names'),
  apply: (cluster, { workspaces }) =>
    cluster.workspace !== undefined && workspaces.includes(cluster.workspace),
  toQuery: ({ workspaces }) => ({ key: 'workspace', values: workspaces }),
});

/**
 * The rules of the `nkp-cluster` resource type.
 *
 * @public
 */
export const nkpClusterPermissionRules = { isClusterOwner, isInWorkspace };

const conditionExports = createConditionExports({
  resourceRef: nkpClusterPermissionResourceRef,
  rules: nkpClusterPermissionRules,
});

/**
 * Condition factories for permission policies, e.g.
 * `createNkpClusterConditionalDecision(request.permission, nkpClusterConditions.isClusterOwner({ claims: user.identity.ownershipEntityRefs }))`.
 *
 * @public
 */
export const nkpClusterConditions = conditionExports.conditions;

/**
 * A conditional decision of an NKP cluster permission from `nkpClusterConditions`.
 *
 * @public
 */
export const createNkpClusterConditionalDecision =
  conditionExports.createConditionalDecision;
