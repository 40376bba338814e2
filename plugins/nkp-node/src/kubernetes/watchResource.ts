/*
 * Keeps one resource's objects current: WATCH from the last known resourceVersion with
 * bookmarks and apply events to the objects. Runs until `signal` aborts or the server answers
 * `410 Gone` (events were lost: the caller reads the whole server again); a watch that ends is
 * reopened at once, one that fails after a jittered, growing delay.
 */

import type { NkpObjectEvent } from '../NkpSource';
import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { asRecord, asString } from '../normalise/objects';
import { sleep } from './abortable';
import { backoffDelay } from './backoff';
import { isGone, KubernetesApiError, watchEventError } from './errors';
import { KubernetesApiClient } from './KubernetesApiClient';
import { ResourceList } from './listResource';
import { objectKey, ServedResource, storedObject } from './resources';
import { KubernetesReadOptions } from './types';

export async function watchResource(options: {
  client: KubernetesApiClient;
  served: ServedResource;
  /** The objects to keep current (mutated in place) and where the watch starts. */
  list: ResourceList;
  readOptions: Pick<KubernetesReadOptions, 'watch'>;
  logger: LoggerService;
  /** Called after every change to `list.objects`, with the event as applied. */
  onChange: (event: NkpObjectEvent) => void;
  signal: AbortSignal;
}): Promise<'gone' | 'aborted'> {
  const { client, served, list, readOptions, logger, onChange, signal } =
    options;
  const { watch } = readOptions;
  let resourceVersion = list.resourceVersion;
  let failures = 0;

  const applyEvent = (line: string) => {
    const event = asRecord(JSON.parse(line));
    const type = asString(event?.type);
    const object = event?.object;
    if (type === 'ERROR') {
      throw watchEventError(`watch of ${served.name}`, object);
    }
    const version = asString(
      asRecord(asRecord(object)?.metadata)?.resourceVersion,
    );
    if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
      const key = objectKey(object);
      const stored = storedObject(served, object);
      if (!key || !stored) {
        logger.warn(
          `Ignoring a ${type} event of ${served.name} without an object identity`,
        );
      } else {
        const previous = list.objects.get(key);
        if (type === 'DELETED') {
          list.objects.delete(key);
        } else {
          list.objects.set(key, stored);
        }
        // What the list held decides, not the event's name: a watch resumed after a
        // reconnect may report as ADDED what is already there.
        let applied: NkpObjectEvent['type'] = previous ? 'MODIFIED' : 'ADDED';
        if (type === 'DELETED') {
          applied = 'DELETED';
        }
        onChange({
          type: applied,
          object: type === 'DELETED' ? previous ?? stored : stored,
          ...(previous ? { previous } : {}),
        });
      }
    } else if (type !== 'BOOKMARK') {
      logger.warn(
        `Ignoring a watch event of unknown type "${type}" for ${served.name}`,
      );
    }
    if (version) {
      resourceVersion = version;
    }
    // The connection delivers: whatever failed before is over.
    failures = 0;
  };

  while (!signal.aborted) {
    try {
      const query = new URLSearchParams({
        watch: 'true',
        allowWatchBookmarks: 'true',
        resourceVersion,
        // Jittered so that the watches of a fleet do not all reconnect in the same second.
        timeoutSeconds: String(
          Math.round(watch.serverTimeoutSeconds * (0.8 + Math.random() * 0.2)),
        ),
      });
      const opened = Date.now();
      await client.streamLines(`${served.path}?${query}`, {
        signal,
        idleTimeoutMs: watch.idleTimeoutMs,
        onLine: applyEvent,
      });
      // The server ended the watch (its timeout): continue from where it stopped, unless it
      // keeps ending them at once, which would otherwise be a busy loop.
      if (Date.now() - opened < 1000) {
        throw new KubernetesApiError(
          `the server ended the watch of ${served.name} immediately`,
        );
      }
    } catch (error) {
      if (signal.aborted) {
        break;
      }
      if (isGone(error)) {
        // Our resourceVersion is older than the server's watch window: events are lost.
        logger.info(
          `The watch of ${served.name} is too far behind (410 Gone); reading the server again`,
        );
        return 'gone';
      }
      failures++;
      const delay = backoffDelay(failures, watch.backoff);
      logger.warn(
        `Watch of ${served.name} failed (${stringifyError(
          error,
        )}); retrying in ${delay} ms`,
      );
      await sleep(delay, signal).catch(() => undefined);
    }
  }
  return 'aborted';
}
