import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  NKP_CATALOG_CHANGED_TOPIC,
  NKP_CLUSTER_RESOURCE_TYPE,
  NKP_GROUP_RESOURCE_TYPE,
  nkpPermissions,
  entityRefKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ReleaseFeeds } from './calendar/ReleaseFeeds';
import { PolicyStore } from './database/PolicyStore';
import { ReleaseFeedStore } from './database/ReleaseFeedStore';
import { FleetAccess } from './permissions/FleetAccess';
import {
  nkpClusterPermissionResourceRef,
  nkpClusterPermissionRules,
  nkpGroupPermissionResourceRef,
  nkpGroupPermissionRules,
} from './permissions/rules';
import { GoldenPathAccess } from './permissions/GoldenPathAccess';
import { GoldenPathCatalog } from './state/GoldenPathCatalog';
import { readGoldenPathConfig } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { createRouter } from './router';
import { FleetReader } from './state/FleetReader';
import { FleetState } from './state/FleetState';
import { readNkpBackendConfig } from './config/NkpBackendConfig';
import { fleetMetrics } from './listeners/fleetMetrics';
import { notifyOwners } from './listeners/notifyOwners';
import { recordExpiries } from './listeners/recordExpiries';
import { randomUUID } from 'node:crypto';

/**
 * The NKP Lifecycle backend plugin: keeps the fleet evaluated against the lifecycle policy and
 * serves it, with upgrade plans and exceptions, under `/api/nkp`.
 *
 * @public
 */
export const nkpPlugin = createBackendPlugin({
  pluginId: 'nkp',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
        catalog,
        notifications,
        events,
        lifecycle,
      }) {
        const settings = readNkpBackendConfig(config);
        const goldenPath = readGoldenPathConfig(config);
        const store = await PolicyStore.create({ database });
        const feeds = new ReleaseFeeds({
          settings: settings.calendarFeed,
          store: await ReleaseFeedStore.create({ database }),
          logger: logger.child({ component: 'release-feeds' }),
        });
        const fleet = new FleetState({
          reader: new FleetReader(catalog, {
            logger: logger.child({ component: 'fleet-reader' }),
          }),
          auth,
          store,
          logger: logger.child({ component: 'fleet-state' }),
          policy: settings.policy,
          calendarOverrides: settings.calendarOverrides,
          feeds,
        });

        const resourcePermissions = (type: string) =>
          nkpPermissions.filter(
            p => p.type === 'resource' && p.resourceType === type,
          );
        permissionsRegistry.addPermissions(
          nkpPermissions.filter(p => p.type !== 'resource'),
        );
        permissionsRegistry.addResourceType({
          resourceRef: nkpGroupPermissionResourceRef,
          permissions: resourcePermissions(NKP_GROUP_RESOURCE_TYPE),
          rules: Object.values(nkpGroupPermissionRules),
          // A group is its entity ref: the rules compare refs, nothing needs loading.
          getResources: async refs => refs.map(entityRef => ({ entityRef })),
        });
        permissionsRegistry.addResourceType({
          resourceRef: nkpClusterPermissionResourceRef,
          permissions: resourcePermissions(NKP_CLUSTER_RESOURCE_TYPE),
          rules: Object.values(nkpClusterPermissionRules),
          getResources: async refs => {
            const snapshot = await fleet.current();
            return refs.map(
              ref => snapshot.byRef.get(entityRefKey(ref))?.cluster,
            );
          },
        });
        const access = new FleetAccess(
          httpAuth,
          permissions,
          permissionsRegistry.getPermissionRuleset(
            nkpClusterPermissionResourceRef,
          ),
        );

        fleet.onEvaluated(recordExpiries(store, logger));
        fleet.onEvaluated(fleetMetrics());
        if (settings.notifications.enabled) {
          fleet.onEvaluated(notifyOwners({ store, notifications, logger }));
        }
        await fleet.start(scheduler, settings.refreshIntervalSeconds);
        // A good read changes the calendar: evaluate with it rather than at the next interval.
        await feeds.start(scheduler, () => fleet.refresh());
        // Event-driven: the NKP catalog module says when it changed entities; the schedule
        // remains the safety net. Every replica keeps its own fleet state, so each needs every
        // event, and the event bus delivers an event once per subscriber id: the id is this
        // instance's own (the bus removes the subscriptions of instances that are gone).
        await events.subscribe({
          id: `nkp-fleet-state-${randomUUID()}`,
          topics: [NKP_CATALOG_CHANGED_TOPIC],
          onEvent: async event => fleet.catalogChanged(event.eventPayload),
        });
        lifecycle.addShutdownHook(() => fleet.stop());

        httpRouter.use(
          await createRouter({
            access,
            fleet,
            store,
            logger,
            requireSeparateApprover: settings.requireSeparateApprover,
            goldenPath: {
              config: goldenPath,
              access: new GoldenPathAccess(
                permissions,
                permissionsRegistry.getPermissionRuleset(
                  nkpGroupPermissionResourceRef,
                ),
              ),
              catalog: new GoldenPathCatalog(catalog, auth),
            },
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
