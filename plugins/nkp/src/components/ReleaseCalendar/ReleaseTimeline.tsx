import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { NkpCalendar } from '../../api/types';

/** One row of the picture: a release and its support window. */
interface Row {
  label: string;
  start?: string;
  /** End of full support (Kubernetes: end of standard support; NKP: end of life when known). */
  supportEnd?: string;
  /** End of maintenance (Kubernetes end of life). */
  end?: string;
  /** NKP minors without a published end: the day the next minor came out. */
  newestUntil?: string;
}

const LABEL_WIDTH = 120;
const WIDTH = 1000;
const ROW = 22;
const BAR = 14;
const AXIS = 28;
const GROUP_GAP = 26;

const useStyles = makeStyles(theme => ({
  svg: {
    width: '100%',
    height: 'auto',
    display: 'block',
    fontFamily: theme.typography.fontFamily,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    marginTop: theme.spacing(1),
    fontSize: theme.typography.body2.fontSize,
  },
  swatch: {
    display: 'inline-block',
    width: 28,
    height: 12,
    marginRight: theme.spacing(1),
    verticalAlign: 'middle',
    border: `1px solid ${theme.palette.text.secondary}`,
  },
}));

const time = (iso: string) => Date.parse(iso.slice(0, 10));

function kubernetesRows(calendar: NkpCalendar): Row[] {
  return calendar.kubernetes.map(r => ({
    label: `Kubernetes ${r.minor}`,
    start: r.releaseDate?.date,
    supportEnd: r.endOfStandardSupport?.date ?? r.endOfLife?.date,
    end: r.endOfLife?.date,
  }));
}

function nkpRows(calendar: NkpCalendar): Row[] {
  return calendar.nkp.map((r, i) => ({
    label: `NKP ${r.minor}`,
    start: r.releaseDate?.date,
    supportEnd: r.endOfLife?.date,
    end: r.endOfLife?.date,
    newestUntil: calendar.nkp[i + 1]?.releaseDate?.date,
  }));
}

const OpenEndedBar = (props: {
  start: number;
  solidEnd: number;
  fadeEnd: number;
  y: number;
  fill: string;
}) => {
  const { start, solidEnd, fadeEnd, y, fill } = props;
  return (
    <>
      <rect
        x={start}
        y={y}
        width={Math.max(2, solidEnd - start)}
        height={BAR}
        fill={fill}
      />
      {fadeEnd > solidEnd && (
        <rect
          x={solidEnd}
          y={y}
          width={fadeEnd - solidEnd}
          height={BAR}
          fill="url(#nkp-open-end)"
        />
      )}
    </>
  );
};

/**
 * Support windows of the Kubernetes and NKP minors on one time axis with today marked: solid
 * while fully supported (for NKP minors without a published end: while newest), hatched in
 * Kubernetes maintenance (critical fixes only), fading out where no end date is published (NKP
 * minors whose support follows the self-managed window).
 * Bars that ended before today are drawn faint. The table below it carries the same facts in
 * words.
 */
export const ReleaseTimeline = ({
  calendar,
  today,
}: {
  calendar: NkpCalendar;
  today: string;
}) => {
  const classes = useStyles();
  const theme = useTheme<Theme>();
  const groups = [
    { title: 'Kubernetes', rows: kubernetesRows(calendar) },
    { title: 'NKP', rows: nkpRows(calendar) },
  ].filter(g => g.rows.length > 0);

  const dates = groups
    .flatMap(g => g.rows)
    .flatMap(r => [r.start, r.supportEnd, r.end])
    .filter((d): d is string => Boolean(d))
    .map(time);
  const todayTime = time(today);
  // Half a year either side of the data (and of today) so that bars do not touch the edges.
  const halfYear = 182 * 86_400_000;
  const from = Math.min(...dates, todayTime) - halfYear / 2;
  const to = Math.max(...dates, todayTime) + halfYear;
  const x = (t: number) =>
    LABEL_WIDTH + ((t - from) / (to - from)) * (WIDTH - LABEL_WIDTH - 10);

  const years: number[] = [];
  for (let y = new Date(from).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < to; y++)
    years.push(y);

  let y = AXIS;
  const layout = groups.map(g => {
    const top = y;
    y += GROUP_GAP + g.rows.length * ROW;
    return { ...g, top };
  });
  const height = y + 4;

  const supported = theme.palette.primary.main;
  const faded = theme.palette.grey[400];
  const text = theme.palette.text.primary;
  const muted = theme.palette.text.secondary;
  const todayColor = theme.palette.status.error;

  const summary = `Support windows of ${groups
    .map(g => `${g.rows.length} ${g.title} minors`)
    .join(' and ')}, today ${today}. The table below lists the same dates.`;

  return (
    <div>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="nkp-timeline-title"
      >
        <title id="nkp-timeline-title">{summary}</title>
        <defs>
          <pattern
            id="nkp-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={theme.palette.background.paper} />
            <rect width="3" height="6" fill={supported} />
          </pattern>
          <pattern
            id="nkp-hatch-faded"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={theme.palette.background.paper} />
            <rect width="3" height="6" fill={faded} />
          </pattern>
          <linearGradient id="nkp-open-end">
            <stop offset="0%" stopColor={supported} stopOpacity={1} />
            <stop offset="100%" stopColor={supported} stopOpacity={0.05} />
          </linearGradient>
        </defs>

        {years.map(year => {
          const yx = x(Date.UTC(year, 0, 1));
          return (
            <g key={year}>
              <line
                x1={yx}
                x2={yx}
                y1={AXIS - 6}
                y2={height}
                stroke={theme.palette.divider}
              />
              <text x={yx + 4} y={AXIS - 10} fontSize={12} fill={muted}>
                {year}
              </text>
            </g>
          );
        })}

        {layout.map(group => (
          <g key={group.title}>
            <text
              x={0}
              y={group.top + 14}
              fontSize={13}
              fontWeight={600}
              fill={text}
            >
              {group.title}
            </text>
            {group.rows.map((row, i) => {
              const rowY = group.top + GROUP_GAP - 4 + i * ROW;
              const barY = rowY + (ROW - BAR) / 2;
              const ended = row.end ? time(row.end) <= todayTime : false;
              const start = row.start ? x(time(row.start)) : undefined;
              const supportEnd = row.supportEnd
                ? x(time(row.supportEnd))
                : undefined;
              const end = row.end ? x(time(row.end)) : undefined;
              return (
                <g key={row.label}>
                  <text
                    x={8}
                    y={rowY + 15}
                    fontSize={12}
                    fill={ended ? muted : text}
                  >
                    {row.label}
                  </text>
                  {start !== undefined && supportEnd !== undefined && (
                    <rect
                      x={start}
                      y={barY}
                      width={Math.max(2, supportEnd - start)}
                      height={BAR}
                      rx={2}
                      fill={ended ? faded : supported}
                    />
                  )}
                  {supportEnd !== undefined &&
                    end !== undefined &&
                    end > supportEnd && (
                      <rect
                        x={supportEnd}
                        y={barY}
                        width={end - supportEnd}
                        height={BAR}
                        fill={
                          ended ? 'url(#nkp-hatch-faded)' : 'url(#nkp-hatch)'
                        }
                        stroke={ended ? faded : supported}
                      />
                    )}
                  {start !== undefined && supportEnd === undefined && (
                    // No published end: solid while it was the newest minor, then fading out,
                    // because its support depends on how far newer minors have moved on.
                    <OpenEndedBar
                      start={start}
                      solidEnd={x(
                        row.newestUntil ? time(row.newestUntil) : todayTime,
                      )}
                      fadeEnd={x(todayTime) + 60}
                      y={barY}
                      fill={supported}
                    />
                  )}
                </g>
              );
            })}
          </g>
        ))}

        <line
          x1={x(todayTime)}
          x2={x(todayTime)}
          y1={AXIS - 6}
          y2={height}
          stroke={todayColor}
          strokeWidth={2}
          strokeDasharray="4 3"
        />
        <text
          x={x(todayTime) + 4}
          y={height - 6}
          fontSize={12}
          fontWeight={600}
          fill={todayColor}
        >
          today {today}
        </text>
      </svg>
      <div className={classes.legend} aria-hidden>
        <span>
          <span className={classes.swatch} style={{ background: supported }} />
          supported
        </span>
        <span>
          <span
            className={classes.swatch}
            style={{
              background: `repeating-linear-gradient(45deg, ${supported} 0 3px, ${theme.palette.background.paper} 3px 6px)`,
            }}
          />
          Kubernetes maintenance (critical fixes only)
        </span>
        <span>
          <span
            className={classes.swatch}
            style={{
              background: `linear-gradient(to right, ${supported}, transparent)`,
            }}
          />
          NKP minor superseded, no published end: support follows the
          self-managed window
        </span>
        <span>
          <span className={classes.swatch} style={{ background: faded }} />
          ended
        </span>
      </div>
    </div>
  );
};
