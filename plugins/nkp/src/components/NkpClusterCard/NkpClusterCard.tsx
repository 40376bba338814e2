import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { clusterFactsFromEntity } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * The NKP facts of the cluster entity on its overview page.
 *
 * @public
 */
export const NkpClusterCard = () => {
  const { entity } = useEntity();
  const facts = clusterFactsFromEntity(entity);
  return (
    <InfoCard title="NKP cluster">
      <StructuredMetadataTable
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
    </InfoCard>
  );
};
