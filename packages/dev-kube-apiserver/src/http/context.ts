/*
 * What the request handlers share: the store, the list snapshots, the timings and the log.
 */
import type http from 'node:http';
import { ListSnapshots } from '../store/ListSnapshots';
import { ObjectStore } from '../store/ObjectStore';

export interface ServerContext {
  store: ObjectStore;
  snapshots: ListSnapshots;
  /** Milliseconds between BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs: number;
  /** How long a watch without `timeoutSeconds` stays open. */
  maxWatchSeconds: number;
  /** Whether watch-list streams (`sendInitialEvents=true`) are served. */
  watchList: boolean;
  log: (message: string) => void;
  /** Open watch responses, ended when the server closes. */
  watches: Set<http.ServerResponse>;
}

/** Who a request comes from, by its bearer token. */
export interface Caller {
  user: string;
  canWrite: boolean;
}

export function sendJson(
  res: http.ServerResponse,
  code: number,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
