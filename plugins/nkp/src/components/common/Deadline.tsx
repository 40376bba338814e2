/** A cluster's deadline in the words its owner needs; shared by the fleet and deadline tables. */
import Typography from '@material-ui/core/Typography';
import {
  NkpClusterView,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** `12 days left`, `due today`, `30 days late`, for the people who must act. */
function daysLeftText(d: number): string {
  if (d > 0) return `${plural(d, 'day')} left`;
  if (d === 0) return 'due today';
  return `${plural(-d, 'day')} late`;
}

/**
 * The deadline as the owner must read it. An unsupported cluster has already lost support, so
 * "40 days left" would mislead: its deadline (e.g. of an upgrade plan) comes second.
 */
export const Deadline = ({ cluster }: { cluster: NkpClusterView }) => {
  const { deadline, daysLeft, state } = cluster;
  if (state === 'unsupported') {
    const passed = daysLeft !== undefined && daysLeft <= 0;
    return (
      <>
        out of support now
        {deadline && (
          <Typography variant="body2" color="textSecondary">
            {passed ? `since ${deadline}` : `next deadline ${deadline}`}
          </Typography>
        )}
      </>
    );
  }
  if (!deadline) return <>—</>;
  return (
    <>
      {deadline}
      {daysLeft !== undefined && (
        <Typography variant="body2" color="textSecondary">
          {daysLeftText(daysLeft)}
        </Typography>
      )}
    </>
  );
};
