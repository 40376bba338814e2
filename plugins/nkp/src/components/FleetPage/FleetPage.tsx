import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { ComponentType } from 'react';
import { NKP_TABS, NkpTab } from '../../routes';
import { FleetTable } from '../Clusters';
import { MyDeadlines } from '../Deadlines';
import { ExceptionsView } from '../Exceptions';
import { FleetOverview } from '../Overview';
import { ReleaseCalendarView } from '../ReleaseCalendar';
import { UpgradePlansView } from '../UpgradePlans';

const VIEWS: Record<NkpTab, ComponentType> = {
  overview: FleetOverview,
  myDeadlines: MyDeadlines,
  clusters: FleetTable,
  plans: UpgradePlansView,
  exceptions: ExceptionsView,
  calendar: ReleaseCalendarView,
};

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
      {(Object.keys(NKP_TABS) as NkpTab[]).map(tab => {
        const View = VIEWS[tab];
        return (
          <TabbedLayout.Route
            key={tab}
            path={`/${NKP_TABS[tab].path}`}
            title={NKP_TABS[tab].title}
          >
            <View />
          </TabbedLayout.Route>
        );
      })}
    </TabbedLayout>
  </Page>
);
