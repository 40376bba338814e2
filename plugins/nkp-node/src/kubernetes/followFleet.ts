/*
 * Follows every resource of one server from a complete read and reports the current object set
 * after changes settle. The batching window bounds the latency (it is not extended by further
 * events), so a steady stream of changes cannot postpone the update forever.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { RawObject } from '../normalise';
import { KubernetesApiClient } from './KubernetesApiClient';
import { ResourceList } from './listResource';
import { ServedResource } from './resources';
import { KubernetesReadOptions } from './types';
import { watchResource } from './watchResource';

export async function followFleet(options: {
  client: KubernetesApiClient;
  lists: Array<{ served: ServedResource; list: ResourceList }>;
  readOptions: KubernetesReadOptions;
  logger: LoggerService;
  onChange: (objects: RawObject[]) => void;
  signal: AbortSignal;
}): Promise<void> {
  const { lists, readOptions, logger, onChange, signal } = options;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (!signal.aborted) {
      onChange(lists.flatMap(({ list }) => [...list.objects.values()]));
    }
  };
  const changed = () => {
    timer ??= setTimeout(flush, readOptions.watch.debounceMs);
  };
  const stop = () => clearTimeout(timer);
  signal.addEventListener('abort', stop, { once: true });

  try {
    await Promise.all(
      lists.map(({ served, list }) =>
        watchResource({
          client: options.client,
          served,
          list,
          readOptions,
          logger: logger.child({ resource: served.name }),
          onChange: changed,
          signal,
        }),
      ),
    );
  } finally {
    stop();
    signal.removeEventListener('abort', stop);
  }
}
