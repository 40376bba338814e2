import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useNkpLink } from '../common/useNkpLink';
import { DeadlinesSummary } from './DeadlinesSummary';
import { DeadlinesTable } from './DeadlinesTable';
import { useOwnedClusters } from './useOwnedClusters';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

/**
 * The upgrade deadlines of the group on its catalog page: its clusters, most urgent first.
 * Clusters of child groups are theirs, not this group's, and are not included.
 */
export const GroupDeadlinesCard = () => {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const clusters = useOwnedClusters([groupRef]);
  const link = useNkpLink()('clusters', { owner: groupRef });

  let body: JSX.Element;
  if (clusters.error) {
    body = (
      <NkpErrorPanel
        error={clusters.error}
        title="Could not load the NKP deadlines"
      />
    );
  } else if (!clusters.value) {
    body = <Progress aria-label="Loading NKP deadlines" />;
  } else if (clusters.value.length === 0) {
    body = (
      <Typography variant="body2">
        No NKP clusters are owned by this group. A cluster belongs to the group
        set as owner of its NKP workspace (label{' '}
        <code>nkp-lifecycle.io/owner</code>).
      </Typography>
    );
  } else {
    body = (
      <>
        <DeadlinesSummary clusters={clusters.value} />
        <DeadlinesTable title="Clusters" clusters={clusters.value} compact />
      </>
    );
  }
  return (
    <InfoCard
      title="NKP upgrade deadlines"
      deepLink={
        link && clusters.value?.length
          ? { title: 'All clusters of this group', link }
          : undefined
      }
    >
      {body}
    </InfoCard>
  );
};
