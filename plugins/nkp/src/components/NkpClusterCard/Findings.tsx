import Typography from '@material-ui/core/Typography';
import { stateRank } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpClusterDetail } from '../../api/types';
import { RULE_LABELS } from '../common/ruleLabels';
import { PolicyStateLabel } from '../PolicyState';

/** Every rule's verdict, worst first: the reasons behind the state come before the rest. */
export const Findings = ({ cluster }: { cluster: NkpClusterDetail }) => (
  <ul aria-label="Policy findings" style={{ margin: 0, paddingLeft: 18 }}>
    {[...cluster.findings]
      .sort((a, b) => stateRank(b.state) - stateRank(a.state))
      .map((f, i) => (
        <li key={i} style={{ marginBottom: 8 }}>
          <PolicyStateLabel state={f.state} />
          <Typography variant="body2" color="textSecondary">
            {RULE_LABELS[f.rule] ?? f.rule}
            {f.deadline && ` · deadline ${f.deadline}`}
            {f.blocking && ' · blocks the management-plane upgrade'}
            {f.platformStep &&
              (f.platformStep.done
                ? ' · the platform team’s step, done'
                : ` · the platform team’s step, scheduled by ${f.platformStep.by}`)}
          </Typography>
          <Typography variant="body2">{f.reason}</Typography>
        </li>
      ))}
  </ul>
);
