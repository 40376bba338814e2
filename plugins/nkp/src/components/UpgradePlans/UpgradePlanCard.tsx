import {
  StatusAborted,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  UpgradePlanRequirement,
  UpgradePlanScope,
  daysBetween,
  plural,
  utcDay,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ComponentType, PropsWithChildren, ReactNode } from 'react';
import { NkpPlanView } from '../../api/types';
import { describeDays } from '../common/format';

const useStyles = makeStyles(theme => ({
  plan: { padding: theme.spacing(2) },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  actions: { display: 'flex', gap: theme.spacing(1) },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    margin: theme.spacing(1, 0, 2),
  },
  progress: { height: 10, borderRadius: 5 },
  blockers: {
    marginTop: theme.spacing(2),
    padding: theme.spacing(1.5),
    borderLeft: `4px solid ${theme.palette.status.warning}`,
    backgroundColor: theme.palette.background.default,
  },
  steps: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
  refs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(0.5, 0),
  },
}));

type Label = ComponentType<PropsWithChildren<{ 'aria-hidden'?: boolean }>>;
const Ok = StatusOK as Label;
const Warning = StatusWarning as Label;
const Aborted = StatusAborted as Label;

export function describeScope(scope: UpgradePlanScope): string {
  switch (scope.kind) {
    case 'fleet':
      return 'the whole fleet';
    case 'management-cluster':
      return `management cluster ${scope.name} and its clusters`;
    default:
      return `workspace ${scope.name}`;
  }
}

/** What a plan asks of the clusters it concerns, in a few words. */
export function describeRequirement(requires: UpgradePlanRequirement): string {
  return requires === 'within-skew'
    ? 'managed clusters within the managed skew of the target (management-plane upgrade)'
    : 'every cluster in scope on the target';
}

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Typography variant="caption" color="textSecondary" component="div">
      {label}
    </Typography>
    <Typography variant="body1" component="div">
      {children}
    </Typography>
  </div>
);

const RefList = ({
  refs,
  kind,
  max = 12,
}: {
  refs: string[];
  kind: string;
  max?: number;
}) => {
  const classes = useStyles();
  return (
    <div className={classes.refs}>
      {refs.slice(0, max).map(ref => (
        <EntityRefLink key={ref} entityRef={ref} defaultKind={kind} />
      ))}
      {refs.length > max && <span>and {refs.length - max} more</span>}
    </div>
  );
};

/** How far an active plan has come, who blocks it, and the platform team's step. */
const ActivePlanProgress = ({
  plan,
  progress,
}: {
  plan: NkpPlanView;
  progress: string;
}) => {
  const classes = useStyles();
  const headingId = `nkp-plan-${plan.id}`;
  const unknown = plan.unknownClusters.length;
  const percent = progressPercent(plan);
  const blockingOwners = plan.blockingTenants.owners;
  const managementPlane = plan.requires === 'within-skew';
  const nonBlocking = plan.pendingClusters.filter(
    c => !plan.blockingClusters.includes(c),
  );
  return (
    <>
      <Typography variant="body2" id={`${headingId}-progress`} gutterBottom>
        {progress}
        {unknown > 0 && `, ${unknown} unknown`}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        className={classes.progress}
        aria-labelledby={`${headingId}-progress`}
      />
      {managementPlane && (
        <Box mt={2}>
          <Typography variant="caption" color="textSecondary">
            Platform team’s step
          </Typography>
          {plan.platformSteps.length ? (
            <ul className={classes.steps}>
              {plan.platformSteps.map(step => (
                <li key={step.entityRef}>
                  <EntityRefLink
                    entityRef={step.entityRef}
                    defaultKind="resource"
                  />{' '}
                  {step.done
                    ? `is on NKP ${plan.targetVersion}: done`
                    : `scheduled for NKP ${plan.targetVersion} by ${
                        plan.deadline ?? 'the deadline'
                      }`}
                </li>
              ))}
            </ul>
          ) : (
            <Typography variant="body2">
              No management cluster of this plan is in the fleet you can see.
            </Typography>
          )}
        </Box>
      )}
      {plan.blockingClusters.length > 0 ? (
        <div className={classes.blockers}>
          <Warning aria-hidden={false}>
            Blocked by{' '}
            {blockingOwners.length
              ? plural(blockingOwners.length, 'tenant')
              : 'unowned clusters'}{' '}
            ({plural(plan.blockingClusters.length, 'cluster')}): the management
            plane cannot move to NKP {plan.targetVersion} until they upgrade
          </Warning>
          {blockingOwners.length > 0 && (
            <Box mt={1}>
              <Typography variant="caption" color="textSecondary">
                Tenants
              </Typography>
              <RefList refs={blockingOwners} kind="group" />
            </Box>
          )}
          <Typography variant="caption" color="textSecondary">
            Blocking clusters
          </Typography>
          <RefList refs={plan.blockingClusters} kind="resource" />
        </div>
      ) : (
        <Box mt={2}>
          <Ok aria-hidden={false}>
            Nothing blocks the management-plane upgrade
          </Ok>
        </Box>
      )}
      {nonBlocking.length > 0 && (
        <Box mt={2}>
          <Typography variant="caption" color="textSecondary">
            Still to upgrade (not blocking)
          </Typography>
          <RefList refs={nonBlocking} kind="resource" />
        </Box>
      )}
      {unknown > 0 && (
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            Version unknown (cannot be compared with the target)
          </Typography>
          <RefList refs={plan.unknownClusters} kind="resource" />
        </Box>
      )}
    </>
  );
};

function progressPercent(plan: NkpPlanView): number {
  const done = Math.max(
    0,
    plan.inScope - plan.pendingClusters.length - plan.unknownClusters.length,
  );
  return plan.inScope > 0 ? Math.round((done / plan.inScope) * 100) : 100;
}

/**
 * One upgrade plan: its target, what it requires and its deadline, how far the clusters it
 * concerns have come, who holds the management-plane upgrade back (the tenants whose clusters
 * would fall out of the managed skew once the management cluster moves) and, for a
 * management-plane plan, the platform team's own step. A cancelled plan shows who cancelled it,
 * when and why, and nothing it no longer asks. `actions` (Change, Cancel) sit beside the title.
 */
export const UpgradePlanCard = ({
  plan,
  today = utcDay(),
  actions,
}: {
  plan: NkpPlanView;
  today?: string;
  actions?: ReactNode;
}) => {
  const classes = useStyles();
  const pending = plan.pendingClusters.length;
  const done = Math.max(
    0,
    plan.inScope - pending - plan.unknownClusters.length,
  );
  const percent = progressPercent(plan);
  const headingId = `nkp-plan-${plan.id}`;
  const managementPlane = plan.requires === 'within-skew';
  const progress = managementPlane
    ? `${done} of ${plural(
        plan.inScope,
        'managed cluster',
      )} ready for the upgrade (${percent}%)${
        pending > 0 ? `, ${pending} outside the managed skew` : ''
      }`
    : `${done} of ${plural(plan.inScope, 'cluster')} on target (${percent}%)${
        pending > 0 ? `, ${pending} to upgrade` : ''
      }`;

  return (
    <Paper
      variant="outlined"
      className={classes.plan}
      component="section"
      aria-labelledby={headingId}
    >
      <div className={classes.heading}>
        <Typography variant="h6" component="h3" id={headingId}>
          {plan.title}
          {plan.status === 'cancelled' && ' (cancelled)'}
        </Typography>
        {actions && <div className={classes.actions}>{actions}</div>}
      </div>
      <div className={classes.facts}>
        <Fact label="Target">
          NKP {plan.targetVersion}
          {plan.targetKubernetesMinor &&
            ` (Kubernetes ${plan.targetKubernetesMinor})`}
        </Fact>
        <Fact label="Scope">{describeScope(plan.scope)}</Fact>
        <Fact label="Requires">{describeRequirement(plan.requires)}</Fact>
        <Fact label="Announced">{plan.announcedAt?.slice(0, 10) ?? '—'}</Fact>
        <Fact label="Deadline">
          {plan.deadline
            ? `${plan.deadline} (${describeDays(
                daysBetween(today, plan.deadline),
              )})`
            : '—'}
        </Fact>
      </div>
      {plan.status === 'cancelled' ? (
        <Aborted aria-hidden={false}>
          Cancelled on {plan.cancelledAt?.slice(0, 10)} by{' '}
          {plan.cancelledBy?.startsWith('user:') ? (
            <EntityRefLink entityRef={plan.cancelledBy} />
          ) : (
            plan.cancelledBy
          )}
          : “{plan.cancelReason}”. It asks nothing of any cluster any more.
        </Aborted>
      ) : (
        <ActivePlanProgress plan={plan} progress={progress} />
      )}
    </Paper>
  );
};
