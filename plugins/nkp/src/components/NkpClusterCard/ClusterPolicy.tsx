import { StructuredMetadataTable } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { PlatformStep } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpClusterDetail } from '../../api/types';
import { formatTargetVersion, formatUpgradeStep } from '../common/format';
import { describeDeadline, PolicyStateLabel } from '../PolicyState';
import { ClusterExceptions } from './ClusterExceptions';
import { Findings } from './Findings';

/**
 * `NKP 2.18 (Kubernetes 1.35) by 2026-05-01` for each upgrade the platform team has scheduled for
 * this (management) cluster, or undefined when none is.
 */
function scheduledUpgrades(cluster: NkpClusterDetail): string | undefined {
  const steps = cluster.findings
    .map(f => f.platformStep)
    .filter((step): step is PlatformStep => Boolean(step && !step.done));
  if (!steps.length) return undefined;
  return steps
    .map(step => `${formatTargetVersion(step.target)} by ${step.by}`)
    .join('; ');
}

/**
 * A cluster as the policy sees it: state, what is scheduled for it, deadline, target, upgrade
 * path, the reasons and the exceptions; and, for those who may, a way to request an exception.
 */
export const ClusterPolicy = ({
  cluster,
  onRequestException,
}: {
  cluster: NkpClusterDetail;
  /** Offered when set and the cluster is not compliant. */
  onRequestException?: () => void;
}) => {
  const scheduled = scheduledUpgrades(cluster);
  return (
    <>
      <StructuredMetadataTable
        dense
        metadata={{
          'Policy state': <PolicyStateLabel state={cluster.state} />,
          ...(scheduled ? { 'Scheduled for': scheduled } : {}),
          Deadline: describeDeadline(cluster.deadline, cluster.daysLeft),
          'Target version': formatTargetVersion(cluster.targetVersion),
          'Upgrade path': cluster.upgradePath.length
            ? cluster.upgradePath.map(formatUpgradeStep).join(' → ')
            : '—',
        }}
      />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Why
        </Typography>
        {cluster.findings.length ? (
          <Findings cluster={cluster} />
        ) : (
          <Typography variant="body2">
            No rule applies to this cluster.
          </Typography>
        )}
      </Box>
      <ClusterExceptions exceptions={cluster.exceptions} />
      {onRequestException && cluster.state !== 'compliant' && (
        <Box mt={2}>
          <Button
            variant="outlined"
            color="primary"
            onClick={onRequestException}
          >
            Request exception
          </Button>
        </Box>
      )}
    </>
  );
};
