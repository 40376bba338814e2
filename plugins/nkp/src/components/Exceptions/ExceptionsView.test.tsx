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

  describe('rejecting and revoking', () => {
    const expired = {
      ...approved,
      id: 'exc-4',
      target: { cluster: 'resource:default/demo-acme-old' },
      evaluation: {
        id: 'exc-4',
        status: 'expired' as const,
        endsOn: '2026-11-01',
        capped: false,
      },
    };
    const revoked = {
      ...approved,
      id: 'exc-5',
      target: { cluster: 'resource:default/demo-acme-gone' },
      status: 'revoked' as const,
      revokedBy: 'user:default/lead',
      revokedAt: '2026-11-15T10:00:00Z',
      revocationReason: 'Certified after all',
      notApprovableBecause: 'already-revoked' as const,
      evaluation: undefined,
    };
    const all = [requestedByAlice, approved, expired, revoked];

    it('offers Reject on requests and Revoke on approvals that still count, to approvers only', async () => {
      const { unmount } = await renderView(
        <ExceptionsView />,
        mockNkpApi({ listExceptions: async () => all }),
      );
      expect(
        await screen.findByRole('button', {
          name: 'Reject the exception for resource:default/demo-globex-pay-dr',
        }),
      ).toBeInTheDocument();
      expect(
        screen.getAllByRole('button', { name: /^Revoke the exception/ }),
      ).toHaveLength(1);
      expect(screen.getByText('revoked on 2026-11-15')).toBeInTheDocument();
      expect(screen.getByText(/Certified after all/)).toBeInTheDocument();
      unmount();

      await renderView(
        <ExceptionsView />,
        mockNkpApi({ listExceptions: async () => all }),
        { deny: ['nkp.exception.approve'] },
      );
      expect(await screen.findByText('Exceptions (4)')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Reject/ })).toBeNull();
      expect(screen.queryByRole('button', { name: /^Revoke/ })).toBeNull();
    });

    it.each([
      [
        'Reject',
        requestedByAlice,
        'rejectException',
        'Reject exception',
        'rejected',
      ],
      ['Revoke', approved, 'revokeException', 'Revoke exception', 'revoked'],
    ] as const)(
      '%ss with a reason, showing the backend’s answer on the field',
      async (label, exception, method, title, done) => {
        const user = userEvent.setup();
        const conflict = await responseError(
          400,
          'InputError',
          'Invalid rejection: reason: must say why, in at least 10 characters',
          [
            {
              field: 'reason',
              message: 'must say why, in at least 10 characters',
            },
          ],
        );
        const call = jest
          .fn()
          .mockRejectedValueOnce(conflict)
          .mockResolvedValueOnce({ ...exception, status: done });
        const listExceptions = jest.fn().mockResolvedValue([exception]);
        const { alertApi } = await renderView(
          <ExceptionsView />,
          mockNkpApi({ listExceptions, [method]: call }),
        );
        await user.click(
          await screen.findByRole('button', {
            name: `${label} the exception for resource:default/demo-globex-pay-dr`,
          }),
        );
        const dialog = await screen.findByRole('dialog', { name: title });
        expect(dialog).toHaveAccessibleDescription(
          /Payment freeze until the end of the quarter/,
        );
        const reason = within(dialog).getByLabelText(/Reason/);
        // Ten characters once trimmed pass the form; the backend has the last word
        await user.type(reason, '          x  too short?');
        await user.click(within(dialog).getByRole('button', { name: label }));
        expect(await within(dialog).findByRole('alert')).toHaveTextContent(
          'Invalid rejection',
        );
        expect(reason).toHaveAccessibleDescription(
          'must say why, in at least 10 characters',
        );
        await user.click(within(dialog).getByRole('button', { name: label }));
        await waitFor(() =>
          expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
        );
        expect(call).toHaveBeenLastCalledWith(exception.id, 'x  too short?');
        expect(alertApi.post).toHaveBeenCalledWith(
          expect.objectContaining({
            message: `Exception ${exception.id} ${done}`,
          }),
        );
        expect(listExceptions).toHaveBeenCalledTimes(2);
      },
    );
  });
});
