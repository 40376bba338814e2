/**
 * The NKP Lifecycle backend plugin, and the permission conditions of NKP clusters for
 * permission policies.
 *
 * @packageDocumentation
 */
export { nkpPlugin as default } from './plugin';
export {
  nkpClusterConditions,
  createNkpClusterConditionalDecision,
  nkpClusterPermissionResourceRef,
  nkpClusterPermissionRules,
} from './permissions/rules';
export type { NkpClusterQuery } from './permissions/rules';
