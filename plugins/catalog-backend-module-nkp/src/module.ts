import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { NkpEntityProvider } from './providers';

/**
 * Adds one NKP entity provider per source under `catalog.providers.nkp`.
 *
 * @public
 */
export const catalogModuleNkp = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'nkp',
  register(reg) {
    reg.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ logger, config, scheduler, catalog }) {
        catalog.addEntityProvider(
          NkpEntityProvider.fromConfig(config, { logger, scheduler }),
        );
      },
    });
  },
});
