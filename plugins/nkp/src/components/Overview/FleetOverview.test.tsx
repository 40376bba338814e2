import { screen, within } from '@testing-library/react';
import {
  mockNkpApi,
  never,
  plan,
  responseError,
  summary,
  tenants,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { FleetOverview } from './FleetOverview';

const api = (overrides = {}) =>
  mockNkpApi({
    getSummary: async () => summary,
    getTenants: async () => tenants,
    listPlans: async () => [plan],
    ...overrides,
  });

describe('FleetOverview', () => {
  it('draws the clusters per state as a bar that also reads as a sentence', async () => {
    await renderView(<FleetOverview />, api());
    const bar = await screen.findByRole('img', {
      name: '14 clusters: 4 unsupported, 5 upgrade-due, 5 compliant',
    });
    expect(bar).toBeInTheDocument();
    // Tiles: every state with its word and count, worst first, linked to the filtered list
    expect(
      screen.getByRole('link', {
        name: 'Show clusters: the 4 unsupported ones',
      }),
    ).toHaveAttribute('href', '/nkp/clusters?state=unsupported');
    expect(screen.getByText('40 days')).toBeInTheDocument();
    expect(screen.getAllByText('2026-12-31 (in 40 days)')).toHaveLength(2); // tile and plan
    expect(screen.getByText(/1 awaiting approval/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review' })).toHaveAttribute(
      'href',
      '/nkp/exceptions',
    );
  });

  it('lists the owners worst first with their own bars', async () => {
    await renderView(<FleetOverview />, api());
    const owners = await screen.findByRole('list', {
      name: 'Policy state per owner',
    });
    const items = within(owners).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('team-initech');
    expect(
      within(items[0]).getByRole('img', { name: '3 clusters: 3 unsupported' }),
    ).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('team-acme');
  });

  it('shows each upgrade plan with its progress and the tenants that block it', async () => {
    await renderView(<FleetOverview />, api());
    const card = await screen.findByRole('region', {
      name: 'Fleet to NKP 2.17',
    });
    expect(
      within(card).getByText(/11 of 14 clusters on target \(79%\)/),
    ).toBeInTheDocument();
    expect(within(card).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '79',
    );
    expect(
      within(card).getByText(/Blocked by 2 tenants \(2 clusters\)/),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: 'team-globex' }),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: 'team-initech' }),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderView(<FleetOverview />, api({ getSummary: never }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('explains an empty fleet', async () => {
    await renderView(
      <FleetOverview />,
      api({
        getSummary: async () => ({
          ...summary,
          total: 0,
          counts: {
            compliant: 0,
            'upgrade-due': 0,
            unknown: 0,
            overdue: 0,
            unsupported: 0,
          },
        }),
      }),
    );
    expect(await screen.findByText('No NKP clusters yet')).toBeInTheDocument();
  });

  it('shows why the dashboard could not load', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'Not allowed to read the NKP fleet (nkp.fleet.read)',
    );
    await renderView(
      <FleetOverview />,
      api({
        getSummary: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the fleet dashboard: Not allowed to read the NKP fleet/,
      ),
    ).toBeInTheDocument();
  });
});
