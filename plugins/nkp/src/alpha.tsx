import { convertLegacyRouteRef, convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isNkpCluster } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { nkpApiRef } from './api/NkpApi';
import { NkpClient } from './api/NkpClient';
import { rootRouteRef } from './routes';

const nkpApi = ApiBlueprint.make({
  params: define =>
    define({
      api: nkpApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new NkpClient(deps),
    }),
});

const fleetPage = PageBlueprint.make({
  params: {
    path: '/nkp',
    title: 'NKP fleet',
    icon: <CloudQueueIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () => import('./components/FleetPage').then(m => <m.FleetTable />),
  },
});

const clusterCard = EntityCardBlueprint.make({
  name: 'cluster',
  params: {
    filter: isNkpCluster,
    type: 'info',
    loader: () => import('./components/NkpClusterCard').then(m => <m.NkpClusterCard />),
  },
});

/**
 * The NKP Lifecycle plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'nkp',
  extensions: [nkpApi, fleetPage, clusterCard],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
});
