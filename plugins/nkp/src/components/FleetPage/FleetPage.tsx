import { Content, Header, Page } from '@backstage/core-components';
import { FleetTable } from './FleetTable';

/**
 * The fleet page for apps on the legacy frontend system (the new system adds its own header).
 *
 * @public
 */
export const FleetPage = () => (
  <Page themeId="tool">
    <Header title="NKP fleet" subtitle="Clusters, versions and owners across every NKP source" />
    <Content>
      <FleetTable />
    </Content>
  </Page>
);
