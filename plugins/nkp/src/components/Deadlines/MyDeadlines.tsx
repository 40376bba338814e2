import { EmptyState, Progress } from '@backstage/core-components';
import {
  alertApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  nkpExceptionRequestPermission,
  NkpClusterView,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { RequestExceptionDialog } from '../Exceptions/RequestExceptionDialog';
import { ownerLabel } from '../common/ownerLabel';
import { DeadlinesSummary } from './DeadlinesSummary';
import { DeadlinesTable } from './DeadlinesTable';
import { useOwnedClusters } from './useOwnedClusters';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

/**
 * "My upgrade deadlines": the clusters owned by the signed-in user or their groups, most urgent
 * first, with the days left, the target, the upgrade path and the reasons, and a way to ask
 * for more time.
 */
export const MyDeadlines = () => {
  const identityApi = useApi(identityApiRef);
  const alertApi = useApi(alertApiRef);
  const canRequest = usePermission({
    permission: nkpExceptionRequestPermission,
  });
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const owners = identity.value?.ownershipEntityRefs;
  const clusters = useOwnedClusters(owners);
  const [requesting, setRequesting] = useState<NkpClusterView>();

  const error = identity.error ?? clusters.error;
  if (error) {
    return (
      <NkpErrorPanel
        error={error}
        title="Could not load your upgrade deadlines"
      />
    );
  }
  if (!clusters.value) {
    return <Progress aria-label="Loading your upgrade deadlines" />;
  }
  if (clusters.value.length === 0) {
    const groups = (owners ?? [])
      .filter(ref => ref.startsWith('group:'))
      .map(ownerLabel);
    return (
      <EmptyState
        missing="data"
        title="No clusters owned by your groups"
        description={`${
          groups.length
            ? `You are a member of ${groups.join(', ')}. `
            : 'You are not a member of any group. '
        }Clusters belong to the group set as owner of their NKP workspace (label nkp-lifecycle.io/owner or owners in app-config); ask the platform team if a cluster of yours is missing, or browse the whole fleet in the Clusters tab.`}
      />
    );
  }

  return (
    <>
      <DeadlinesSummary clusters={clusters.value} />
      <DeadlinesTable
        title="My upgrade deadlines"
        clusters={clusters.value}
        showOwner={(owners ?? []).length > 2}
        onRequestException={canRequest.allowed ? setRequesting : undefined}
      />
      {requesting && (
        <RequestExceptionDialog
          open
          cluster={requesting}
          onClose={() => setRequesting(undefined)}
          onRequested={exception => {
            setRequesting(undefined);
            alertApi.post({
              message: `Exception requested for ${
                requesting.title ?? requesting.name
              }; it counts once the platform team approves it (${
                exception.id
              })`,
              severity: 'success',
              display: 'transient',
            });
          }}
        />
      )}
    </>
  );
};
