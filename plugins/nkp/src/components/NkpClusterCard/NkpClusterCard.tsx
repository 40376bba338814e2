import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  clusterFactsFromEntity,
  nkpExceptionRequestPermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { errorMessage } from '../common/errors';
import { RequestExceptionDialog } from '../Exceptions/RequestExceptionDialog';
import { ClusterFacts } from './ClusterFacts';
import { ClusterPolicy } from './ClusterPolicy';

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
    policySection = (
      <ClusterPolicy
        cluster={cluster}
        onRequestException={
          canRequest.allowed ? () => setRequesting(true) : undefined
        }
      />
    );
  }

  return (
    <InfoCard title="NKP cluster">
      {policySection}
      <ClusterFacts facts={clusterFactsFromEntity(entity)} />
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
