import { screen } from '@testing-library/react';
import { mockNkpApi, plan, summary, tenants } from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { FleetPage } from './FleetPage';

describe('FleetPage (legacy frontend system)', () => {
  it('has the same tabs as the new system, with the overview first', async () => {
    await renderView(
      <FleetPage />,
      mockNkpApi({
        getSummary: async () => summary,
        getTenants: async () => tenants,
        listPlans: async () => [plan],
      }),
    );
    for (const tab of [
      'Overview',
      'My deadlines',
      'Clusters',
      'Upgrade plans',
      'Exceptions',
      'Release calendar',
    ]) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
    expect(await screen.findByText('Fleet policy state')).toBeInTheDocument();
  });
});
