import { Content } from '@backstage/core-components';
import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isNkpCluster } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { ComponentType } from 'react';
import { nkpApiRef } from './api/NkpApi';
import { NkpClient } from './api/NkpClient';
import { NKP_TABS, rootRouteRef } from './routes';

const nkpApi = ApiBlueprint.make({
  params: define =>
    define({
      api: nkpApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new NkpClient(deps),
    }),
});

/** The NKP page; its tabs are the sub-pages below, in this order. */
const fleetPage = PageBlueprint.make({
  params: {
    path: '/nkp',
    title: 'NKP fleet',
    icon: <CloudQueueIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
  },
});

/** A tab of the NKP page; its view gets the page's standard padding. */
const tab = <TName extends string>(
  name: TName,
  path: string,
  title: string,
  load: () => Promise<ComponentType>,
) =>
  SubPageBlueprint.make({
    attachTo: { id: 'page:nkp', input: 'pages' },
    name,
    params: {
      path,
      title,
      loader: () =>
        load().then(View => (
          <Content>
            <View />
          </Content>
        )),
    },
  });

const overviewTab = tab('overview', NKP_TABS.overview, 'Overview', () =>
  import('./components/FleetDashboard').then(m => m.FleetOverview),
);
const myDeadlinesTab = tab(
  'my-deadlines',
  NKP_TABS.myDeadlines,
  'My deadlines',
  () => import('./components/Deadlines').then(m => m.MyDeadlines),
);
const clustersTab = tab('clusters', NKP_TABS.clusters, 'Clusters', () =>
  import('./components/FleetPage').then(m => m.FleetTable),
);
const plansTab = tab('plans', NKP_TABS.plans, 'Upgrade plans', () =>
  import('./components/UpgradePlans').then(m => m.UpgradePlansView),
);
const exceptionsTab = tab('exceptions', NKP_TABS.exceptions, 'Exceptions', () =>
  import('./components/Exceptions').then(m => m.ExceptionsView),
);
const calendarTab = tab('calendar', NKP_TABS.calendar, 'Release calendar', () =>
  import('./components/ReleaseCalendar').then(m => m.ReleaseCalendarView),
);

const clusterCard = EntityCardBlueprint.make({
  name: 'cluster',
  params: {
    filter: isNkpCluster,
    // The main column: state, reasons, path and exceptions need the width.
    type: 'content',
    loader: () =>
      import('./components/NkpClusterCard').then(m => <m.NkpClusterCard />),
  },
});

const groupDeadlinesCard = EntityCardBlueprint.make({
  name: 'group-deadlines',
  params: {
    filter: { kind: 'group' },
    type: 'content',
    loader: () =>
      import('./components/Deadlines').then(m => <m.GroupDeadlinesCard />),
  },
});

/**
 * The NKP Lifecycle plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'nkp',
  extensions: [
    nkpApi,
    fleetPage,
    overviewTab,
    myDeadlinesTab,
    clustersTab,
    plansTab,
    exceptionsTab,
    calendarTab,
    clusterCard,
    groupDeadlinesCard,
  ],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
});
