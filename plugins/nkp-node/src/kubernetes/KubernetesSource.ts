/*
 * Reads one NKP cluster (a management cluster, or a self-managed one) through its Kubernetes API:
 * discovery, then a complete read of every served NKP resource: a watch-list stream where the
 * server accepts one (`streamingLists`), else a paginated LIST. The result can then be
 * followed with watches, so that changes reach the catalog in seconds; a source whose read
 * failed can be followed too (it is read again with backoff first).
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { allOrAbort } from './abortable';
import { NkpSource, NkpSourceChange, RawObjects } from '../NkpSource';
import { discoverResources } from './discoverResources';
import { FleetLists, followFleet, objectsOf } from './followFleet';
import { KubernetesApiClient } from './KubernetesApiClient';
import { listResource, ResourceList } from './listResource';
import { ServedResource } from './resources';
import { streamResource } from './streamResource';
import { KubernetesConnection, KubernetesReadOptions } from './types';

/** @public */
export class KubernetesSource implements NkpSource {
  private readonly client: KubernetesApiClient;
  private readonly readOptions: KubernetesReadOptions;
  private readonly logger: LoggerService;
  /** Resources whose server refused a watch-list stream: read in pages from then on. */
  private readonly refusesStreaming = new Set<string>();
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
        list: await this.readResource(resource, listSignal),
      })),
    );
    signal.throwIfAborted();
    return lists;
  }

  private async readResource(
    served: ServedResource,
    signal: AbortSignal,
  ): Promise<ResourceList> {
    if (
      this.readOptions.streamingLists &&
      !this.refusesStreaming.has(served.name)
    ) {
      const streamed = await streamResource(this.client, served, {
        signal,
        idleTimeoutMs: this.readOptions.requestTimeoutMs,
        timeoutSeconds: this.readOptions.watch.serverTimeoutSeconds,
      });
      if (streamed !== 'refused') {
        return streamed;
      }
      this.refusesStreaming.add(served.name);
      this.logger.info(
        `${this.client.server} refused a watch-list stream of ${served.name}; reading it in pages from now on`,
      );
    }
    return listResource(this.client, served, {
      pageSize: this.readOptions.pageSize,
      signal,
      logger: this.logger,
    });
  }
}
