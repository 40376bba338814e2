import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { nkpPermissions } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { createRouter } from './router';
import { FleetReader } from './service/FleetReader';

/**
 * The NKP Lifecycle backend plugin: serves the fleet under `/api/nkp`.
 *
 * @public
 */
export const nkpPlugin = createBackendPlugin({
  pluginId: 'nkp',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({ httpAuth, httpRouter, permissions, permissionsRegistry, catalog }) {
        permissionsRegistry.addPermissions(nkpPermissions);
        httpRouter.use(
          await createRouter({ httpAuth, permissions, fleet: new FleetReader(catalog) }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
