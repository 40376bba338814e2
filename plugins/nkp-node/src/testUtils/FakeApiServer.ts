/*
 * An msw-backed stand-in for a kube-apiserver with the NKP CRDs: discovery, paginated LISTs with
 * `limit`/`continue` and a shared resourceVersion, WATCH streams of newline-delimited JSON
 * events that tests drive, and watch-list streams (`sendInitialEvents=true`: the objects as
 * ADDED, then the initial-events-end bookmark; refused with 422 as by a server with the
 * `WatchList` feature gate off when `watchList: false`). Objects get the metadata a real server adds (uid, resourceVersion,
 * managedFields, …). `failNext` injects one faulty response for the next matching request;
 * `restore` replaces everything behind the watches' back, as a restore from a backup does.
 * `FakeApiServer.listen` serves one over real HTTP, for clients in other processes.
 */

import { getResponse, http, HttpResponse, HttpHandler } from 'msw';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import apis from './__fixtures__/apis.json';
import apiResourceLists from './__fixtures__/apiResourceLists.json';

/**
 * A Kubernetes object as the fake server stores it.
 *
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FakeApiObject = Record<string, any>;

/**
 * Sees every request to a listening fake first; may delay it, or answer it by returning a response.
 *
 * @public
 */
export type FakeApiIntercept = (
  request: Request,
) => void | Response | Promise<void | Response>;

/**
 * A faulty answer injected with `failNext`.
 *
 * @public
 */
export type FakeApiResponder = (
  request: Request,
) => Response | Promise<Response>;

/**
 * One open WATCH stream.
 *
 * @public
 */
export interface FakeApiWatcher {
  path: string;
  url: URL;
  send(event: unknown): void;
  close(): void;
}

const PLURALS: Record<string, string> = {
  Workspace: 'workspaces',
  Project: 'projects',
  KommanderCluster: 'kommanderclusters',
  Cluster: 'clusters',
  NKPCluster: 'nkpclusters',
  Release: 'releases',
};

/** @public */
export class FakeApiServer {
  readonly requests: URL[] = [];
  private readonly objects = new Map<string, Map<string, FakeApiObject>>();
  private readonly faults: Array<{
    match: (url: URL) => boolean;
    respond: FakeApiResponder;
  }> = [];
  private readonly watchers = new Set<FakeApiWatcher>();
  /**
   * Every watch ever opened, oldest first (msw does not tell when a client goes away); without
   * the watch-list streams, which are in `streamHistory`.
   */
  readonly watchHistory: FakeApiWatcher[] = [];
  /** Every watch-list stream (`sendInitialEvents=true`) ever opened, oldest first. */
  readonly streamHistory: FakeApiWatcher[] = [];
  private resourceVersion = 1000;
  /** Watches from before this resourceVersion are refused with 410 Gone. */
  private compactedBefore = 0;

  /**
   * A fake served over real HTTP on a loopback port, for clients that msw cannot intercept
   * (other processes, e.g. backends started as child processes). `intercept` sees every
   * request first; it may delay it, or answer it instead by returning a response.
   */
  static async listen(
    options: ConstructorParameters<typeof FakeApiServer>[1] & {
      intercept?: FakeApiIntercept;
    } = {},
  ): Promise<{ api: FakeApiServer; close(): Promise<void> }> {
    const server = createServer();
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    const api = new FakeApiServer(`http://127.0.0.1:${port}`, options);
    const handlers = api.handlers();
    server.on(
      'request',
      (incoming: IncomingMessage, outgoing: ServerResponse) =>
        serveHttp(
          handlers,
          api.url,
          incoming,
          outgoing,
          options.intercept,
        ).catch(() => outgoing.destroy()),
    );
    return {
      api,
      close: () =>
        new Promise(resolve => {
          api.endWatches();
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  constructor(
    readonly url: string,
    private readonly options: {
      servedGroups?: (group: string) => boolean;
      /** When set, requests without `Authorization: Bearer <token>` get a 401, as from kube-apiserver. */
      token?: string;
      /** Whether watch-list streams are served. Default true. */
      watchList?: boolean;
    } = {},
  ) {}

  /** Stores objects the way a server would after creating them. */
  add(...objects: FakeApiObject[]): this {
    for (const object of objects) {
      this.put(object);
    }
    return this;
  }

  /** Changes or creates an object and tells the open watches (MODIFIED / ADDED). */
  modify(object: FakeApiObject): FakeApiObject {
    const existed = this.find(object) !== undefined;
    const stored = this.put(object);
    this.notify(stored, existed ? 'MODIFIED' : 'ADDED');
    return stored;
  }

  remove(object: FakeApiObject): void {
    const stored = this.find(object);
    if (stored) {
      this.collection(stored).delete(keyOf(stored));
      stored.metadata.resourceVersion = String(++this.resourceVersion);
      this.notify(stored, 'DELETED');
    }
  }

  /**
   * Replaces every object without watch events, as a server restored from a backup or one that
   * lost its storage does: the history is gone, so open watches get an `ERROR` event with code
   * 410 and end, and watches from an older resourceVersion are refused with `410 Gone`.
   */
  restore(...objects: FakeApiObject[]): this {
    this.objects.clear();
    this.add(...objects);
    this.resourceVersion += 100;
    this.compactedBefore = this.resourceVersion;
    for (const watcher of [...this.watchers]) {
      watcher.send({
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'too old resource version',
          reason: 'Expired',
          code: 410,
        },
      });
      watcher.close();
    }
    return this;
  }

  /** Sends a raw event to the open watches of a resource path (`/apis/g/v/plural`). */
  sendEvent(path: string, event: unknown): void {
    for (const watcher of this.watchers) {
      if (watcher.path === path) {
        watcher.send(event);
      }
    }
  }

  /** Ends every open watch cleanly, as the server does when their timeoutSeconds pass. */
  endWatches(): void {
    for (const watcher of [...this.watchers]) {
      watcher.close();
    }
  }

  /** The watches of `path` opened so far, oldest first. */
  watches(path: string): FakeApiWatcher[] {
    return this.watchHistory.filter(w => w.path === path);
  }

  /** Waits until `count` watches of `path` have been opened in total; returns the newest. */
  async waitForWatch(path: string, count = 1): Promise<FakeApiWatcher> {
    for (let i = 0; i < 300; i++) {
      const watches = this.watches(path);
      if (watches.length >= count) {
        return watches[watches.length - 1];
      }
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    throw new Error(`expected ${count} watches of ${path}`);
  }

  failNext(match: (url: URL) => boolean, respond: FakeApiResponder): this {
    this.faults.push({ match, respond });
    return this;
  }

  get currentResourceVersion(): string {
    return String(this.resourceVersion);
  }

  handlers(): HttpHandler[] {
    const served = (group: string) =>
      this.options.servedGroups?.(group) ?? true;
    const fault = (request: Request) => {
      const url = new URL(request.url);
      this.requests.push(url);
      if (
        this.options.token !== undefined &&
        request.headers.get('authorization') !== `Bearer ${this.options.token}`
      ) {
        return status(401, 'Unauthorized', 'Unauthorized');
      }
      const index = this.faults.findIndex(f => f.match(url));
      return index >= 0
        ? this.faults.splice(index, 1)[0].respond(request)
        : undefined;
    };
    return [
      http.get(
        `${this.url}/apis`,
        ({ request }) =>
          fault(request) ??
          HttpResponse.json({
            ...apis,
            groups: apis.groups.filter(g => served(g.name)),
          }),
      ),
      http.get(`${this.url}/apis/:group/:version`, ({ request, params }) => {
        const groupVersion = `${params.group}/${params.version}`;
        const resources = (apiResourceLists as Record<string, unknown[]>)[
          groupVersion
        ];
        return (
          fault(request) ??
          (resources && served(String(params.group))
            ? HttpResponse.json({
                kind: 'APIResourceList',
                apiVersion: 'v1',
                groupVersion,
                resources,
              })
            : notFound(`the server could not find the requested resource`))
        );
      }),
      http.get(`${this.url}/apis/:group/:version/:plural`, ({ request }) => {
        const injected = fault(request);
        if (injected) {
          return injected;
        }
        const url = new URL(request.url);
        return url.searchParams.get('watch') === 'true'
          ? this.watch(url)
          : this.list(url);
      }),
    ];
  }

  /** The 422 kube-apiserver answers to watch-list parameters it does not accept, if any. */
  private refuseWatchList(url: URL): Response | undefined {
    let cause: { field: string; message: string } | undefined;
    if (this.options.watchList === false) {
      cause = {
        field: 'sendInitialEvents',
        message:
          'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
      };
    } else if (
      url.searchParams.get('resourceVersionMatch') !== 'NotOlderThan'
    ) {
      cause = {
        field: 'resourceVersionMatch',
        message:
          'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      };
    }
    return (
      cause &&
      status(
        422,
        'Invalid',
        `ListOptions.meta.k8s.io "" is invalid: ${cause.field}: Forbidden: ${cause.message}`,
        {
          group: 'meta.k8s.io',
          kind: 'ListOptions',
          causes: [
            {
              reason: 'FieldValueForbidden',
              message: `Forbidden: ${cause.message}`,
              field: cause.field,
            },
          ],
        },
      )
    );
  }

  private sorted(path: string): FakeApiObject[] {
    return [...(this.objects.get(path)?.values() ?? [])].sort((a, b) =>
      keyOf(a).localeCompare(keyOf(b)),
    );
  }

  private list(url: URL): Response {
    const all = this.sorted(url.pathname);
    const limit =
      Number(url.searchParams.get('limit') ?? all.length) || all.length;
    const token = url.searchParams.get('continue');
    const start = token
      ? JSON.parse(Buffer.from(token, 'base64').toString()).start
      : 0;
    const items = all.slice(start, start + limit);
    const more = start + limit < all.length;
    const plural = url.pathname.split('/').pop()!;
    const kind = Object.entries(PLURALS).find(([, p]) => p === plural)?.[0];
    return HttpResponse.json({
      apiVersion: url.pathname.split('/').slice(2, 4).join('/'),
      kind: `${kind}List`,
      metadata: {
        resourceVersion: this.currentResourceVersion,
        ...(more
          ? {
              continue: Buffer.from(
                JSON.stringify({ start: start + limit }),
              ).toString('base64'),
              remainingItemCount: all.length - start - limit,
            }
          : {}),
      },
      items,
    });
  }

  private watch(url: URL): Response {
    const initial = url.searchParams.get('sendInitialEvents') === 'true';
    if (initial) {
      const refusal = this.refuseWatchList(url);
      if (refusal) {
        return refusal;
      }
    }
    const from = Number(url.searchParams.get('resourceVersion') ?? 0);
    if (!initial && from < this.compactedBefore) {
      return status(
        410,
        'Expired',
        `too old resource version: ${from} (${this.compactedBefore})`,
      );
    }
    const encoder = new TextEncoder();
    let watcher: FakeApiWatcher;
    const stream = new ReadableStream({
      start: controller => {
        let open = true;
        watcher = {
          path: url.pathname,
          url,
          send: event => {
            if (open)
              controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          },
          close: () => {
            if (open) {
              open = false;
              this.watchers.delete(watcher);
              controller.close();
            }
          },
        };
        this.watchers.add(watcher);
        if (!initial) {
          this.watchHistory.push(watcher);
        } else {
          this.streamHistory.push(watcher);
          for (const object of this.sorted(url.pathname)) {
            watcher.send({ type: 'ADDED', object });
          }
          watcher.send({
            type: 'BOOKMARK',
            object: {
              metadata: {
                resourceVersion: this.currentResourceVersion,
                annotations: { 'k8s.io/initial-events-end': 'true' },
              },
            },
          });
        }
      },
      cancel: () => {
        this.watchers.delete(watcher);
      },
    });
    return new HttpResponse(stream, {
      headers: {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
    });
  }

  private put(object: FakeApiObject): FakeApiObject {
    const previous = this.find(object);
    const stored = structuredClone(object);
    stored.metadata = {
      ...stored.metadata,
      uid: previous?.metadata.uid ?? randomUUID(),
      resourceVersion: String(++this.resourceVersion),
      generation: (previous?.metadata.generation ?? 0) + 1,
      creationTimestamp:
        previous?.metadata.creationTimestamp ?? '2026-01-12T09:30:00Z',
      managedFields: [
        {
          apiVersion: stored.apiVersion,
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { '.': {} } },
          manager: 'kommander-operator',
          operation: 'Update',
          time: '2026-01-12T09:30:00Z',
        },
      ],
    };
    this.collection(stored).set(keyOf(stored), stored);
    return stored;
  }

  private find(object: FakeApiObject): FakeApiObject | undefined {
    return this.collection(object).get(keyOf(object));
  }

  private collection(object: FakeApiObject): Map<string, FakeApiObject> {
    const path = `/apis/${object.apiVersion}/${PLURALS[object.kind]}`;
    let collection = this.objects.get(path);
    if (!collection) {
      collection = new Map();
      this.objects.set(path, collection);
    }
    return collection;
  }

  private notify(object: FakeApiObject, type: string) {
    this.sendEvent(`/apis/${object.apiVersion}/${PLURALS[object.kind]}`, {
      type,
      object,
    });
  }
}

/** One HTTP exchange answered by msw handlers, the body streamed (watches stay open). */
async function serveHttp(
  handlers: HttpHandler[],
  base: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  intercept?: FakeApiIntercept,
) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const request = new Request(new URL(incoming.url ?? '/', base), {
    method: incoming.method,
    headers,
  });
  const response =
    (await intercept?.(request)) ??
    (await getResponse(handlers, request)) ??
    notFound('the server could not find the requested resource');
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.flushHeaders();
  if (!response.body) {
    outgoing.end();
    return;
  }
  // Ends with the response, or when the client goes away (which cancels a watch stream).
  await pipeline(Readable.fromWeb(response.body as any), outgoing).catch(
    () => undefined,
  );
}

function keyOf(object: FakeApiObject): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/** @public */
export function notFound(message: string): Response {
  return status(404, 'NotFound', message);
}

/**
 * A `Status` error body, as the API server sends with every error.
 *
 * @public
 */
export function status(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): Response {
  return HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    },
    { status: code },
  );
}
