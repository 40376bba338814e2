import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createRenderClusterAction } from './actions/renderCluster';

/**
 * Registers the NKP cluster actions with the scaffolder.
 *
 * @public
 */
export const scaffolderModuleNkp = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'nkp',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(createRenderClusterAction());
      },
    });
  },
});
