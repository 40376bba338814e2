import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  calendar,
  managementPlanePlan,
  mockNkpApi,
  never,
  plan,
  responseError,
} from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { UpgradePlansView } from './UpgradePlansView';

// Form tests type character by character; give them time on a busy machine.

describe('UpgradePlansView', () => {
  it('lists the plans with their blockers', async () => {
    await renderView(
      <UpgradePlansView />,
      mockNkpApi({ listPlans: async () => [plan] }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Fleet to NKP 2.17' }),
    ).toBeInTheDocument();
    expect(screen.getByText('NKP 2.17 (Kubernetes 1.34)')).toBeInTheDocument();
    expect(screen.getByText('the whole fleet')).toBeInTheDocument();
    expect(screen.getByText(/Blocked by 2 tenants/)).toBeInTheDocument();
    expect(
      screen.getByText('every cluster in scope on the target'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('11 of 14 clusters on target (79%), 3 to upgrade'),
    ).toBeInTheDocument();
  });

  it('shows a management-plane plan as the tenants’ readiness and the platform’s scheduled step', async () => {
    await renderView(
      <UpgradePlansView />,
      mockNkpApi({ listPlans: async () => [managementPlanePlan] }),
    );
    const card = await screen.findByRole('region', {
      name: 'Management plane to NKP 2.18',
    });
    expect(card).toHaveTextContent(
      'managed clusters within the managed skew of the target (management-plane upgrade)',
    );
    expect(card).toHaveTextContent(
      '3 of 4 managed clusters ready for the upgrade (75%), 1 outside the managed skew',
    );
    expect(card).toHaveTextContent(
      'demo-nkp-mgmt scheduled for NKP 2.18 by 2027-01-20',
    );
    expect(card).toHaveTextContent(/Blocked by 1 tenant \(1 cluster\)/);
    // The blockers are all that is left to do: no second list of the same clusters
    expect(card).not.toHaveTextContent('Still to upgrade');
  });

  it('offers the plan form only to those who manage plans', async () => {
    await renderView(
      <UpgradePlansView />,
      mockNkpApi({ listPlans: async () => [] }),
      {
        deny: ['nkp.upgrade-plan.manage'],
      },
    );
    expect(
      await screen.findByText('No upgrade plans announced'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Announce upgrade plan' }),
    ).not.toBeInTheDocument();
  });

  it('announces a plan, showing the backend validation under the field it concerns', async () => {
    const user = userEvent.setup();
    const invalid = await responseError(
      400,
      'InputError',
      'Invalid upgrade plan: targetVersion: must be an NKP version such as 2.17 or 2.17.1',
      [
        {
          field: 'targetVersion',
          message: 'must be an NKP version such as 2.17 or 2.17.1',
        },
      ],
    );
    const createPlan = jest
      .fn()
      .mockRejectedValueOnce(invalid)
      .mockResolvedValueOnce({ ...plan, title: 'Fleet to 2.17' });
    const listPlans = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValue([plan]);
    const { alertApi } = await renderView(
      <UpgradePlansView />,
      mockNkpApi({ listPlans, createPlan, getCalendar: async () => calendar }),
    );

    await user.click(
      await screen.findByRole('button', { name: 'Announce upgrade plan' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Announce an upgrade plan',
    });
    expect(dialog).toBeInTheDocument();

    // Empty required fields are named before anything is sent
    await user.click(screen.getByRole('button', { name: 'Announce plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please fill in the fields marked below.',
    );
    expect(
      screen.getByText('Enter the NKP version to upgrade to.'),
    ).toBeInTheDocument();
    expect(createPlan).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/Title/), 'Fleet to 2.17');
    await user.type(screen.getByLabelText(/Target NKP version/), 'latest');
    await user.type(screen.getByLabelText(/Window \(days\)/), '60');
    await user.click(screen.getByRole('button', { name: 'Announce plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Invalid upgrade plan: targetVersion: must be an NKP version such as 2.17 or 2.17.1',
    );
    const target = screen.getByLabelText(/Target NKP version/);
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(target).toHaveAccessibleDescription(
      'must be an NKP version such as 2.17 or 2.17.1',
    );

    await user.clear(target);
    await user.type(target, '2.17');
    await user.click(screen.getByRole('button', { name: 'Announce plan' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(createPlan).toHaveBeenLastCalledWith(
      expect.objectContaining({
        title: 'Fleet to 2.17',
        targetVersion: '2.17',
        windowDays: 60,
        scope: { kind: 'fleet' },
        requires: 'reach-target',
      }),
    );
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Fleet to NKP 2.17' }),
    ).toBeInTheDocument();
  });

  it('lets the platform team choose what a plan requires, the scope’s default until they do', async () => {
    const user = userEvent.setup();
    const createPlan = jest.fn().mockResolvedValue(managementPlanePlan);
    await renderView(
      <UpgradePlansView />,
      mockNkpApi({
        listPlans: async () => [],
        createPlan,
        getCalendar: async () => calendar,
      }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Announce upgrade plan' }),
    );
    const kinds = screen.getByRole('radiogroup');
    expect(kinds).toHaveAccessibleDescription(
      /Each cluster in scope below the target must be upgraded to it by the deadline. \(the default for this scope/,
    );
    const withinSkew = screen.getByRole('radio', {
      name: /Management-plane upgrade: managed clusters within the skew/,
    });
    const reachTarget = screen.getByRole('radio', {
      name: 'Every cluster in scope reaches the target',
    });
    expect(reachTarget).toBeChecked();

    // A management-cluster scope defaults to a management-plane plan
    await user.click(screen.getByRole('button', { name: /Whole fleet/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Management cluster' }),
    );
    expect(withinSkew).toBeChecked();
    expect(kinds).toHaveAccessibleDescription(
      /must be within the managed skew of the target by the deadline/,
    );

    // An explicit choice sticks, whatever the scope
    await user.click(reachTarget);
    await user.type(screen.getByLabelText(/Title/), 'Everyone on mgmt to 2.18');
    await user.type(screen.getByLabelText(/Target NKP version/), '2.18');
    await user.type(
      screen.getByLabelText(/Management cluster name/),
      'demo-nkp-mgmt',
    );
    await user.click(screen.getByRole('button', { name: 'Announce plan' }));
    await waitFor(() =>
      expect(createPlan).toHaveBeenCalledWith(
        expect.objectContaining({
          scope: { kind: 'management-cluster', name: 'demo-nkp-mgmt' },
          requires: 'reach-target',
        }),
      ),
    );
  });

  it('shows progress, then the error when the plans cannot be read', async () => {
    await renderView(<UpgradePlansView />, mockNkpApi({ listPlans: never }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the plans cannot be read', async () => {
    await renderView(
      <UpgradePlansView />,
      mockNkpApi({
        listPlans: async () => {
          throw new Error('backend down');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the upgrade plans: backend down/),
    ).toBeInTheDocument();
  });

  describe('changing and cancelling plans', () => {
    const cancelled = {
      ...plan,
      id: 'plan-old',
      title: 'Fleet to NKP 2.16',
      status: 'cancelled' as const,
      cancelledBy: 'user:default/platform-lead',
      cancelledAt: '2026-11-02T09:00:00Z',
      cancelReason: 'Superseded by the 2.17 plan',
      deadline: undefined,
      inScope: 0,
      pendingClusters: [],
      blockingClusters: [],
    };

    it('offers Change and Cancel on active plans to plan managers only', async () => {
      const { unmount } = await renderView(
        <UpgradePlansView />,
        mockNkpApi({ listPlans: async () => [cancelled, plan] }),
      );
      expect(
        await screen.findByRole('button', {
          name: 'Change the plan Fleet to NKP 2.17',
        }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', {
          name: 'Cancel the plan Fleet to NKP 2.17',
        }),
      ).toBeInTheDocument();
      // A cancelled plan: who, when and why, and nothing to change
      const old = screen.getByRole('region', {
        name: 'Fleet to NKP 2.16 (cancelled)',
      });
      expect(old).toHaveTextContent(
        'Cancelled on 2026-11-02 by platform-lead: “Superseded by the 2.17 plan”',
      );
      expect(old).not.toHaveTextContent('Blocked by');
      expect(within(old).queryByRole('button')).not.toBeInTheDocument();
      unmount();

      await renderView(
        <UpgradePlansView />,
        mockNkpApi({ listPlans: async () => [cancelled, plan] }),
        { deny: ['nkp.upgrade-plan.manage'] },
      );
      expect(
        await screen.findByRole('heading', { name: 'Fleet to NKP 2.17' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: /^Change the plan/ }),
      ).toBeNull();
      expect(
        screen.queryByRole('button', { name: /^Cancel the plan/ }),
      ).toBeNull();
    });

    it('changes only what was changed, showing the field error of the backend', async () => {
      const user = userEvent.setup();
      const notInCalendar = await responseError(
        400,
        'InputError',
        'Invalid upgrade plan change: targetVersion: NKP 2.99 is not in the release calendar (known: 2.16, 2.17)',
        [
          {
            field: 'targetVersion',
            message:
              'NKP 2.99 is not in the release calendar (known: 2.16, 2.17)',
          },
        ],
      );
      const changePlan = jest
        .fn()
        .mockRejectedValueOnce(notInCalendar)
        .mockResolvedValueOnce({ ...plan, windowDays: 120 });
      const { alertApi } = await renderView(
        <UpgradePlansView />,
        mockNkpApi({ listPlans: async () => [plan], changePlan }),
      );
      await user.click(
        await screen.findByRole('button', {
          name: 'Change the plan Fleet to NKP 2.17',
        }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Change the upgrade plan',
      });
      const target = within(dialog).getByLabelText(/Target NKP version/);
      expect(target).toHaveValue('2.17');
      await user.clear(target);
      await user.type(target, '2.99');
      await user.click(
        within(dialog).getByRole('button', { name: 'Save changes' }),
      );
      expect(changePlan).toHaveBeenLastCalledWith(plan.id, {
        targetVersion: '2.99',
      });
      expect(target).toHaveAttribute('aria-invalid', 'true');
      expect(target).toHaveAccessibleDescription(
        'NKP 2.99 is not in the release calendar (known: 2.16, 2.17)',
      );

      await user.clear(target);
      await user.type(target, '2.17');
      const window = within(dialog).getByLabelText(/Window \(days\)/);
      await user.clear(window);
      await user.type(window, '120');
      expect(window).toHaveAccessibleDescription(/^Deadline \d{4}-\d\d-\d\d$/);
      await user.click(
        within(dialog).getByRole('button', { name: 'Save changes' }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(changePlan).toHaveBeenLastCalledWith(plan.id, { windowDays: 120 });
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ severity: 'success' }),
      );
    });

    it('cancels a plan with a reason, from the keyboard', async () => {
      const user = userEvent.setup();
      const cancelPlan = jest
        .fn()
        .mockResolvedValue({ ...plan, status: 'cancelled' });
      const listPlans = jest.fn().mockResolvedValue([plan]);
      await renderView(
        <UpgradePlansView />,
        mockNkpApi({ listPlans, cancelPlan }),
      );
      const button = await screen.findByRole('button', {
        name: 'Cancel the plan Fleet to NKP 2.17',
      });
      button.focus();
      await user.keyboard('{Enter}');
      const dialog = await screen.findByRole('dialog', {
        name: 'Cancel "Fleet to NKP 2.17"',
      });
      expect(dialog).toHaveAccessibleDescription(/stops counting at once/);
      // The reason is the first field; too short a reason is named before anything is sent
      const reason = within(dialog).getByLabelText(/Reason/);
      await user.tab();
      expect(reason).toHaveFocus();
      await user.keyboard('no');
      await user.click(
        within(dialog).getByRole('button', { name: 'Cancel plan' }),
      );
      expect(reason).toHaveAccessibleDescription(
        'Say why, in at least 10 characters.',
      );
      expect(cancelPlan).not.toHaveBeenCalled();

      await user.clear(reason);
      await user.type(reason, 'The vendor withdrew 2.17');
      await user.click(
        within(dialog).getByRole('button', { name: 'Cancel plan' }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(cancelPlan).toHaveBeenCalledWith(
        plan.id,
        'The vendor withdrew 2.17',
      );
      expect(listPlans).toHaveBeenCalledTimes(2);

      // Keep the plan closes without cancelling
      await user.click(button);
      await user.click(
        within(await screen.findByRole('dialog')).getByRole('button', {
          name: 'Keep the plan',
        }),
      );
      expect(cancelPlan).toHaveBeenCalledTimes(1);
    });
  });

  describe('announcing a plan in the past', () => {
    const daysAgo = (n: number) =>
      new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

    async function openForm(createPlan: jest.Mock) {
      const user = userEvent.setup();
      await renderView(
        <UpgradePlansView />,
        mockNkpApi({
          listPlans: async () => [],
          createPlan,
          getCalendar: async () => calendar,
        }),
      );
      await user.click(
        await screen.findByRole('button', { name: 'Announce upgrade plan' }),
      );
      await user.type(screen.getByLabelText(/Title/), 'Fleet to 2.17');
      await user.type(screen.getByLabelText(/Target NKP version/), '2.17');
      return user;
    }

    it('asks for the backdated flag only beyond 3 days back, explains it, and sends it', async () => {
      const createPlan = jest.fn().mockResolvedValue(plan);
      const user = await openForm(createPlan);
      const announced = screen.getByLabelText(/Announced on/);
      expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();

      await user.clear(announced);
      await user.type(announced, daysAgo(3));
      expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();

      await user.clear(announced);
      await user.type(announced, daysAgo(10));
      const flag = screen.getByRole('checkbox', {
        name: 'Backdated: it was announced 10 days ago',
      });
      expect(flag).toHaveAccessibleDescription(
        /gives every owner in scope, at once, the reminders/,
      );
      expect(flag).not.toBeChecked();
      await user.click(flag);
      await user.click(screen.getByRole('button', { name: 'Announce plan' }));
      await waitFor(() =>
        expect(createPlan).toHaveBeenCalledWith(
          expect.objectContaining({
            announcedAt: daysAgo(10),
            backdated: true,
          }),
        ),
      );
    });

    it('shows the backend’s refusal of an unflagged old date on the date field', async () => {
      const message = `${daysAgo(10)} is 10 days before today (${daysAgo(
        0,
      )}); set backdated: true to announce a plan in the past`;
      const createPlan = jest
        .fn()
        .mockRejectedValue(
          await responseError(
            400,
            'InputError',
            `Invalid upgrade plan: announcedAt: ${message}`,
            [{ field: 'announcedAt', message }],
          ),
        );
      const user = await openForm(createPlan);
      const announced = screen.getByLabelText(/Announced on/);
      await user.clear(announced);
      await user.type(announced, daysAgo(10));
      await user.click(screen.getByRole('button', { name: 'Announce plan' }));
      await waitFor(() =>
        expect(announced).toHaveAttribute('aria-invalid', 'true'),
      );
      expect(announced).toHaveAccessibleDescription(message);
      expect(createPlan).toHaveBeenCalledWith(
        expect.not.objectContaining({ backdated: expect.anything() }),
      );
    });
  });
});
