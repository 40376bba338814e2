import { PolicyRuleId } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** What the policy's rules mean to the people they concern; every view names rules with these. */
export const RULE_LABELS: Record<PolicyRuleId, string> = {
  'managed-skew': 'Managed skew (behind the management cluster)',
  'self-managed-window': 'Self-managed window (behind the newest NKP)',
  'upstream-eol': 'Upstream Kubernetes end of life',
  'upgrade-plan': 'Upgrade plan deadline',
};
