import { screen, waitFor } from '@testing-library/react';
import {
  globexDr,
  globexProd,
  mockNkpApi,
  never,
  responseError,
  tenants,
  clusterPage,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { FleetTable } from './FleetTable';

describe('FleetTable', () => {
  it('lists one page of clusters with their state, deadline, target, versions and owner', async () => {
    const api = mockNkpApi({
      getTenants: async () => tenants,
      listClusters: jest.fn(async () => clusterPage([globexProd])),
    });
    await renderView(<FleetTable />, api);
    expect(await screen.findByText('NKP clusters (1)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'globex-pay-prod' }),
    ).toHaveAttribute('href', '/catalog/default/resource/demo-globex-pay-prod');
    expect(screen.getByText('upgrade-due')).toBeInTheDocument();
    expect(screen.getByText('2027-01-31')).toBeInTheDocument();
    expect(screen.getByText('71 days left')).toBeInTheDocument();
    expect(screen.getByText('NKP 2.17')).toBeInTheDocument();
    expect(screen.getByText('Kubernetes 1.33.5')).toBeInTheDocument();
    // The backend pages and sorts: the first page, by name
    expect(api.listClusters).toHaveBeenCalledWith({
      state: [],
      owner: undefined,
      workspace: undefined,
      version: undefined,
      offset: 0,
      limit: 20,
      orderBy: 'name',
      order: 'asc',
    });
  });

  it('passes the filters of the URL to the backend', async () => {
    const api = mockNkpApi({
      getTenants: async () => tenants,
      listClusters: jest.fn(async () => clusterPage([globexDr])),
    });
    await renderView(<FleetTable />, api, {
      routeEntries: [
        '/?owner=group%3Adefault%2Fteam-globex&state=unsupported&state=overdue',
      ],
    });
    expect(await screen.findByText('NKP clusters (1)')).toBeInTheDocument();
    expect(api.listClusters).toHaveBeenCalledWith(
      expect.objectContaining({
        owner: 'group:default/team-globex',
        state: ['unsupported', 'overdue'],
      }),
    );
    expect(screen.getByText('Filtered')).toBeInTheDocument();
  });

  it('sends the version filter once the user stops typing', async () => {
    const api = mockNkpApi({
      getTenants: async () => tenants,
      listClusters: jest.fn(async () => clusterPage([globexDr])),
    });
    const { getByLabelText } = await renderView(<FleetTable />, api);
    await screen.findByText('NKP clusters (1)');
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.change(getByLabelText('Version'), { target: { value: '1.32' } });
    await waitFor(() =>
      expect(api.listClusters).toHaveBeenLastCalledWith(
        expect.objectContaining({ version: '1.32' }),
      ),
    );
  });

  it('shows progress while the first page loads', async () => {
    await renderView(
      <FleetTable />,
      mockNkpApi({ getTenants: never, listClusters: never }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('explains how to get clusters when there are none', async () => {
    await renderView(
      <FleetTable />,
      mockNkpApi({
        getTenants: async () => tenants,
        listClusters: async () => clusterPage([]),
      }),
    );
    expect(await screen.findByText('No NKP clusters yet')).toBeInTheDocument();
  });

  it('says when no cluster matches the filters', async () => {
    await renderView(
      <FleetTable />,
      mockNkpApi({
        getTenants: async () => tenants,
        listClusters: async () => clusterPage([]),
      }),
      { routeEntries: ['/?state=overdue'] },
    );
    expect(
      await screen.findByText('No clusters match these filters.'),
    ).toBeInTheDocument();
  });

  it('shows the backend error, e.g. a version filter that is not a version', async () => {
    const error = await responseError(
      400,
      'InputError',
      'Invalid query: version: must be a version or version prefix such as 1.33 or 2.17.1',
    );
    await renderView(
      <FleetTable />,
      mockNkpApi({
        getTenants: async () => tenants,
        listClusters: async () => {
          throw error;
        },
      }),
      { routeEntries: ['/?version=latest'] },
    );
    expect(
      await screen.findByText(
        /Could not load the NKP fleet: Invalid query: version: must be a version/,
      ),
    ).toBeInTheDocument();
  });
});
