/*
 * WATCH of a collection: newline-delimited JSON events. From `resourceVersion` "" or "0" the
 * current objects come first as ADDED; from a later one, the events after it are replayed from
 * the store's window, and one older than the window gets an ERROR event with a 410 Status (as
 * kube-apiserver does: HTTP 200, then the error in the stream). With `allowWatchBookmarks=true`
 * a BOOKMARK with the current resourceVersion comes every `bookmarkIntervalMs`. The watch ends
 * after `timeoutSeconds` (default: the server's maximum).
 *
 * A watch-list stream (`sendInitialEvents=true`, which needs `resourceVersionMatch=NotOlderThan`
 * and `allowWatchBookmarks=true`) starts with the current objects as ADDED, then a BOOKMARK
 * annotated `k8s.io/initial-events-end: "true"` at the current resourceVersion, then goes on as
 * a watch. The options are checked as kube-apiserver checks them (422 Invalid), and with
 * `watchList: false` the stream is refused as by a server with the WatchList feature gate off.
 */
import type http from 'node:http';
import { apiVersionOf } from '../resources/resourceTypes';
import { objectNamespace, StoreEvent } from '../store/ObjectStore';
import { ServerContext } from './context';
import { refuseSelectors } from './handleList';
import { ResourcePath } from './resourcePath';
import { statusErrors } from './status';

function startVersionOf(query: URLSearchParams): number | undefined {
  const raw = query.get('resourceVersion');
  if (raw === null || raw === '' || raw === '0') return undefined;
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 0) {
    throw statusErrors.badRequest(
      `resourceVersion: Invalid value: "${raw}": must be a resourceVersion this server gave`,
    );
  }
  return version;
}

function timeoutOf(query: URLSearchParams, max: number): number {
  const raw = query.get('timeoutSeconds');
  if (raw === null || raw === '') return max;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw statusErrors.badRequest(
      `timeoutSeconds: Invalid value: "${raw}": must be a non-negative number`,
    );
  }
  return Math.min(seconds, max);
}

/** Whether the watch is a watch-list stream; 422 for options kube-apiserver would refuse. */
function initialEventsOf(
  context: ServerContext,
  query: URLSearchParams,
): boolean {
  const send = query.get('sendInitialEvents');
  const match = query.get('resourceVersionMatch');
  const causes: Array<{ field: string; message: string }> = [];
  if (send !== null) {
    if (match !== 'NotOlderThan') {
      causes.push({
        field: 'resourceVersionMatch',
        message:
          'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      });
    }
    if (!context.watchList) {
      causes.push({
        field: 'sendInitialEvents',
        message:
          'Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
      });
    }
    if (send === 'true' && query.get('allowWatchBookmarks') !== 'true') {
      causes.push({
        field: 'allowWatchBookmarks',
        message:
          'Forbidden: allowWatchBookmarks must be set to true when sendInitialEvents is true',
      });
    }
  } else if (match) {
    causes.push({
      field: 'resourceVersionMatch',
      message:
        'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
    });
  }
  if (causes.length) {
    throw statusErrors.invalidListOptions(causes);
  }
  return send === 'true';
}

export function handleWatch(
  context: ServerContext,
  target: ResourcePath,
  query: URLSearchParams,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  refuseSelectors(query);
  const initialEvents = initialEventsOf(context, query);
  // A watch-list stream starts from the current state, which is never older than asked for.
  const from = initialEvents ? undefined : startVersionOf(query);
  const timeoutSeconds = timeoutOf(query, context.maxWatchSeconds);
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const { store } = context;
  const relevant = (e: StoreEvent) =>
    e.resourceType === target.type &&
    (target.namespace === undefined ||
      objectNamespace(e.object) === target.namespace);
  const write = (type: string, object: unknown) =>
    res.write(`${JSON.stringify({ type, object })}\n`);

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();

  const backlog = from === undefined ? [] : store.eventsSince(from);
  if (backlog === 'gone') {
    write('ERROR', statusErrors.gone(String(from)).status);
    res.end();
    return;
  }
  if (from === undefined) {
    for (const object of store.list(target.type, target.namespace)) {
      write('ADDED', object);
    }
  }
  if (initialEvents) {
    write('BOOKMARK', {
      kind: target.type.kind,
      apiVersion: apiVersionOf(target.type),
      metadata: {
        resourceVersion: String(store.resourceVersion),
        annotations: { 'k8s.io/initial-events-end': 'true' },
      },
    });
  }
  for (const event of backlog.filter(relevant)) {
    write(event.type, event.object);
  }

  context.watches.add(res);
  const unsubscribe = store.subscribe(event => {
    if (relevant(event)) write(event.type, event.object);
  });
  const bookmarkTimer = bookmarks
    ? setInterval(
        () =>
          write('BOOKMARK', {
            kind: target.type.kind,
            apiVersion: apiVersionOf(target.type),
            metadata: { resourceVersion: String(store.resourceVersion) },
          }),
        context.bookmarkIntervalMs,
      )
    : undefined;
  const endTimer = setTimeout(() => res.end(), timeoutSeconds * 1000);
  const cleanUp = () => {
    unsubscribe();
    clearInterval(bookmarkTimer);
    clearTimeout(endTimer);
    context.watches.delete(res);
  };
  res.on('close', cleanUp);
  req.on('close', cleanUp);
}
