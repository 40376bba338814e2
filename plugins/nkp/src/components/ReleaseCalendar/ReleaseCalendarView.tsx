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
import {
  DatedFact,
  utcDay,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ComponentType, PropsWithChildren } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpCalendar } from '../../api/types';
import { ReleaseFeedsCard } from './ReleaseFeedsCard';
import { ReleaseTimeline } from './ReleaseTimeline';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

interface CalendarRow {
  id: string;
  release: string;
  released?: DatedFact;
  endOfStandardSupport?: DatedFact;
  endOfLife?: DatedFact;
  ships?: string;
  /** Where the Kubernetes minors an NKP minor ships come from. */
  shipsSource?: string;
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
      text: `${plural(row.minorsBehind, 'minor')} behind the newest`,
    };
  }
  return { Icon: StatusOK as Label, text: 'supported' };
}

/** Numbers the sources of the dates in table order, for the footnotes under the table. */
class SourceNotes {
  private readonly numbers = new Map<string, number>();

  number(source: string): number {
    let n = this.numbers.get(source);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(source, n);
    }
    return n;
  }

  list(): string[] {
    return [...this.numbers.keys()];
  }
}

/** The number of a source, linked to its note under the table. */
const Note = ({ source, notes }: { source: string; notes: SourceNotes }) => {
  const n = notes.number(source);
  return (
    <a href={`#nkp-calendar-source-${n}`} aria-label={`source [${n}]`}>
      <sup>[{n}]</sup>
    </a>
  );
};

const DateCell = ({ fact, notes }: { fact?: DatedFact; notes: SourceNotes }) =>
  fact ? (
    <span title={`Source: ${fact.source}`}>
      {fact.inferred ? `≈ ${fact.date}` : fact.date}{' '}
      <Note source={fact.source} notes={notes} />
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
      shipsSource: r.kubernetesMinors.length ? r.kubernetesSource : undefined,
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
  today = utcDay(),
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
        description="The backend ships a calendar and merges the release feeds, nkp.calendar from app-config and the NKP Release objects of management clusters; none of them gave a release."
      />
    );
  }

  const rows = rowsOf(value);
  // Numbered in table order: the NKP and Kubernetes rows, each date from left to right.
  const notes = new SourceNotes();
  for (const r of rows) {
    for (const fact of [r.released, r.endOfStandardSupport, r.endOfLife]) {
      if (fact) notes.number(fact.source);
    }
    if (r.shipsSource) notes.number(r.shipsSource);
  }
  const columns: TableColumn<CalendarRow>[] = [
    { title: 'Release', field: 'release', highlight: true },
    {
      title: 'Released',
      field: 'released',
      render: r => <DateCell fact={r.released} notes={notes} />,
    },
    {
      title: 'End of standard support',
      field: 'endOfStandardSupport',
      render: r =>
        r.release.startsWith('NKP') ? (
          '—'
        ) : (
          <DateCell fact={r.endOfStandardSupport} notes={notes} />
        ),
    },
    {
      title: 'End of life',
      field: 'endOfLife',
      render: r =>
        r.endOfLife || r.release.startsWith('Kubernetes') ? (
          <DateCell fact={r.endOfLife} notes={notes} />
        ) : (
          'not published (self-managed window)'
        ),
    },
    {
      title: 'Ships',
      field: 'ships',
      render: r =>
        r.ships ? (
          <span title={`Source: ${r.shipsSource}`}>
            {r.ships} <Note source={r.shipsSource!} notes={notes} />
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: 'Today',
      field: 'id',
      render: r => {
        const { Icon, text } = supportStatus(r, today);
        return <Icon aria-hidden={false}>{text}</Icon>;
      },
    },
  ];

  const failing = (value.feeds ?? []).filter(f => f.state === 'failing');
  return (
    <Grid container spacing={3}>
      {failing.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            title={`${
              failing.length === 1
                ? 'A release feed is'
                : `${failing.length} release feeds are`
            } failing: the calendar keeps the data last read`}
            message="See Release feeds below for what failed and when each feed was last read."
          />
        </Grid>
      )}
      {value.warnings.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            title={`${plural(
              value.warnings.length,
              'calendar entry',
              'calendar entries',
            )} ${value.warnings.length === 1 ? 'was' : 'were'} skipped`}
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
          subtitle="[n] after a date names its source, listed below; ≈ marks a derived date (e.g. a git tag standing in for GA)"
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            sorting: false,
          }}
          columns={columns}
          data={rows}
        />
        {/* On the page background, secondary text would miss the 4.5:1 contrast ratio. */}
        <Typography variant="caption" color="textPrimary">
          Kubernetes dates are upstream; an NKP release can keep a Kubernetes
          minor supported past its upstream end of life while the NKP release
          itself is supported.
        </Typography>
        <Typography
          variant="subtitle2"
          component="h3"
          style={{ marginTop: 16 }}
        >
          Sources
        </Typography>
        <ol aria-label="Sources of the dates" style={{ marginTop: 4 }}>
          {notes.list().map((source, i) => (
            <li key={source} id={`nkp-calendar-source-${i + 1}`}>
              <Typography variant="body2">{source}</Typography>
            </li>
          ))}
        </ol>
      </Grid>
      <Grid item xs={12}>
        <ReleaseFeedsCard feeds={value.feeds ?? []} />
      </Grid>
    </Grid>
  );
};
