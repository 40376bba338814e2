/**
 * The NKP Lifecycle permission policy as a module of the permission backend: the platform team
 * (`nkp.access`) may do everything, tenants read the clusters their groups own. The decision is
 * exported as a pure function for sites that have a policy of their own.
 *
 * @packageDocumentation
 */

export { permissionModuleNkpPolicy as default } from './module';
export {
  NKP_ACCESS_CONFIG_KEY,
  readNkpAccessConfig,
} from './config/readNkpAccessConfig';
export type { NkpAccessConfig } from './config/readNkpAccessConfig';
export { decideNkpPermission, nkpRolesOf } from './policy/decideNkpPermission';
export type { NkpPolicyUser } from './policy/decideNkpPermission';
export { NKP_POLICY_GRANTS } from './policy/grants';
export type { NkpGrant } from './policy/grants';
export { NkpPermissionPolicy } from './policy/NkpPermissionPolicy';
