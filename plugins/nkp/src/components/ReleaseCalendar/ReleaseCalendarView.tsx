import {
  EmptyState,
  InfoCard,
  Progress,
  StatusAborted,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DatedFact } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ComponentType, PropsWithChildren } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpCalendar } from '../../api/types';
import { todayIso } from '../common/format';
import { ReleaseTimeline } from './ReleaseTimeline';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

interface CalendarRow {
  id: string;
  release: string;
  released?: DatedFact;
  endOfStandardSupport?: DatedFact;
  endOfLife?: DatedFact;
  ships?: string;
  /** NKP minors without a published end of life: how many minors behind the newest one. */
  minorsBehind?: number;
}

type Label = ComponentType<PropsWithChildren<{ 'aria-hidden'?: boolean }>>;

/** Where a release stands today, as icon and words. */
function supportStatus(
  row: CalendarRow,
  today: string,
): { Icon: Label; text: string } {
  if (row.endOfLife && row.endOfLife.date <= today) {
    return { Icon: StatusAborted as Label, text: 'end of life' };
  }
  if (row.endOfStandardSupport && row.endOfStandardSupport.date <= today) {
    return { Icon: StatusWarning as Label, text: 'maintenance only' };
  }
  if (row.released && row.released.date > today) {
    return { Icon: StatusPending as Label, text: 'not released yet' };
  }
  // Without a published end, NKP support depends on the self-managed window of the policy, which
  // the calendar does not carry: say where the minor stands rather than guess.
  if (row.minorsBehind === 0) {
    return { Icon: StatusOK as Label, text: 'newest release' };
  }
  if (row.minorsBehind !== undefined) {
    return {
      Icon: StatusPending as Label,
      text: `${row.minorsBehind} minor${
        row.minorsBehind === 1 ? '' : 's'
      } behind the newest`,
    };
  }
  return { Icon: StatusOK as Label, text: 'supported' };
}

const DateCell = ({ fact }: { fact?: DatedFact }) =>
  fact ? (
    <span title={`Source: ${fact.source}`}>
      {fact.inferred ? `≈ ${fact.date}` : fact.date}
    </span>
  ) : (
    <>—</>
  );

/** Minors between two `major.minor` versions of the same major; undefined across majors. */
function minorsBetween(older: string, newer: string): number | undefined {
  const [a, b] = [older, newer].map(v => v.split('.').map(Number));
  return a[0] === b[0] ? b[1] - a[1] : undefined;
}

function rowsOf(calendar: NkpCalendar): CalendarRow[] {
  const newestNkp = calendar.nkp[calendar.nkp.length - 1]?.minor;
  return [
    ...[...calendar.nkp].reverse().map(r => ({
      minorsBehind:
        !r.endOfLife && newestNkp
          ? minorsBetween(r.minor, newestNkp)
          : undefined,
      id: `nkp-${r.minor}`,
      release: `NKP ${r.minor}`,
      released: r.releaseDate,
      endOfLife: r.endOfLife,
      ships: r.kubernetesMinors.length
        ? `Kubernetes ${r.kubernetesMinors.join(', ')}`
        : undefined,
    })),
    ...[...calendar.kubernetes].reverse().map(r => ({
      id: `k8s-${r.minor}`,
      release: `Kubernetes ${r.minor}`,
      released: r.releaseDate,
      endOfStandardSupport: r.endOfStandardSupport,
      endOfLife: r.endOfLife,
    })),
  ];
}

/**
 * The release calendar the policy uses: a timeline of the support windows with today marked,
 * and the same dates in a table with where each comes from.
 */
export const ReleaseCalendarView = ({
  today = todayIso(),
}: {
  today?: string;
}) => {
  const nkpApi = useApi(nkpApiRef);
  const { value, loading, error } = useAsync(
    () => nkpApi.getCalendar(),
    [nkpApi],
  );

  if (loading) return <Progress aria-label="Loading the release calendar" />;
  if (error)
    return (
      <NkpErrorPanel
        error={error}
        title="Could not load the release calendar"
      />
    );
  if (!value || (value.kubernetes.length === 0 && value.nkp.length === 0)) {
    return (
      <EmptyState
        missing="data"
        title="The release calendar is empty"
        description="The backend ships a calendar and merges nkp.calendar from app-config and the NKP Release objects of management clusters; none of them gave a release."
      />
    );
  }

  const columns: TableColumn<CalendarRow>[] = [
    { title: 'Release', field: 'release', highlight: true },
    {
      title: 'Released',
      field: 'released',
      render: r => <DateCell fact={r.released} />,
    },
    {
      title: 'End of standard support',
      field: 'endOfStandardSupport',
      render: r =>
        r.release.startsWith('NKP') ? (
          '—'
        ) : (
          <DateCell fact={r.endOfStandardSupport} />
        ),
    },
    {
      title: 'End of life',
      field: 'endOfLife',
      render: r =>
        r.endOfLife || r.release.startsWith('Kubernetes') ? (
          <DateCell fact={r.endOfLife} />
        ) : (
          'not published (self-managed window)'
        ),
    },
    { title: 'Ships', field: 'ships', emptyValue: '—' },
    {
      title: 'Today',
      field: 'id',
      render: r => {
        const { Icon, text } = supportStatus(r, today);
        return <Icon aria-hidden={false}>{text}</Icon>;
      },
    },
  ];

  return (
    <Grid container spacing={3}>
      {value.warnings.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            title={`${value.warnings.length} calendar entr${
              value.warnings.length === 1 ? 'y was' : 'ies were'
            } skipped`}
            message={value.warnings.join('\n')}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="Support windows">
          <ReleaseTimeline calendar={value} today={today} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<CalendarRow>
          title="Release calendar"
          subtitle="Hover a date for its source; ≈ marks a derived date (e.g. a git tag standing in for GA)"
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            sorting: false,
          }}
          columns={columns}
          data={rowsOf(value)}
        />
        {/* On the page background, secondary text would miss the 4.5:1 contrast ratio. */}
        <Typography variant="caption" color="textPrimary">
          Kubernetes dates are upstream; an NKP release can keep a Kubernetes
          minor supported past its upstream end of life while the NKP release
          itself is supported.
        </Typography>
      </Grid>
    </Grid>
  );
};
