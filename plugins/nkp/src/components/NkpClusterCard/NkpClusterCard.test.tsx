import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import {
  globexDr,
  scheduledMgmt,
  mockNkpApi,
  never,
  requestedByAlice,
  responseError,
  clusterDetail,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { NkpClusterCard } from './NkpClusterCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'demo-globex-pay-dr',
    namespace: 'default',
    annotations: {
      'nkp-lifecycle.io/source': 'demo',
      'nkp-lifecycle.io/kubernetes-version': '1.32.3',
      'nkp-lifecycle.io/cluster-type': 'managed',
      'nkp-lifecycle.io/projects': 'payments-core,reporting',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'team-globex' },
};

const card = (
  <EntityProvider entity={entity}>
    <NkpClusterCard />
  </EntityProvider>
);

describe('NkpClusterCard', () => {
  it('shows the policy state, deadline, target, upgrade path, reasons and exceptions', async () => {
    const getCluster = jest.fn(async () =>
      clusterDetail(globexDr, [requestedByAlice]),
    );
    await renderView(card, mockNkpApi({ getCluster }));
    const findings = await screen.findByRole('list', {
      name: 'Policy findings',
    });
    expect(getCluster).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'demo-globex-pay-dr',
    });
    expect(screen.getAllByText('unsupported').length).toBeGreaterThan(0);
    expect(screen.getByText('NKP 2.17 / Kubernetes 1.34')).toBeInTheDocument();
    expect(
      screen.getByText(
        'NKP 2.16 (Kubernetes 1.33) → NKP 2.17 (Kubernetes 1.34)',
      ),
    ).toBeInTheDocument();
    // Worst first
    const items = within(findings).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      /unsupported.*Managed skew.*2 minors behind/,
    );
    expect(items[1]).toHaveTextContent(/compliant/);
    expect(screen.getByRole('list', { name: 'Exceptions' })).toHaveTextContent(
      /awaiting approval.*Payment freeze/,
    );
    expect(
      screen.getByRole('button', { name: 'Request exception' }),
    ).toBeInTheDocument();
  });

  it('shows what the platform team has scheduled for a management cluster, not a failure', async () => {
    await renderView(
      card,
      mockNkpApi({
        getCluster: async () => clusterDetail(scheduledMgmt),
      }),
    );
    expect(
      await screen.findByText('NKP 2.18 / Kubernetes 1.35 by 2027-01-20'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Scheduled for$/i)).toBeInTheDocument();
    const findings = screen.getByRole('list', { name: 'Policy findings' });
    expect(findings).toHaveTextContent(
      /compliant.*the platform team’s step, scheduled by 2027-01-20.*scheduled for NKP 2.18 by 2027-01-20/,
    );
    // Nothing to request an exception for
    expect(
      screen.queryByRole('button', { name: 'Request exception' }),
    ).not.toBeInTheDocument();
  });

  it('keeps the NKP facts when the policy is not available', async () => {
    const notFound = await responseError(
      404,
      'NotFoundError',
      'No NKP cluster resource:default/demo-globex-pay-dr',
    );
    await renderView(
      card,
      mockNkpApi({
        getCluster: async () => {
          throw notFound;
        },
      }),
    );
    expect(
      await screen.findByText(/Policy state unavailable/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/has not evaluated this cluster yet/),
    ).toBeInTheDocument();
    expect(screen.getByText('NKP cluster')).toBeInTheDocument();
    expect(screen.getByText('1.32.3')).toBeInTheDocument();
    expect(screen.getByText('managed')).toBeInTheDocument();
    expect(screen.getByText('payments-core, reporting')).toBeInTheDocument();
    // No NKP version annotation: say so rather than show a blank
    expect(screen.getByText('unknown')).toBeInTheDocument();
  });

  it('shows progress while the policy loads', async () => {
    await renderView(card, mockNkpApi({ getCluster: never }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.getByText('1.32.3')).toBeInTheDocument();
  });

  it('offers no exception request without nkp.exception.request', async () => {
    await renderView(
      card,
      mockNkpApi({ getCluster: async () => clusterDetail(globexDr) }),
      {
        deny: ['nkp.exception.request'],
      },
    );
    expect(
      await screen.findByRole('list', { name: 'Policy findings' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request exception' }),
    ).not.toBeInTheDocument();
  });
});
