import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NkpClusterDetail } from '../../api/types';
import { RULE_LABELS } from '../common/ruleLabels';
import { ExceptionStatusLabel } from '../Exceptions/ExceptionStatusLabel';

/** The exceptions that concern a cluster (its own and its owner's), where each stands. */
export const ClusterExceptions = ({
  exceptions,
}: {
  exceptions: NkpClusterDetail['exceptions'];
}) =>
  exceptions.length > 0 ? (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Exceptions
      </Typography>
      <ul aria-label="Exceptions" style={{ margin: 0, paddingLeft: 18 }}>
        {exceptions.map(e => (
          <li key={e.id}>
            <ExceptionStatusLabel exception={e} />
            <Typography variant="body2" color="textSecondary">
              {'owner' in e.target ? 'For every cluster of the owner, ' : ''}
              {e.rule ? RULE_LABELS[e.rule] : 'every rule'}, ends{' '}
              {e.expiresAt.slice(0, 10)} · requested by {e.requestedBy}:{' '}
              {e.reason}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  ) : null;
