import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  globexDr,
  globexProd,
  globexStaging,
  mockNkpApi,
  never,
  platformMgmt,
  requestedByAlice,
  responseError,
  clusterPage,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { MyDeadlines } from './MyDeadlines';

const byOwner: Record<string, (typeof globexDr)[]> = {
  'group:default/team-globex': [globexProd, globexDr, globexStaging],
  'group:default/platform-team': [platformMgmt],
  'user:default/me': [],
};

/**
 * Answers like the backend: clusters of any of the owners, paged. `pageSize` caps a page below
 * the requested limit, to make the fleet span several pages.
 */
const api = (overrides = {}, pageSize = Infinity) =>
  mockNkpApi({
    listClusters: jest.fn(async query => {
      const all = ([] as string[])
        .concat(query?.owner ?? [])
        .flatMap(owner => byOwner[owner] ?? []);
      const offset = query?.offset ?? 0;
      const items = all.slice(
        offset,
        offset + Math.min(pageSize, query?.limit ?? Infinity),
      );
      return { ...clusterPage(items, all.length), offset };
    }),
    ...overrides,
  });

const myRefs = [
  'user:default/me',
  'group:default/team-globex',
  'group:default/platform-team',
];

describe('MyDeadlines', () => {
  it('lists the clusters of all my groups, most urgent first, with days left, path and reasons', async () => {
    const nkpApi = api();
    await renderView(<MyDeadlines />, nkpApi, { ownershipEntityRefs: myRefs });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual([
      'globex-pay-dr',
      'nkp-mgmt',
      'globex-pay-prod',
      'globex-pay-staging',
    ]);
    expect(rows[0]).toHaveTextContent('out of support now');
    expect(rows[0]).toHaveTextContent(
      'NKP 2.17Kubernetes 1.34via NKP 2.16 → NKP 2.17',
    );
    expect(
      within(rows[0]).getByLabelText(
        'Upgrade path: NKP 2.16 (Kubernetes 1.33), then NKP 2.17 (Kubernetes 1.34)',
      ),
    ).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent(
      "2 minors behind management cluster 'demo-nkp-mgmt'",
    );
    expect(rows[1]).toHaveTextContent('24 days left');
    expect(rows[3]).toHaveTextContent('Nothing due.');
    expect(screen.getByText(/3 of 4 clusters need action/)).toBeInTheDocument();
    // One request for all ownership refs, through the backend's owner filter
    expect(nkpApi.listClusters).toHaveBeenCalledWith({
      owner: myRefs,
      orderBy: 'deadline',
      order: 'asc',
      offset: 0,
      limit: 500,
    });
    expect(nkpApi.listClusters).toHaveBeenCalledTimes(1);
  });

  it('asks for further pages while there are more clusters than one answer holds', async () => {
    const nkpApi = api({}, 3);
    await renderView(<MyDeadlines />, nkpApi, { ownershipEntityRefs: myRefs });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(4);
    expect(
      (nkpApi.listClusters as jest.Mock).mock.calls.map(([q]) => [
        q.owner,
        q.offset,
      ]),
    ).toEqual([
      [myRefs, 0],
      [myRefs, 3],
    ]);
  });

  it('asks for nothing when the user owns nothing, rather than for the whole fleet', async () => {
    const nkpApi = api();
    await renderView(<MyDeadlines />, nkpApi, { ownershipEntityRefs: [] });
    expect(
      await screen.findByText('No clusters owned by your groups'),
    ).toBeInTheDocument();
    expect(screen.getByText(/not a member of any group/)).toBeInTheDocument();
    expect(nkpApi.listClusters).not.toHaveBeenCalled();
  });

  it('explains an empty list with the groups it looked at', async () => {
    await renderView(<MyDeadlines />, api(), {
      ownershipEntityRefs: ['user:default/me', 'group:default/team-nobody'],
    });
    expect(
      await screen.findByText('No clusters owned by your groups'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/You are a member of team-nobody/),
    ).toBeInTheDocument();
  });

  it('shows progress and errors', async () => {
    const loading = await renderView(
      <MyDeadlines />,
      api({ listClusters: never }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    loading.unmount();
    await renderView(
      <MyDeadlines />,
      api({
        listClusters: async () => {
          throw new Error('backend down');
        },
      }),
    );
    expect(
      await screen.findByText(
        /Could not load your upgrade deadlines: backend down/,
      ),
    ).toBeInTheDocument();
  });

  it('requests an exception, showing the backend validation next to the field', async () => {
    const user = userEvent.setup();
    const tooShort = await responseError(
      400,
      'InputError',
      'Invalid exception request: reason: must say why, in at least 10 characters',
      [{ field: 'reason', message: 'must say why, in at least 10 characters' }],
    );
    const requestException = jest
      .fn()
      .mockRejectedValueOnce(tooShort)
      .mockResolvedValueOnce(requestedByAlice);
    const { alertApi } = await renderView(
      <MyDeadlines />,
      api({ requestException }),
    );

    await user.click(
      await screen.findByRole('button', {
        name: 'Request exception for globex-pay-dr',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Request an exception for globex-pay-dr',
    });
    const reason = within(dialog).getByLabelText(/Reason/);
    await user.type(reason, 'freeze');
    await user.click(
      within(dialog).getByRole('button', { name: 'Request exception' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Invalid exception request: reason: must say why, in at least 10 characters',
    );
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(
      'must say why, in at least 10 characters',
    );

    await user.type(reason, ' until the end of the quarter');
    await user.click(
      within(dialog).getByRole('radio', {
        name: 'Every cluster of team-globex',
      }),
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Request exception' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(requestException).toHaveBeenLastCalledWith({
      target: { owner: 'group:default/team-globex' },
      reason: 'freeze until the end of the quarter',
      expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
  });

  it('offers no exception request without nkp.exception.request', async () => {
    await renderView(<MyDeadlines />, api(), {
      deny: ['nkp.exception.request'],
    });
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Request an exception/ }),
    ).not.toBeInTheDocument();
  });
});
