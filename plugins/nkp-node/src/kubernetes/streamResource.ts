/*
 * A complete read of one resource as a watch-list stream (Kubernetes 1.32+): one WATCH with
 * `sendInitialEvents=true` and `resourceVersionMatch=NotOlderThan` and no resourceVersion, which
 * the server answers with an ADDED event per object of a consistent, current state and then a
 * BOOKMARK annotated `k8s.io/initial-events-end: "true"` carrying that state's resourceVersion.
 * The stream is closed at that bookmark; following continues with a watch from its version.
 *
 * The same guarantees as a paged LIST: anything short of the bookmark (an ERROR event, the
 * stream ending or being cut off, `idleTimeoutMs` of silence, an abort) fails the read, so a
 * partial stream is never taken for the fleet. A server that refuses the request (422 Invalid or
 * 400, e.g. its `WatchList` feature gate is off, or it predates watch-list) resolves to
 * 'refused', and the caller reads the resource in pages.
 */

import { InputError } from '@backstage/errors';
import { RawObject } from '../normalise';
import { asRecord, asString } from '../normalise/objects';
import { KubernetesApiError, watchEventError } from './errors';
import { KubernetesApiClient } from './KubernetesApiClient';
import { ResourceList } from './listResource';
import { objectKey, ServedResource, storedObject } from './resources';

/** The annotation of the bookmark that ends the initial events. */
export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

export async function streamResource(
  client: KubernetesApiClient,
  served: ServedResource,
  options: {
    signal: AbortSignal;
    /** The longest silence the stream may have before it counts as stalled. */
    idleTimeoutMs: number;
    /** Asked of the server as `timeoutSeconds`: the most the stream may take as a whole. */
    timeoutSeconds: number;
  },
): Promise<ResourceList | 'refused'> {
  const objects = new Map<string, RawObject>();
  let unnamed = 0;
  let resourceVersion: string | undefined;
  const query = new URLSearchParams({
    watch: 'true',
    sendInitialEvents: 'true',
    resourceVersionMatch: 'NotOlderThan',
    allowWatchBookmarks: 'true',
    timeoutSeconds: String(options.timeoutSeconds),
  });
  const what = `the watch-list stream of ${served.name}`;
  let answered = false;
  try {
    await client.streamLines(`${served.path}?${query}`, {
      signal: options.signal,
      idleTimeoutMs: options.idleTimeoutMs,
      onLine: line => {
        answered = true;
        const event = asRecord(JSON.parse(line));
        const type = asString(event?.type);
        const object = event?.object;
        if (type === 'ERROR') {
          throw watchEventError(what, object);
        }
        if (type === 'BOOKMARK') {
          const metadata = asRecord(asRecord(object)?.metadata);
          if (
            asRecord(metadata?.annotations)?.[INITIAL_EVENTS_END] !== 'true'
          ) {
            return undefined;
          }
          resourceVersion = asString(metadata?.resourceVersion);
          if (!resourceVersion) {
            throw new KubernetesApiError(
              `${what}: the initial-events-end bookmark has no resourceVersion to watch from`,
            );
          }
          return 'stop';
        }
        if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') {
          // Not a watch stream at all (e.g. a list body from something in between): fail.
          throw new KubernetesApiError(
            `${what}: unexpected event type "${type}"`,
          );
        }
        const stored = storedObject(served, object);
        // Keep even objects without an identity, so normalisation can warn about them.
        const key = objectKey(object) ?? `(unnamed) ${unnamed++}`;
        if (type === 'DELETED') {
          objects.delete(key);
        } else {
          objects.set(key, stored ?? (object as RawObject));
        }
        return undefined;
      },
    });
  } catch (error) {
    // Only the answer to the request itself: an ERROR event later in the stream is a failure.
    if (!answered && isRefusal(error)) {
      return 'refused';
    }
    throw error;
  }
  if (!resourceVersion) {
    throw new KubernetesApiError(
      `GET ${client.server}${served.path}: ${what} ended before its initial-events-end bookmark, after ${objects.size} objects`,
    );
  }
  return { objects, resourceVersion };
}

/** What a server answers to watch-list parameters it does not accept. */
function isRefusal(error: unknown): boolean {
  // errorForStatus makes a 422 an InputError.
  return (
    error instanceof InputError ||
    (error instanceof KubernetesApiError && error.statusCode === 400)
  );
}
