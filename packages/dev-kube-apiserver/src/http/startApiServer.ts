/*
 * Starts the server: one HTTP listener per address of the host (localhost is both 127.0.0.1
 * and ::1, and clients may try either), bearer-token authentication on everything but
 * `/version` and the health checks, discovery, and the resource verbs (list, watch, get, apply,
 * delete).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SeedObject } from '../seed/readSeed';
import { seedStore } from '../seed/seedStore';
import { ListSnapshots } from '../store/ListSnapshots';
import { ObjectStore } from '../store/ObjectStore';
import { Caller, sendJson, ServerContext } from './context';
import { discoveryDocument } from './discovery';
import { handleApply } from './handleApply';
import { handleDelete } from './handleDelete';
import { handleList } from './handleList';
import { handleWatch } from './handleWatch';
import { resourcePath } from './resourcePath';
import { ApiError, statusErrors } from './status';

/**
 * How to start the server; every timing has a default fit for the demo.
 *
 * @public
 */
export interface ApiServerOptions {
  /** Default `localhost`. */
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Bearer token with full access. */
  token: string;
  /** Bearer token that may only get, list and watch (403 on writes). */
  readOnlyToken?: string;
  seed: SeedObject[];
  /** Default 60 000, about what kube-apiserver sends on an idle watch. */
  bookmarkIntervalMs?: number;
  /** Default 1800. */
  maxWatchSeconds?: number;
  /**
   * Serve watch-list streams (`sendInitialEvents=true`, Kubernetes 1.32+). Default true; false
   * answers them 422, as a server with the `WatchList` feature gate off does.
   */
  watchList?: boolean;
  /** How long a continue token stays valid; default 5 minutes. */
  continueTtlMs?: number;
  /** Continue snapshots kept at most; default 100. */
  maxListSnapshots?: number;
  /** Events kept for watches to resume from; default 1000. */
  eventWindow?: number;
  log?: (message: string) => void;
}

/**
 * A started server.
 *
 * @public
 */
export interface RunningApiServer {
  /** e.g. `http://localhost:7012` (with the real port when 0 was asked for). */
  url: string;
  store: ObjectStore;
  close(): Promise<void>;
}

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);
const MAX_BODY_BYTES = 3 * 1024 * 1024;

function digest(value: string) {
  return createHash('sha256').update(value).digest();
}

function callerOf(
  req: http.IncomingMessage,
  options: ApiServerOptions,
): Caller | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const given = digest(match[1]);
  if (timingSafeEqual(given, digest(options.token))) {
    return { user: 'dev-kube-apiserver:admin', canWrite: true };
  }
  if (
    options.readOnlyToken &&
    timingSafeEqual(given, digest(options.readOnlyToken))
  ) {
    return { user: 'dev-kube-apiserver:viewer', canWrite: false };
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(statusErrors.tooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(
  context: ServerContext,
  options: ApiServerOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  const query = url.searchParams;
  if (PUBLIC_PATHS.has(pathname) && req.method === 'GET') {
    if (pathname === '/version') {
      sendJson(res, 200, discoveryDocument(pathname));
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    }
    return;
  }
  const caller = callerOf(req, options);
  if (!caller) {
    throw statusErrors.unauthorized();
  }
  const document =
    req.method === 'GET' ? discoveryDocument(pathname) : undefined;
  if (document) {
    sendJson(res, 200, document);
    return;
  }
  const target = resourcePath(pathname);
  if (!target) {
    throw statusErrors.noSuchResource();
  }
  const { name } = target;
  if (req.method === 'GET' && name === undefined) {
    if (query.get('watch') === 'true' || query.get('watch') === '1') {
      handleWatch(context, target, query, req, res);
    } else {
      handleList(context, target, pathname, query, res);
    }
  } else if (req.method === 'GET' && name !== undefined) {
    const object = context.store.get(target.type, target.namespace, name);
    if (!object) throw statusErrors.notFound(target.type, name);
    sendJson(res, 200, object);
  } else if (req.method === 'PATCH' && name !== undefined) {
    const body = await readBody(req);
    handleApply(context, { ...target, name }, query, req, body, caller, res);
  } else if (req.method === 'DELETE' && name !== undefined) {
    handleDelete(context, { ...target, name }, query, caller, res);
  } else {
    throw statusErrors.methodNotAllowed(req.method ?? '');
  }
}

function listen(server: http.Server, host: string, port: number) {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: host.includes(':') }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: http.Server) {
  return new Promise<void>(resolve => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts a server holding the seed's objects.
 *
 * @public
 */
export async function startApiServer(
  options: ApiServerOptions,
): Promise<RunningApiServer> {
  if (!options.token) {
    throw new Error('token: a bearer token is required');
  }
  const log = options.log ?? (() => {});
  const store = new ObjectStore({ eventWindow: options.eventWindow ?? 1000 });
  seedStore(store, options.seed);
  const context: ServerContext = {
    store,
    snapshots: new ListSnapshots({
      ttlMs: options.continueTtlMs ?? 5 * 60_000,
      maxSnapshots: options.maxListSnapshots ?? 100,
    }),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    maxWatchSeconds: options.maxWatchSeconds ?? 1800,
    watchList: options.watchList ?? true,
    log,
    watches: new Set(),
  };
  const listener: http.RequestListener = (req, res) => {
    handle(context, options, req, res).catch(error => {
      const status =
        error instanceof ApiError
          ? error.status
          : {
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Failure',
              message: `internal error: ${(error as Error).message}`,
              reason: 'InternalError',
              code: 500,
            };
      if (req.method !== 'GET' && status.code !== 401) {
        log(
          `${req.method} ${req.url}: ${status.code} ${status.reason}: ${status.message}`,
        );
      }
      if (res.headersSent) {
        res.end();
      } else {
        sendJson(res, status.code, status);
      }
    });
  };

  const host = options.host ?? 'localhost';
  const addresses = await lookup(host, { all: true });
  const servers = addresses.map(() => http.createServer(listener));
  let port = options.port;
  try {
    for (const [i, server] of servers.entries()) {
      port = await listen(server, addresses[i].address, port);
    }
  } catch (error) {
    await Promise.all(servers.filter(s => s.listening).map(close));
    throw new Error(
      `Cannot listen on ${host}:${options.port}: ${(error as Error).message}`,
    );
  }
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    async close() {
      for (const watch of context.watches) watch.end();
      await Promise.all(servers.map(close));
    },
  };
}
