/*
 * Turns a source's config into the parts a provider reads: one part for an offline export or a
 * single API endpoint, one per cluster for a list of self-managed endpoints. Each part is
 * normalised on its own (its own cluster is the only one of its kind) under its own name prefix.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NkpSource,
  NkpSourcePartSettings,
  OfflineExportSource,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { KubernetesSource } from '@nkp-lifecycle/backstage-plugin-nkp-node/kubernetes';
import { NkpProviderConfig } from './NkpProviderConfig';

/** @public */
export interface NkpSourcePart extends NkpSourcePartSettings {
  /** '' for a source of one cluster; the endpoint name in a list of self-managed clusters. */
  name: string;
  source: NkpSource;
}

export function createSourceParts(
  config: NkpProviderConfig,
  logger: LoggerService,
): NkpSourcePart[] {
  if (config.offline) {
    return [
      {
        name: '',
        source: new OfflineExportSource(config.offline.paths),
        entityNamePrefix: config.entityNamePrefix,
        dashboardUrl: config.dashboardUrl,
      },
    ];
  }
  const api = config.api!;
  return api.endpoints.map(endpoint => ({
    name: endpoint.name,
    source: KubernetesSource.fromConnection({
      connection: endpoint.connection,
      key: endpoint.key,
      readOptions: api.readOptions,
      logger: endpoint.name
        ? logger.child({ endpoint: endpoint.name })
        : logger,
    }),
    entityNamePrefix: [config.entityNamePrefix, endpoint.name]
      .filter(Boolean)
      .join('-'),
    dashboardUrl: endpoint.dashboardUrl ?? config.dashboardUrl,
    caData:
      endpoint.connection.auth === 'token'
        ? endpoint.connection.caData
        : undefined,
  }));
}
