import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  NkpClusterView,
  POLICY_STATES,
  PolicyState,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { StateBar } from '../Overview/StateBar';

/** One sentence and a state bar over a tenant's clusters: how many need action, and the next date. */
export const DeadlinesSummary = ({
  clusters,
}: {
  clusters: NkpClusterView[];
}) => {
  const counts = Object.fromEntries(POLICY_STATES.map(s => [s, 0])) as Record<
    PolicyState,
    number
  >;
  for (const c of clusters) counts[c.state]++;
  const needAction = clusters.filter(c => c.state !== 'compliant').length;
  const lost = counts.unsupported + counts.overdue;
  // The next date still ahead: clusters already past theirs are counted as such instead.
  const next = clusters.find(
    c =>
      c.deadline &&
      (c.daysLeft ?? 0) >= 0 &&
      c.state !== 'unsupported' &&
      c.state !== 'overdue',
  );
  const sentence = [
    needAction === 0
      ? `${
          clusters.length === 1
            ? 'The cluster is'
            : `All ${clusters.length} clusters are`
        } compliant.`
      : `${needAction} of ${plural(clusters.length, 'cluster')} need${
          needAction === 1 ? 's' : ''
        } action.`,
    lost > 0 ? `${lost} already past a deadline or out of support.` : undefined,
    next
      ? `Next deadline: ${next.deadline} (${next.title ?? next.name}, ${plural(
          next.daysLeft ?? 0,
          'day',
        )} left).`
      : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Box mb={2}>
      <Typography variant="body1" gutterBottom>
        {sentence}
      </Typography>
      <StateBar counts={counts} total={clusters.length} height={24} />
    </Box>
  );
};
