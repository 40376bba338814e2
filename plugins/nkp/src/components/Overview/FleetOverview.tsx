import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import {
  POLICY_STATES,
  PolicyState,
  stateRank,
  TenantRollup,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpFleetSummary } from '../../api/types';
import { describeDays } from '../common/format';
import { useNkpLink } from '../common/useNkpLink';
import { PolicyStateLabel, stateColor } from '../PolicyState';
import { UpgradePlanList } from '../UpgradePlans';
import { StateBar } from './StateBar';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

const useStyles = makeStyles(theme => ({
  tile: {
    padding: theme.spacing(1.5, 2),
    height: '100%',
    borderTop: '6px solid transparent',
  },
  count: { fontSize: '2rem', fontWeight: 700, lineHeight: 1.2 },
  tenant: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 30%) 1fr minmax(90px, auto)',
    alignItems: 'center',
    gap: theme.spacing(2),
    padding: theme.spacing(0.75, 0),
  },
}));

const Tile = (props: {
  accent?: string;
  label: ReactNode;
  value: ReactNode;
  detail?: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <Paper
      variant="outlined"
      className={classes.tile}
      style={{ borderTopColor: props.accent }}
    >
      <Typography variant="body2" component="div">
        {props.label}
      </Typography>
      <div className={classes.count}>{props.value}</div>
      {props.detail && (
        <Typography variant="body2" color="textSecondary" component="div">
          {props.detail}
        </Typography>
      )}
    </Paper>
  );
};

const MAX_PLANS = 3;

/** Worst states first: the tiles read left to right from what needs attention. */
const TILE_ORDER: PolicyState[] = [...POLICY_STATES].reverse();

const StateTiles = ({ summary }: { summary: NkpFleetSummary }) => {
  const theme = useTheme<Theme>();
  const link = useNkpLink();
  return (
    <Grid container spacing={2}>
      {TILE_ORDER.map(state => {
        const count = summary.counts[state] ?? 0;
        const href = link('clusters', { state });
        return (
          <Grid item xs={6} sm={4} md key={state}>
            <Tile
              accent={stateColor(theme, state)}
              label={<PolicyStateLabel state={state} />}
              value={count}
              detail={
                count > 0 && href ? (
                  <Link
                    to={href}
                    aria-label={`Show clusters: the ${count} ${state} ones`}
                  >
                    Show clusters
                  </Link>
                ) : (
                  `${
                    summary.total
                      ? Math.round((count / summary.total) * 100)
                      : 0
                  }% of the fleet`
                )
              }
            />
          </Grid>
        );
      })}
    </Grid>
  );
};

const FactTiles = ({ summary }: { summary: NkpFleetSummary }) => {
  const link = useNkpLink();
  const exceptionsHref = link('exceptions');
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={4}>
        <Tile
          label="Nearest deadline"
          value={
            summary.daysToNearestDeadline !== undefined
              ? plural(summary.daysToNearestDeadline, 'day')
              : 'none'
          }
          detail={
            summary.nearestDeadline
              ? `${summary.nearestDeadline} (${describeDays(
                  summary.daysToNearestDeadline ?? 0,
                )})`
              : 'No upcoming deadline; past ones show in the states'
          }
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <Tile
          label="Exceptions"
          value={`${summary.exceptions.active} active`}
          detail={
            <>
              {summary.exceptions.requested} awaiting approval
              {summary.exceptions.requested > 0 && exceptionsHref && (
                <>
                  {' · '}
                  <Link to={exceptionsHref}>Review</Link>
                </>
              )}
            </>
          }
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <Tile
          label="Upgrade plans"
          value={summary.plans}
          detail={`Evaluated on ${summary.evaluatedOn}`}
        />
      </Grid>
    </Grid>
  );
};

/** Tenants, worst first: one small state bar each. */
const TenantBars = ({ tenants }: { tenants: TenantRollup[] }) => {
  const classes = useStyles();
  const link = useNkpLink();
  const sorted = [...tenants].sort(
    (a, b) =>
      stateRank(b.worstState) - stateRank(a.worstState) ||
      b.total - b.counts.compliant - (a.total - a.counts.compliant) ||
      a.tenant.localeCompare(b.tenant),
  );
  return (
    <div role="list" aria-label="Policy state per owner">
      {sorted.map(t => {
        const href = link('clusters', { owner: t.tenant });
        return (
          <div role="listitem" key={t.tenant} className={classes.tenant}>
            <EntityRefLink entityRef={t.tenant} defaultKind="group" />
            <StateBar
              counts={t.counts}
              total={t.total}
              height={20}
              words={false}
            />
            <Typography variant="body2" component="span">
              {href ? (
                <Link
                  to={href}
                  aria-label={`${plural(t.total, 'cluster')} of ${t.tenant}`}
                >
                  {plural(t.total, 'cluster')}
                </Link>
              ) : (
                plural(t.total, 'cluster')
              )}
            </Typography>
          </div>
        );
      })}
    </div>
  );
};

/**
 * The platform team's policy dashboard: clusters per state as a bar and tiles, the nearest
 * deadline, exceptions waiting, each owner's share of the problem, and the upgrade plans with
 * who blocks them.
 */
export const FleetOverview = () => {
  const nkpApi = useApi(nkpApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [summary, tenants, plans] = await Promise.all([
      nkpApi.getSummary(),
      nkpApi.getTenants(),
      nkpApi.listPlans(),
    ]);
    // Cancelled plans ask nothing of anyone; the plans tab keeps them for the record.
    return {
      summary,
      tenants,
      plans: plans.filter(p => p.status === 'active'),
    };
  }, [nkpApi]);
  const link = useNkpLink();

  if (loading) return <Progress aria-label="Loading the fleet dashboard" />;
  if (error)
    return (
      <NkpErrorPanel error={error} title="Could not load the fleet dashboard" />
    );
  if (!value || value.summary.total === 0) {
    return (
      <EmptyState
        missing="data"
        title="No NKP clusters yet"
        description="Configure an NKP source under catalog.providers.nkp in app-config.yaml; the dashboard fills once the clusters are in the catalog and evaluated."
      />
    );
  }
  const { summary, tenants, plans } = value;
  const plansHref = link('plans');

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Fleet policy state"
          subheader={`${summary.total} clusters, evaluated on ${summary.evaluatedOn}`}
        >
          <StateBar counts={summary.counts} total={summary.total} height={40} />
          <div style={{ height: 16 }} />
          <StateTiles summary={summary} />
          <div style={{ height: 16 }} />
          <FactTiles summary={summary} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard title="Owners" subheader="Worst first">
          <TenantBars tenants={tenants.byOwner} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={7}>
        <InfoCard
          title="Upgrade plans"
          subheader="Progress and who blocks the management plane"
          deepLink={
            plansHref
              ? { title: 'All upgrade plans', link: plansHref }
              : undefined
          }
        >
          {plans.length ? (
            <>
              {/* The newest few; the plans tab has them all */}
              <UpgradePlanList
                plans={plans.slice(-MAX_PLANS)}
                today={summary.evaluatedOn}
              />
              {plans.length > MAX_PLANS && (
                <Typography variant="body2" style={{ marginTop: 8 }}>
                  and {plural(plans.length - MAX_PLANS, 'older plan')}
                </Typography>
              )}
            </>
          ) : (
            <Typography variant="body2">
              No upgrade plan announced. The platform team announces one in the
              Upgrade plans tab; every tenant in scope then gets a deadline.
            </Typography>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
};
