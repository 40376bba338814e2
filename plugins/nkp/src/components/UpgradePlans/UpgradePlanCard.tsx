import { StatusOK, StatusWarning } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { UpgradePlanScope } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ComponentType, PropsWithChildren, ReactNode } from 'react';
import { NkpPlanView } from '../../api/types';
import { daysBetween, describeDays, todayIso } from '../common/format';

const useStyles = makeStyles(theme => ({
  plan: { padding: theme.spacing(2) },
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

/**
 * One upgrade plan: its target and deadline, how far the fleet in scope has come, and who holds
 * the management-plane upgrade back (the tenants whose clusters would fall out of the managed
 * skew once the management cluster moves).
 */
export const UpgradePlanCard = ({
  plan,
  today = todayIso(),
}: {
  plan: NkpPlanView;
  today?: string;
}) => {
  const classes = useStyles();
  const pending = plan.pendingClusters.length;
  const unknown = plan.unknownClusters.length;
  const done = Math.max(0, plan.inScope - pending - unknown);
  const percent =
    plan.inScope > 0 ? Math.round((done / plan.inScope) * 100) : 100;
  const blockingOwners = plan.blockingTenants.owners;
  const headingId = `nkp-plan-${plan.id}`;
  const nonBlocking = plan.pendingClusters.filter(
    c => !plan.blockingClusters.includes(c),
  );

  return (
    <Paper
      variant="outlined"
      className={classes.plan}
      component="section"
      aria-labelledby={headingId}
    >
      <Typography variant="h6" component="h3" id={headingId}>
        {plan.title}
      </Typography>
      <div className={classes.facts}>
        <Fact label="Target">
          NKP {plan.targetVersion}
          {plan.targetKubernetesMinor &&
            ` (Kubernetes ${plan.targetKubernetesMinor})`}
        </Fact>
        <Fact label="Scope">{describeScope(plan.scope)}</Fact>
        <Fact label="Announced">{plan.announcedAt?.slice(0, 10) ?? '—'}</Fact>
        <Fact label="Deadline">
          {plan.deadline
            ? `${plan.deadline} (${describeDays(
                daysBetween(today, plan.deadline),
              )})`
            : '—'}
        </Fact>
      </div>
      <Typography variant="body2" id={`${headingId}-progress`} gutterBottom>
        {done} of {plan.inScope} cluster{plan.inScope === 1 ? '' : 's'} on
        target ({percent}%)
        {pending > 0 && `, ${pending} to upgrade`}
        {unknown > 0 && `, ${unknown} unknown`}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        className={classes.progress}
        aria-labelledby={`${headingId}-progress`}
      />
      {plan.blockingClusters.length > 0 ? (
        <div className={classes.blockers}>
          <Warning aria-hidden={false}>
            Blocked by {blockingOwners.length || 'unowned'} tenant
            {blockingOwners.length === 1 ? '' : 's'} (
            {plan.blockingClusters.length} cluster
            {plan.blockingClusters.length === 1 ? '' : 's'}): the management
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
    </Paper>
  );
};
