import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { NkpEntityOriginProcessor } from './processors';
import { NkpEntityProvider } from './providers';

/**
 * Adds one NKP entity provider per source under `catalog.providers.nkp`, and the processor that
 * refuses NKP look-alikes from anywhere else.
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
        events: eventsServiceRef,
      },
      async init({ logger, config, scheduler, lifecycle, catalog, events }) {
        const providers = NkpEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          events,
        });
        catalog.addEntityProvider(providers);
        catalog.addProcessor(
          NkpEntityOriginProcessor.fromConfig(config, { logger }),
        );
        // Watches hold connections open; close them before the process goes.
        lifecycle.addShutdownHook(async () => {
          await Promise.all(providers.map(provider => provider.stop()));
        });
      },
    });
  },
});
