import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { nkpApiRef } from './api/NkpApi';
import { NkpClient } from './api/NkpClient';
import { rootRouteRef } from './routes';

/**
 * The NKP Lifecycle plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const nkpPlugin = createPlugin({
  id: 'nkp',
  apis: [
    createApiFactory({
      api: nkpApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new NkpClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The NKP page with its tabs: overview, my deadlines, clusters, upgrade plans, exceptions and
 * the release calendar.
 *
 * @public
 */
export const NkpFleetPage = nkpPlugin.provide(
  createRoutableExtension({
    name: 'NkpFleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The NKP card of a cluster entity: policy state, deadline, reasons, upgrade path and facts.
 *
 * @public
 */
export const EntityNkpClusterCard = nkpPlugin.provide(
  createComponentExtension({
    name: 'EntityNkpClusterCard',
    component: {
      lazy: () =>
        import('./components/NkpClusterCard').then(m => m.NkpClusterCard),
    },
  }),
);

/**
 * The upgrade deadlines of a group's NKP clusters, for Group entity pages.
 *
 * @public
 */
export const EntityNkpGroupDeadlinesCard = nkpPlugin.provide(
  createComponentExtension({
    name: 'EntityNkpGroupDeadlinesCard',
    component: {
      lazy: () =>
        import('./components/Deadlines').then(m => m.GroupDeadlinesCard),
    },
  }),
);
