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
        lifecycle: coreServices.lifecycle,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ logger, config, scheduler, lifecycle, catalog }) {
        const providers = NkpEntityProvider.fromConfig(config, {
          logger,
          scheduler,
        });
        catalog.addEntityProvider(providers);
        // Watches hold connections open; close them before the process goes.
        lifecycle.addShutdownHook(async () => {
          await Promise.all(providers.map(provider => provider.stop()));
        });
      },
    });
  },
});
