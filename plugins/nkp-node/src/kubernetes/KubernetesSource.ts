/*
 * Reads one NKP cluster (a management cluster, or a self-managed one) through its Kubernetes API:
 * discovery, then a complete paginated LIST of every served NKP resource. The result can then be
 * followed with watches, so that changes reach the catalog in seconds.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { RawObject } from '../normalise';
import { allOrAbort } from './abortable';
import { NkpSource, RawObjects } from '../NkpSource';
import { discoverResources } from './discoverResources';
import { followFleet } from './followFleet';
import { KubernetesApiClient } from './KubernetesApiClient';
import { listResource } from './listResource';
import { KubernetesConnection, KubernetesReadOptions } from './types';

/** @public */
export class KubernetesSource implements NkpSource {
  private readonly client: KubernetesApiClient;
  private readonly readOptions: KubernetesReadOptions;
  private readonly logger: LoggerService;

  /** `key` is the config key of the connection, for error messages. */
  static fromConnection(options: {
    connection: KubernetesConnection;
    key: string;
    readOptions: KubernetesReadOptions;
    logger: LoggerService;
  }): KubernetesSource {
    return new KubernetesSource({
      client: KubernetesApiClient.fromConnection(options.connection, {
        key: options.key,
        requestTimeoutMs: options.readOptions.requestTimeoutMs,
      }),
      readOptions: options.readOptions,
      logger: options.logger,
    });
  }

  constructor(options: {
    client: KubernetesApiClient;
    readOptions: KubernetesReadOptions;
    logger: LoggerService;
  }) {
    this.client = options.client;
    this.readOptions = options.readOptions;
    this.logger = options.logger.child({ server: options.client.server });
  }

  async read(signal: AbortSignal): Promise<RawObjects> {
    const { served, notServed } = await discoverResources(this.client, signal);
    if (notServed.length) {
      this.logger.debug(
        `${this.client.server} does not serve ${notServed.join(
          ', ',
        )}; reading without`,
      );
    }
    const lists = await allOrAbort(
      signal,
      served.map(resource => async listSignal => ({
        served: resource,
        list: await listResource(this.client, resource, {
          pageSize: this.readOptions.pageSize,
          signal: listSignal,
          logger: this.logger,
        }),
      })),
    );
    signal.throwIfAborted();
    const objects: RawObject[] = lists.flatMap(({ list }) => [
      ...list.objects.values(),
    ]);
    if (!this.readOptions.watch.enabled) {
      return { objects };
    }
    return {
      objects,
      watch: (onChange, watchSignal) =>
        followFleet({
          client: this.client,
          lists,
          readOptions: this.readOptions,
          logger: this.logger,
          onChange,
          signal: watchSignal,
        }),
    };
  }
}
