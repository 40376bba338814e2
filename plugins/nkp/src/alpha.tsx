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
import {
  FormFieldBlueprint,
  FormFieldExtensionData,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { isNkpCluster } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { ComponentType } from 'react';
import { nkpApiRef } from './api/NkpApi';
import { NkpClient } from './api/NkpClient';
import { NKP_TABS, NkpTab, rootRouteRef } from './routes';

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

/** The view of each tab, loaded when the tab is first shown. */
const VIEWS: Record<NkpTab, () => Promise<ComponentType>> = {
  overview: () => import('./components/Overview').then(m => m.FleetOverview),
  myDeadlines: () => import('./components/Deadlines').then(m => m.MyDeadlines),
  clusters: () => import('./components/Clusters').then(m => m.FleetTable),
  plans: () =>
    import('./components/UpgradePlans').then(m => m.UpgradePlansView),
  exceptions: () =>
    import('./components/Exceptions').then(m => m.ExceptionsView),
  calendar: () =>
    import('./components/ReleaseCalendar').then(m => m.ReleaseCalendarView),
};

/** A tab of the NKP page (`sub-page:nkp/<path>`); its view gets the page's standard padding. */
const tab = <TPath extends string>(
  { path, title }: { path: TPath; title: string },
  load: () => Promise<ComponentType>,
) =>
  SubPageBlueprint.make({
    attachTo: { id: 'page:nkp', input: 'pages' },
    name: path,
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
 * A field extension of the cluster request template (`scaffolder-form-field:nkp/<name>`),
 * attached to the scaffolder's form fields and loaded when the form first needs it.
 */
const formField = <TName extends string>(
  name: TName,
  field: keyof typeof import('./components/ScaffolderFields')['NKP_SCAFFOLDER_FIELDS'],
) =>
  FormFieldBlueprint.make({
    name,
    params: {
      field: () =>
        import('./components/ScaffolderFields').then(m =>
          createFormField(
            m.NKP_SCAFFOLDER_FIELDS[field] as unknown as FormFieldExtensionData,
          ),
        ),
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
    // One by one, so that each sub-page keeps its own name in the plugin's type.
    tab(NKP_TABS.overview, VIEWS.overview),
    tab(NKP_TABS.myDeadlines, VIEWS.myDeadlines),
    tab(NKP_TABS.clusters, VIEWS.clusters),
    tab(NKP_TABS.plans, VIEWS.plans),
    tab(NKP_TABS.exceptions, VIEWS.exceptions),
    tab(NKP_TABS.calendar, VIEWS.calendar),
    clusterCard,
    groupDeadlinesCard,
    formField('owner-group-picker', 'NkpOwnerGroupPicker'),
    formField('workspace-picker', 'NkpWorkspacePicker'),
    formField('projects-picker', 'NkpProjectsPicker'),
    formField('management-cluster-picker', 'NkpManagementClusterPicker'),
    formField('version-picker', 'NkpVersionPicker'),
    formField('size-picker', 'NkpSizePicker'),
    formField('placement-picker', 'NkpPlacementPicker'),
    formField('delivery-picker', 'NkpDeliveryPicker'),
  ],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
});
