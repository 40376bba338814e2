import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  NKP_ACCESS_CONFIG_KEY,
  readNkpAccessConfig,
} from './config/readNkpAccessConfig';
import { NkpPermissionPolicy } from './policy/NkpPermissionPolicy';

/**
 * The NKP Lifecycle permission policy, configured by `nkp.access`.
 *
 * @public
 */
export const permissionModuleNkpPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'nkp-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, logger, userInfo, policy }) {
        const access = readNkpAccessConfig(config);
        if (access.platformTeam.length === 0) {
          logger.warn(
            `${NKP_ACCESS_CONFIG_KEY}.platformTeam is not set: nobody reads the whole NKP fleet, manages plans, approves exceptions, reads the audit log or registers catalog locations; everyone reads only the clusters their groups own`,
          );
        }
        logger.info('NKP permission policy', {
          platformTeam: access.platformTeam.join(', '),
          exceptionApprovers: access.exceptionApprovers.join(', '),
          planManagers: access.planManagers.join(', '),
          clusterAppliers: access.clusterAppliers.join(', '),
        });
        policy.setPolicy(new NkpPermissionPolicy(access, userInfo));
      },
    });
  },
});
