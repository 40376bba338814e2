/*
 * Follows every resource of one server and reports the current object set after changes
 * settle. Events are batched for a window that bounds the latency (it is not extended by
 * further events), so a steady stream of changes cannot postpone the update forever.
 *
 * When any watch gets `410 Gone`, events were lost: every watch stops and the whole server is
 * read again (discovery and every list), at once and then with backoff while that fails, and
 * the result is reported as ONE change with cause `read`, never as one change per resource type
 * that would mix old and new state. Following without a read to start from begins the same way.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { RawObject } from '../normalise';
import { NkpObjectEvent, NkpSourceChange } from '../NkpSource';
import { sleep } from './abortable';
import { backoffDelay } from './backoff';
import { KubernetesApiClient } from './KubernetesApiClient';
import { ResourceList } from './listResource';
import { ServedResource } from './resources';
import { KubernetesReadOptions } from './types';
import { watchResource } from './watchResource';

/** One complete read of a server: each served resource and its list. */
export type FleetLists = Array<{ served: ServedResource; list: ResourceList }>;

export function objectsOf(lists: FleetLists) {
  return lists.flatMap(({ list }) => [...list.objects.values()]);
}

export async function followFleet(options: {
  client: KubernetesApiClient;
  /** The read to follow from; without one, the server is read first (after a backoff delay). */
  lists?: FleetLists;
  /** Reads the whole server. */
  readAll: (signal: AbortSignal) => Promise<FleetLists>;
  readOptions: Pick<KubernetesReadOptions, 'watch'>;
  logger: LoggerService;
  onChange: (change: NkpSourceChange) => void;
  signal: AbortSignal;
}): Promise<void> {
  const { signal } = options;
  let lists = options.lists;
  // Following from nothing means the last read failed: give the server a moment first.
  let waitFirst = lists === undefined;
  while (!signal.aborted) {
    if (!lists) {
      lists = await readUntilRead(options, waitFirst);
      if (!lists) {
        return;
      }
      options.onChange({ objects: objectsOf(lists), cause: 'read' });
    }
    if ((await watchAll(options, lists)) === 'aborted') {
      return;
    }
    lists = undefined;
    waitFirst = false;
  }
}

/** The whole server, read again until a read succeeds; undefined once `signal` aborts. */
async function readUntilRead(
  options: Parameters<typeof followFleet>[0],
  waitFirst: boolean,
): Promise<FleetLists | undefined> {
  const { readAll, readOptions, logger, signal, client } = options;
  for (let attempt = waitFirst ? 1 : 0; !signal.aborted; attempt++) {
    if (attempt > 0) {
      const delay = backoffDelay(attempt, readOptions.watch.backoff);
      const slept = await sleep(delay, signal).then(
        () => true,
        () => false,
      );
      if (!slept) {
        return undefined;
      }
    }
    try {
      return await readAll(signal);
    } catch (error) {
      if (signal.aborted) {
        return undefined;
      }
      logger.warn(
        `Reading ${client.server} to follow it failed (${stringifyError(
          error,
        )}); trying again`,
      );
    }
  }
  return undefined;
}

/** Watches every resource of `lists` until `signal` aborts or one of them is gone. */
async function watchAll(
  options: Parameters<typeof followFleet>[0],
  lists: FleetLists,
): Promise<'gone' | 'aborted'> {
  const { readOptions, logger, onChange, signal } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let events: NkpObjectEvent[] = [];
  const flush = () => {
    timer = undefined;
    const batch = events;
    events = [];
    if (!controller.signal.aborted) {
      // Listing every object costs tens of milliseconds at 100,000 clusters; a consumer that
      // patches from `events` never asks for them.
      let objects: RawObject[] | undefined;
      onChange({
        cause: 'events',
        events: batch,
        get objects() {
          objects ??= objectsOf(lists);
          return objects;
        },
      });
    }
  };
  const changed = (event: NkpObjectEvent) => {
    events.push(event);
    timer ??= setTimeout(flush, readOptions.watch.debounceMs);
  };
  try {
    const outcomes = await Promise.all(
      lists.map(({ served, list }) =>
        watchResource({
          client: options.client,
          served,
          list,
          readOptions,
          logger: logger.child({ resource: served.name }),
          onChange: changed,
          signal: controller.signal,
        }).then(outcome => {
          // One resource's history is lost: the others' events would only be overtaken.
          controller.abort();
          return outcome;
        }),
      ),
    );
    return outcomes.includes('gone') && !signal.aborted ? 'gone' : 'aborted';
  } finally {
    // Events not yet reported are part of the read that follows, or of nothing.
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
