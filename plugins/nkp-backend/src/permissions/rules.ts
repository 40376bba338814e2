/**
 * The permission rules of NKP clusters (resource type `nkp-cluster`) and of groups (`nkp-group`,
 * for `nkp.cluster.request`: rule `IS_OWN_GROUP`) live in nkp-node's
 * `/permissions` entry point, shared with permission policies; the policy backend registers and
 * applies them to the clusters it holds in memory.
 */
export {
  createNkpClusterConditionalDecision,
  nkpClusterConditions,
  nkpClusterPermissionResourceRef,
  nkpClusterPermissionRules,
  createNkpGroupConditionalDecision,
  nkpGroupConditions,
  nkpGroupPermissionResourceRef,
  nkpGroupPermissionRules,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/permissions';
export type {
  NkpGroupQuery,
  NkpGroupResource,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/permissions';
export type { NkpClusterQuery } from '@nkp-lifecycle/backstage-plugin-nkp-node/permissions';
