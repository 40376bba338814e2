import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createApplyClusterAction } from './actions/applyCluster';
import { createRenderClusterAction } from './actions/renderCluster';

/**
 * Registers the NKP cluster actions (`nkp:cluster:render`, `nkp:cluster:apply`) with the
 * scaffolder.
 *
 * @public
 */
export const scaffolderModuleNkp = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'nkp',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolderActions,
        config,
        discovery,
        auth,
        permissions,
        catalog,
      }) {
        scaffolderActions.addActions(
          createRenderClusterAction({ config, discovery, auth }),
          createApplyClusterAction({ config, catalog, auth, permissions }),
        );
      },
    });
  },
});
