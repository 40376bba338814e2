import { renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { NkpClusterCard } from './NkpClusterCard';

describe('NkpClusterCard', () => {
  it('shows the NKP facts of the cluster and says unknown where they are missing', async () => {
    await renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'demo-acme-prod',
            annotations: {
              'nkp-lifecycle.io/source': 'demo',
              'nkp-lifecycle.io/kubernetes-version': '1.33.2',
              'nkp-lifecycle.io/cluster-type': 'managed',
              'nkp-lifecycle.io/projects': 'storefront,checkout',
            },
          },
          spec: { type: 'kubernetes-cluster', owner: 'team-acme' },
        }}
      >
        <NkpClusterCard />
      </EntityProvider>,
    );
    expect(screen.getByText('NKP cluster')).toBeInTheDocument();
    expect(screen.getByText('1.33.2')).toBeInTheDocument();
    expect(screen.getByText('managed')).toBeInTheDocument();
    expect(screen.getByText('storefront, checkout')).toBeInTheDocument();
    // No NKP version annotation: say so rather than show a blank
    expect(screen.getByText('unknown')).toBeInTheDocument();
  });
});
