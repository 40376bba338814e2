import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { NkpApi, nkpApiRef } from '../../api/NkpApi';
import { FleetTable } from './FleetTable';

const renderWith = (api: NkpApi) =>
  renderInTestApp(
    <TestApiProvider apis={[[nkpApiRef, api]]}>
      <FleetTable />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('FleetTable', () => {
  it('lists the clusters with their versions and owners', async () => {
    await renderWith({
      listClusters: async () => ({
        totalCount: 1,
        items: [
          {
            entityRef: 'resource:default/demo-acme-prod',
            name: 'demo-acme-prod',
            clusterType: 'managed',
            kubernetesVersion: '1.33.2',
            nkpVersion: '2.16.1',
            workspace: 'acme-retail',
            owner: 'group:default/team-acme',
            projects: [],
            state: 'upgrade-due',
            deadline: '2027-02-01',
            daysLeft: 72,
            targetVersion: { nkp: '2.17', kubernetes: '1.34' },
            upgradePath: [],
            findings: [],
          },
        ],
      }),
    });
    expect(await screen.findByText('NKP clusters (1)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'demo-acme-prod' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/demo-acme-prod',
    );
    expect(screen.getByText('1.33.2')).toBeInTheDocument();
    expect(screen.getByText('acme-retail')).toBeInTheDocument();
    expect(screen.getByText('upgrade-due')).toBeInTheDocument();
    expect(screen.getByText('2027-02-01 (in 72 days)')).toBeInTheDocument();
    expect(screen.getByText('NKP 2.17 / Kubernetes 1.34')).toBeInTheDocument();
  });

  it('explains how to get clusters when there are none', async () => {
    await renderWith({ listClusters: async () => ({ items: [], totalCount: 0 }) });
    expect(await screen.findByText('No NKP clusters yet')).toBeInTheDocument();
  });

  it('shows the error when the backend refuses', async () => {
    await renderWith({
      listClusters: async () => {
        throw new Error('Not allowed to read the NKP fleet');
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Not allowed to read the NKP fleet/);
  });
});
