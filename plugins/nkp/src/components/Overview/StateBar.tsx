import { makeStyles, useTheme, Theme } from '@material-ui/core/styles';
import {
  POLICY_STATES,
  PolicyState,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { stateColor, stateTextColor } from '../PolicyState';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    width: '100%',
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
  },
  segment: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: 4,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightMedium as number,
    // A thin gap keeps neighbouring segments apart for people who cannot tell their colours apart.
    '& + &': { borderLeft: `2px solid ${theme.palette.background.paper}` },
  },
}));

/** Worst first: what needs attention is at the start of the bar, where the eye lands. */
const ORDER: PolicyState[] = [...POLICY_STATES].reverse();

/** `14 clusters: 4 unsupported, 10 compliant`. */
export function describeCounts(
  counts: Partial<Record<PolicyState, number>>,
  total: number,
): string {
  const parts = ORDER.filter(s => (counts[s] ?? 0) > 0).map(
    s => `${counts[s]} ${s}`,
  );
  return `${plural(total, 'cluster')}${
    parts.length ? `: ${parts.join(', ')}` : ''
  }`;
}

/**
 * A stacked horizontal bar of clusters per policy state. Wide segments say their count and
 * state, narrow ones their count; the whole bar reads as one sentence to screen readers and as a
 * tooltip per segment.
 */
export const StateBar = (props: {
  counts: Partial<Record<PolicyState, number>>;
  total: number;
  height?: number;
  /** Show the state word in segments wide enough for it. */
  words?: boolean;
}) => {
  const { counts, total, height = 32, words = true } = props;
  const classes = useStyles();
  const theme = useTheme<Theme>();
  const label = describeCounts(counts, total);
  return (
    <div
      className={classes.bar}
      style={{ height }}
      role="img"
      aria-label={label}
      title={label}
    >
      {ORDER.filter(s => (counts[s] ?? 0) > 0).map(state => {
        const count = counts[state] ?? 0;
        const share = total > 0 ? count / total : 0;
        let text = '';
        if (words && share >= 0.18) text = `${count} ${state}`;
        else if (share >= 0.05) text = String(count);
        return (
          <div
            key={state}
            className={classes.segment}
            data-state={state}
            title={`${count} ${state}`}
            style={{
              flexGrow: count,
              flexBasis: 0,
              backgroundColor: stateColor(theme, state),
              color: stateTextColor(theme, state),
              fontSize: height >= 28 ? '0.875rem' : '0.75rem',
            }}
          >
            <span aria-hidden>{text}</span>
          </div>
        );
      })}
    </div>
  );
};
