/*
 * From a management cluster's catalog entity to a client for its API server: the entity's
 * `nkp-lifecycle.io/source` annotation names the catalog source that ingests it, and that
 * source's `api` connection (read by nkp-node, as the catalog module reads it) is how the portal
 * reaches the cluster. The same client, authentication and timeouts as the ingestion, not a copy.
 */

import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NKP_ANNOTATIONS } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  NKP_SOURCES_CONFIG_KEY,
  readNkpSourceConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { KubernetesApiClient } from '@nkp-lifecycle/backstage-plugin-nkp-node/kubernetes';

/**
 * The client for the management cluster `ref` names; an InputError naming `managementCluster`
 * (or the config key) when it is not one the portal can reach.
 */
export async function managementClusterClient(
  ref: string,
  options: {
    config: Config;
    catalog: CatalogService;
    auth: AuthService;
    credentials?: BackstageCredentials;
  },
): Promise<{ client: KubernetesApiClient; source: string }> {
  // The caller has passed nkp.cluster.apply; which clusters exist is the portal's own business.
  const credentials =
    options.credentials ?? (await options.auth.getOwnServiceCredentials());
  const entity = await options.catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new InputError(
      `managementCluster: "${ref}" is not an entity in the catalog`,
    );
  }
  const annotations = entity.metadata.annotations ?? {};
  const name = stringifyEntityRef(entity);
  if (annotations[NKP_ANNOTATIONS.clusterType] !== 'management') {
    throw new InputError(
      `managementCluster: ${name} is not an NKP management cluster (its ${
        NKP_ANNOTATIONS.clusterType
      } is ${annotations[NKP_ANNOTATIONS.clusterType] ?? 'not set'})`,
    );
  }
  const source = annotations[NKP_ANNOTATIONS.source];
  const sourceConfig =
    source &&
    options.config.getOptionalConfig(`${NKP_SOURCES_CONFIG_KEY}.${source}`);
  if (!source || !sourceConfig) {
    throw new InputError(
      `managementCluster: ${name} comes from source "${
        source ?? '(none)'
      }", which is not configured under ${NKP_SOURCES_CONFIG_KEY}`,
    );
  }
  const { api } = readNkpSourceConfig(source, sourceConfig);
  if (!api || api.endpoints.length !== 1) {
    throw new InputError(
      `managementCluster: ${name} is read from ${
        api ? 'a list of endpoints' : 'an offline export'
      }; direct apply needs ${NKP_SOURCES_CONFIG_KEY}.${source}.api, the connection to its API server`,
    );
  }
  const [endpoint] = api.endpoints;
  return {
    client: KubernetesApiClient.fromConnection(endpoint.connection, {
      key: endpoint.key,
      requestTimeoutMs: api.readOptions.requestTimeoutMs,
    }),
    source,
  };
}
