import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  globexDr,
  globexProd,
  mockNkpApi,
  never,
  clusterPage,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { GroupDeadlinesCard } from './GroupDeadlinesCard';

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-globex', namespace: 'default' },
  spec: { type: 'business-unit', children: [] },
};

const card = (
  <EntityProvider entity={group}>
    <GroupDeadlinesCard />
  </EntityProvider>
);

describe('GroupDeadlinesCard', () => {
  it("shows the group's clusters, most urgent first, and links to them in the fleet", async () => {
    const listClusters = jest.fn(async () =>
      clusterPage([globexProd, globexDr]),
    );
    await renderView(card, mockNkpApi({ listClusters }));
    expect(
      await screen.findByText('NKP upgrade deadlines'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: '2 clusters: 1 unsupported, 1 upgrade-due',
      }),
    ).toBeInTheDocument();
    const links = screen.getAllByRole('link').map(l => l.textContent);
    expect(links.indexOf('globex-pay-dr')).toBeLessThan(
      links.indexOf('globex-pay-prod'),
    );
    expect(listClusters).toHaveBeenCalledWith({
      owner: ['group:default/team-globex'],
      orderBy: 'deadline',
      order: 'asc',
      offset: 0,
      limit: 500,
    });
    expect(listClusters).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('link', { name: /All clusters of this group/ }),
    ).toHaveAttribute(
      'href',
      '/nkp/clusters?owner=group%3Adefault%2Fteam-globex',
    );
  });

  it('says when the group owns no cluster', async () => {
    await renderView(
      card,
      mockNkpApi({ listClusters: async () => clusterPage([]) }),
    );
    expect(
      await screen.findByText(/No NKP clusters are owned by this group/),
    ).toBeInTheDocument();
  });

  it('shows progress and errors', async () => {
    const loading = await renderView(card, mockNkpApi({ listClusters: never }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    loading.unmount();
    await renderView(
      card,
      mockNkpApi({
        listClusters: async () => {
          throw new Error('backend down');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the NKP deadlines: backend down/),
    ).toBeInTheDocument();
  });
});
