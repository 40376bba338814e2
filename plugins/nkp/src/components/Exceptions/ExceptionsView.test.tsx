import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  approved,
  mockNkpApi,
  never,
  requestedByAlice,
  requestedByMe,
  responseError,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { ExceptionsView } from './ExceptionsView';

const exceptions = [requestedByAlice, requestedByMe, approved];

// Form tests type character by character; give them time on a busy machine.

describe('ExceptionsView', () => {
  it('lists exceptions with their target, rule, requester and where they stand', async () => {
    await renderView(
      <ExceptionsView />,
      mockNkpApi({ listExceptions: async () => exceptions }),
    );
    expect(await screen.findByText('Exceptions (3)')).toBeInTheDocument();
    expect(screen.getAllByText('awaiting approval')).toHaveLength(2);
    expect(screen.getByText('active until 2026-12-31')).toBeInTheDocument();
    expect(
      screen.getByText('Upstream Kubernetes end of life'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('every rule')).toHaveLength(2);
  });

  it('lets approvers approve what the backend says they may, and says why not on their own request', async () => {
    await renderView(
      <ExceptionsView />,
      mockNkpApi({ listExceptions: async () => exceptions }),
    );
    const alices = await screen.findByRole('button', {
      name: 'Approve the exception for resource:default/demo-globex-pay-dr',
    });
    expect(alices).toBeEnabled();
    expect(
      screen.getByRole('button', {
        name: 'Approve the exception for group:default/team-initech',
      }),
    ).toBeDisabled();
    expect(
      screen.getByText('You requested it; someone else approves.'),
    ).toBeInTheDocument();
    // Approved ones have nothing to approve
    expect(
      screen.getAllByRole('button', { name: /^Approve the exception/ }),
    ).toHaveLength(2);
  });

  it('lets the requester approve their own request where the backend allows self-approval', async () => {
    await renderView(
      <ExceptionsView />,
      mockNkpApi({
        listExceptions: async () => [
          {
            ...requestedByMe,
            approvable: true,
            notApprovableBecause: undefined,
          },
        ],
      }),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Approve the exception for group:default/team-initech',
      }),
    ).toBeEnabled();
    expect(
      screen.queryByText('You requested it; someone else approves.'),
    ).not.toBeInTheDocument();
  });

  it("follows the backend where it refuses someone else's request", async () => {
    await renderView(
      <ExceptionsView />,
      mockNkpApi({
        listExceptions: async () => [
          {
            ...requestedByAlice,
            approvable: false,
            notApprovableBecause: 'missing-permission',
          },
        ],
      }),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Approve the exception for resource:default/demo-globex-pay-dr',
      }),
    ).toBeDisabled();
    expect(
      screen.getByText('Approving needs nkp.exception.approve.'),
    ).toBeInTheDocument();
  });

  it('hides the approve action from those without nkp.exception.approve', async () => {
    await renderView(
      <ExceptionsView />,
      mockNkpApi({ listExceptions: async () => exceptions }),
      {
        deny: ['nkp.exception.approve'],
      },
    );
    expect(await screen.findByText('Exceptions (3)')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Approve/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/approved by the platform team/),
    ).toBeInTheDocument();
  });

  it('approves with an optional comment and shows a refusal from the backend', async () => {
    const user = userEvent.setup();
    const refused = await responseError(
      409,
      'ConflictError',
      'Exception exc-1 is already approved',
    );
    const approveException = jest
      .fn()
      .mockRejectedValueOnce(refused)
      .mockResolvedValueOnce({ ...requestedByAlice, status: 'approved' });
    const listExceptions = jest
      .fn()
      .mockResolvedValueOnce(exceptions)
      .mockResolvedValue([approved]);
    const { alertApi } = await renderView(
      <ExceptionsView />,
      mockNkpApi({ listExceptions, approveException }),
    );
    await user.click(
      await screen.findByRole('button', {
        name: 'Approve the exception for resource:default/demo-globex-pay-dr',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Approve exception',
    });
    await user.type(
      within(dialog).getByLabelText('Comment (audit log)'),
      'Quarter-end freeze, fine',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Exception exc-1 is already approved',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(approveException).toHaveBeenLastCalledWith('exc-1', {
      comment: 'Quarter-end freeze, fine',
    });
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
    expect(listExceptions).toHaveBeenCalledTimes(2);
  });

  it('has loading, empty and error states', async () => {
    const { unmount } = await renderView(
      <ExceptionsView />,
      mockNkpApi({ listExceptions: never }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    unmount();

    const empty = await renderView(
      <ExceptionsView />,
      mockNkpApi({ listExceptions: async () => [] }),
    );
    expect(await screen.findByText('No exceptions')).toBeInTheDocument();
    empty.unmount();

    await renderView(
      <ExceptionsView />,
      mockNkpApi({
        listExceptions: async () => {
          throw new Error('timeout');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the exceptions: timeout/),
    ).toBeInTheDocument();
  });
});
