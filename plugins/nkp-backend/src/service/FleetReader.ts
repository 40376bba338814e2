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
 * Reads the NKP clusters from the catalog, on behalf of the caller, so the catalog's own
 * permissions apply too.
 */
export class FleetReader {
  constructor(private readonly catalog: CatalogService) {}

  async listClusters(credentials: BackstageCredentials): Promise<NkpClusterFacts[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': KUBERNETES_CLUSTER_RESOURCE_TYPE,
          [`metadata.annotations.${NKP_ANNOTATIONS.source}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    );
    return items
      .map(clusterFactsFromEntity)
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }
}
