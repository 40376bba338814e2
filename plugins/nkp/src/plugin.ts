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

/** @public */
export const NkpFleetPage = nkpPlugin.provide(
  createRoutableExtension({
    name: 'NkpFleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

/** @public */
export const EntityNkpClusterCard = nkpPlugin.provide(
  createComponentExtension({
    name: 'EntityNkpClusterCard',
    component: {
      lazy: () => import('./components/NkpClusterCard').then(m => m.NkpClusterCard),
    },
  }),
);
