/*
 * Reads one NKP cluster (a management cluster, or a self-managed one) through its Kubernetes API:
 * discovery, then a complete paginated LIST of every served NKP resource. The result can then be
 * followed with watches, so that changes reach the catalog in seconds; a source whose read
 * failed can be followed too (it is read again with backoff first).
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { allOrAbort } from './abortable';
import { NkpSource, NkpSourceChange, RawObjects } from '../NkpSource';
import { discoverResources } from './discoverResources';
import { FleetLists, followFleet, objectsOf } from './followFleet';
import { KubernetesApiClient } from './KubernetesApiClient';
import { listResource } from './listResource';
import { KubernetesConnection, KubernetesReadOptions } from './types';

/** @public */
export class KubernetesSource implements NkpSource {
  private readonly client: KubernetesApiClient;
  private readonly readOptions: KubernetesReadOptions;
  private readonly logger: LoggerService;
  /** Present when watches are enabled: following needs them. */
  readonly follow?: NkpSource['follow'];

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
    if (this.readOptions.watch.enabled) {
      this.follow = (onChange, signal) =>
        this.followFrom(undefined, onChange, signal);
    }
  }

  async read(signal: AbortSignal): Promise<RawObjects> {
    const lists = await this.readAll(signal);
    const objects = objectsOf(lists);
    if (!this.readOptions.watch.enabled) {
      return { objects };
    }
    return {
      objects,
      watch: (onChange, watchSignal) =>
        this.followFrom(lists, onChange, watchSignal),
    };
  }

  private followFrom(
    lists: FleetLists | undefined,
    onChange: (change: NkpSourceChange) => void,
    signal: AbortSignal,
  ): Promise<void> {
    return followFleet({
      client: this.client,
      lists,
      readAll: readSignal => this.readAll(readSignal),
      readOptions: this.readOptions,
      logger: this.logger,
      onChange,
      signal,
    });
  }

  /** Discovery, then every served resource's complete list. */
  private async readAll(signal: AbortSignal): Promise<FleetLists> {
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
    return lists;
  }
}
