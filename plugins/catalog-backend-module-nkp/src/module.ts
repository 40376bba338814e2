import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { NkpEntityOriginProcessor } from './processors';
import { AppliedPartsStore } from './database/AppliedPartsStore';
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
        // The catalog's database: what each provider applied is kept beside the catalog.
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogProcessingExtensionPoint,
        events: eventsServiceRef,
      },
      async init({
        logger,
        config,
        database,
        scheduler,
        lifecycle,
        catalog,
        events,
      }) {
        const providers = NkpEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          events,
          store: await AppliedPartsStore.create({ database }),
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
