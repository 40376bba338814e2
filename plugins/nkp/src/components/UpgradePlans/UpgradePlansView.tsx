import { EmptyState, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { nkpUpgradePlanManagePermission } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpPlanView } from '../../api/types';
import { ChangePlanDialog } from './ChangePlanDialog';
import { CreatePlanDialog } from './CreatePlanDialog';
import { ReasonDialog } from '../common/ReasonDialog';
import { UpgradePlanCard } from './UpgradePlanCard';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

/** The plans, newest announcement first, one card each. */
export const UpgradePlanList = ({
  plans,
  today,
  actionsFor,
}: {
  plans: NkpPlanView[];
  today?: string;
  /** The buttons beside a plan's title, if any. */
  actionsFor?: (plan: NkpPlanView) => ReactNode;
}) => (
  <Grid container spacing={2}>
    {[...plans].reverse().map(plan => (
      <Grid item xs={12} key={plan.id}>
        <UpgradePlanCard
          plan={plan}
          today={today}
          actions={actionsFor?.(plan)}
        />
      </Grid>
    ))}
  </Grid>
);

/**
 * The upgrade plans tab: every plan with its progress and blockers, and for plan managers
 * (`nkp.upgrade-plan.manage`) the form that announces a new one and, on each active plan,
 * Change and Cancel. Others see neither; the backend refuses them anyway.
 */
export const UpgradePlansView = () => {
  const nkpApi = useApi(nkpApiRef);
  const alertApi = useApi(alertApiRef);
  const canManage = usePermission({
    permission: nkpUpgradePlanManagePermission,
  });
  const plans = useAsyncRetry(() => nkpApi.listPlans(), [nkpApi]);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<NkpPlanView>();
  const [cancelling, setCancelling] = useState<NkpPlanView>();
  const done = (message: string) => {
    setChanging(undefined);
    setCancelling(undefined);
    alertApi.post({ message, severity: 'success', display: 'transient' });
    plans.retry();
  };
  const actionsFor = (plan: NkpPlanView) =>
    canManage.allowed && plan.status === 'active' ? (
      <>
        <Button
          size="small"
          variant="outlined"
          aria-label={`Change the plan ${plan.title}`}
          onClick={() => setChanging(plan)}
        >
          Change
        </Button>
        <Button
          size="small"
          variant="outlined"
          aria-label={`Cancel the plan ${plan.title}`}
          onClick={() => setCancelling(plan)}
        >
          Cancel plan
        </Button>
      </>
    ) : undefined;

  let body: JSX.Element;
  if (plans.loading && !plans.value) {
    body = <Progress aria-label="Loading upgrade plans" />;
  } else if (plans.error) {
    body = (
      <NkpErrorPanel
        error={plans.error}
        title="Could not load the upgrade plans"
      />
    );
  } else if (!plans.value?.length) {
    body = (
      <EmptyState
        missing="data"
        title="No upgrade plans announced"
        description={
          canManage.allowed
            ? 'Announce a target NKP version with a date: every cluster in scope below it gets a deadline, and this page shows who still has to upgrade and who blocks the management plane.'
            : 'When the platform team announces an upgrade, its target, deadline and progress appear here.'
        }
      />
    );
  } else {
    body = <UpgradePlanList plans={plans.value} actionsFor={actionsFor} />;
  }

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={2}
      >
        <Typography variant="h5" component="h2">
          Upgrade plans
        </Typography>
        {canManage.allowed && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setCreating(true)}
          >
            Announce upgrade plan
          </Button>
        )}
      </Box>
      {body}
      {creating && (
        <CreatePlanDialog
          onClose={() => setCreating(false)}
          onCreated={plan => {
            setCreating(false);
            alertApi.post({
              message: `Upgrade plan "${plan.title}" announced; deadline ${
                plan.deadline ?? 'unknown'
              }`,
              severity: 'success',
              display: 'transient',
            });
            plans.retry();
          }}
        />
      )}
      {changing && (
        <ChangePlanDialog
          plan={changing}
          onClose={() => setChanging(undefined)}
          onChanged={plan =>
            done(
              `Upgrade plan "${plan.title}" changed; deadline ${
                plan.deadline ?? 'unknown'
              }`,
            )
          }
        />
      )}
      {cancelling && (
        <ReasonDialog
          title={`Cancel "${cancelling.title}"`}
          description="The plan stays on this page, marked cancelled with your reason, and stops counting at once: no more deadlines, reminders or blockers for the clusters in its scope."
          label="Cancel plan"
          busyLabel="Cancelling…"
          dismissLabel="Keep the plan"
          onSubmit={reason => nkpApi.cancelPlan(cancelling.id, reason)}
          onClose={() => setCancelling(undefined)}
          onDone={plan => done(`Upgrade plan "${plan.title}" cancelled`)}
        />
      )}
    </>
  );
};
