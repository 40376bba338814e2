import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { NKP_TABS } from '../../routes';
import { MyDeadlines } from '../Deadlines';
import { ExceptionsView } from '../Exceptions';
import { FleetOverview } from '../FleetDashboard';
import { ReleaseCalendarView } from '../ReleaseCalendar';
import { UpgradePlansView } from '../UpgradePlans';
import { FleetTable } from './FleetTable';

/**
 * The NKP page for apps on the legacy frontend system: the same tabs, at the same paths, as the
 * new system's sub-pages.
 *
 * @public
 */
export const FleetPage = () => (
  <Page themeId="tool">
    <Header
      title="NKP fleet"
      subtitle="Lifecycle policy across every NKP cluster"
    />
    <TabbedLayout>
      <TabbedLayout.Route path={`/${NKP_TABS.overview}`} title="Overview">
        <FleetOverview />
      </TabbedLayout.Route>
      <TabbedLayout.Route
        path={`/${NKP_TABS.myDeadlines}`}
        title="My deadlines"
      >
        <MyDeadlines />
      </TabbedLayout.Route>
      <TabbedLayout.Route path={`/${NKP_TABS.clusters}`} title="Clusters">
        <FleetTable />
      </TabbedLayout.Route>
      <TabbedLayout.Route path={`/${NKP_TABS.plans}`} title="Upgrade plans">
        <UpgradePlansView />
      </TabbedLayout.Route>
      <TabbedLayout.Route path={`/${NKP_TABS.exceptions}`} title="Exceptions">
        <ExceptionsView />
      </TabbedLayout.Route>
      <TabbedLayout.Route
        path={`/${NKP_TABS.calendar}`}
        title="Release calendar"
      >
        <ReleaseCalendarView />
      </TabbedLayout.Route>
    </TabbedLayout>
  </Page>
);
