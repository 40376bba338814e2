/**
 * The permission rules of NKP clusters and groups, and their condition factories, shared by the policy
 * backend (which registers and applies them) and permission policies (which build conditional
 * decisions from them). Needs `@backstage/plugin-permission-node` (an optional peer dependency).
 *
 * @packageDocumentation
 */

export {
  createNkpClusterConditionalDecision,
  nkpClusterConditions,
  nkpClusterPermissionResourceRef,
  nkpClusterPermissionRules,
} from './rules';
// The owner refs of conditions are compared as nkp-common normalises them.
export { normalizeOwnerRef } from '@nkp-lifecycle/backstage-plugin-nkp-common';
export type { NkpClusterQuery } from './rules';
export {
  createNkpGroupConditionalDecision,
  nkpGroupConditions,
  nkpGroupPermissionResourceRef,
  nkpGroupPermissionRules,
} from './groupRules';
export type { NkpGroupQuery, NkpGroupResource } from './groupRules';
