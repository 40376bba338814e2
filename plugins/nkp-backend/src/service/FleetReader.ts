import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  NKP_ANNOTATIONS,
  NkpClusterFacts,
  clusterFactsFromEntity,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';

/**
 * Reads the NKP clusters from the catalog: the `Resource`s of type `kubernetes-cluster` that the
 * NKP provider annotated, reduced to their facts and sorted by entity ref.
 */
export class FleetReader {
  constructor(private readonly catalog: CatalogService) {}

  async listClusters(
    credentials: BackstageCredentials,
  ): Promise<NkpClusterFacts[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': KUBERNETES_CLUSTER_RESOURCE_TYPE,
          [`metadata.annotations.${NKP_ANNOTATIONS.source}`]:
            CATALOG_FILTER_EXISTS,
        },
        // Only what clusterFactsFromEntity reads: a fleet of thousands stays a small response.
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.owner',
          'spec.type',
        ],
      },
      { credentials },
    );
    return items
      .map(clusterFactsFromEntity)
      .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
  }
}
