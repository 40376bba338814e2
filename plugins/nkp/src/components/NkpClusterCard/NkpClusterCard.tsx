import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  PlatformStep,
  clusterFactsFromEntity,
  nkpExceptionRequestPermission,
  stateRank,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpClusterDetail } from '../../api/types';
import { formatTargetVersion, formatUpgradeStep } from '../common/format';
import { errorMessage } from '../common/errors';
import { ExceptionStatusLabel } from '../Exceptions/ExceptionStatusLabel';
import {
  RequestExceptionDialog,
  RULE_LABELS,
} from '../Exceptions/RequestExceptionDialog';
import { describeDeadline, PolicyStateLabel } from '../PolicyState';

/** Every rule's verdict, worst first: the reasons behind the state come before the rest. */
const Findings = ({ cluster }: { cluster: NkpClusterDetail }) => (
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
 * The NKP card on a cluster's page: its policy state, deadline, target, upgrade path and the
 * reasons, what the platform team has scheduled for it (a management cluster a management-plane
 * plan moves), the exceptions that concern it, then the NKP facts. The facts come from the entity
 * and stay visible when the policy backend cannot answer.
 *
 * @public
 */
export const NkpClusterCard = () => {
  const { entity } = useEntity();
  const nkpApi = useApi(nkpApiRef);
  const alertApi = useApi(alertApiRef);
  const canRequest = usePermission({
    permission: nkpExceptionRequestPermission,
  });
  const facts = clusterFactsFromEntity(entity);
  const { namespace, name } = getCompoundEntityRef(entity);
  const policy = useAsyncRetry(
    () => nkpApi.getCluster({ namespace, name }),
    [nkpApi, namespace, name],
  );
  const [requesting, setRequesting] = useState(false);
  const cluster = policy.value;

  let policySection: JSX.Element;
  if (policy.loading && !cluster) {
    policySection = <Progress aria-label="Loading the policy state" />;
  } else if (policy.error || !cluster) {
    const notFound =
      (policy.error as { statusCode?: number })?.statusCode === 404;
    policySection = (
      <WarningPanel
        title="Policy state unavailable"
        message={
          notFound
            ? 'The NKP Lifecycle backend has not evaluated this cluster yet (new clusters are picked up within a minute), or you may not read it.'
            : errorMessage(policy.error)
        }
      />
    );
  } else {
    const scheduled = scheduledUpgrades(cluster);
    policySection = (
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
        {cluster.exceptions.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              Exceptions
            </Typography>
            <ul aria-label="Exceptions" style={{ margin: 0, paddingLeft: 18 }}>
              {cluster.exceptions.map(e => (
                <li key={e.id}>
                  <ExceptionStatusLabel exception={e} />
                  <Typography variant="body2" color="textSecondary">
                    {'owner' in e.target
                      ? 'For every cluster of the owner, '
                      : ''}
                    {e.rule ? RULE_LABELS[e.rule] : 'every rule'}, ends{' '}
                    {e.expiresAt.slice(0, 10)} · requested by {e.requestedBy}:{' '}
                    {e.reason}
                  </Typography>
                </li>
              ))}
            </ul>
          </Box>
        )}
        {canRequest.allowed && cluster.state !== 'compliant' && (
          <Box mt={2}>
            <Button
              variant="outlined"
              color="primary"
              onClick={() => setRequesting(true)}
            >
              Request exception
            </Button>
          </Box>
        )}
      </>
    );
  }

  return (
    <InfoCard title="NKP cluster">
      {policySection}
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Facts
        </Typography>
        <StructuredMetadataTable
          dense
          metadata={{
            'Cluster type': facts.clusterType ?? 'unknown',
            'Kubernetes version': facts.kubernetesVersion ?? 'unknown',
            'NKP version': facts.nkpVersion ?? 'unknown',
            'Management cluster': facts.managementCluster ?? '—',
            Workspace: facts.workspace ?? '—',
            Projects: facts.projects.length ? facts.projects.join(', ') : '—',
            Phase: facts.phase ?? '—',
            Source: facts.source ?? '—',
          }}
        />
      </Box>
      {requesting && cluster && (
        <RequestExceptionDialog
          open
          cluster={cluster}
          onClose={() => setRequesting(false)}
          onRequested={exception => {
            setRequesting(false);
            alertApi.post({
              message: `Exception requested (${exception.id}); it counts once the platform team approves it`,
              severity: 'success',
              display: 'transient',
            });
            policy.retry();
          }}
        />
      )}
    </InfoCard>
  );
};
