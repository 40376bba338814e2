import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, HttpResponse } from 'msw';
import { RawObject } from '../normalise';
import { NkpSourceChange, RawObjects } from '../NkpSource';
import {
  capiCluster,
  kommanderCluster,
  project,
  smallFleet,
  workspace,
} from '../testUtils/nkpObjects';
import { FakeApiServer, status } from '../testUtils/FakeApiServer';
import { KubernetesSource } from './KubernetesSource';
import { KubernetesReadOptions } from './types';

const URL_BASE = 'https://nkp-mgmt.test:6443';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-service-account-token';
const CLUSTERS = '/apis/cluster.x-k8s.io/v1beta1/clusters';
const WORKSPACES =
  '/apis/workspaces.kommander.mesosphere.io/v1alpha1/workspaces';

/** Paged LISTs; the watch-list tests turn `streamingLists` on. */
const readOptions: KubernetesReadOptions = {
  streamingLists: false,
  pageSize: 2,
  requestTimeoutMs: 300,
  watch: {
    enabled: true,
    idleTimeoutMs: 400,
    debounceMs: 20,
    serverTimeoutSeconds: 60,
    backoff: { initialMs: 20, maxMs: 100 },
  },
};

const msw = setupServer();
registerMswTestHooks(msw);

function setup(
  options: {
    servedGroups?: (group: string) => boolean;
    watchList?: boolean;
    read?: Partial<KubernetesReadOptions>;
  } = {},
) {
  const server = new FakeApiServer(URL_BASE, options).add(...smallFleet());
  msw.use(...server.handlers());
  const logger = mockServices.logger.mock();
  // Children log into the same mock, so a test sees what the watchers log.
  logger.child.mockReturnValue(logger);
  const source = KubernetesSource.fromConnection({
    connection: { auth: 'token', url: URL_BASE, token: TOKEN },
    key: 'catalog.providers.nkp.test.api',
    readOptions: { ...readOptions, ...options.read },
    logger,
  });
  return { server, source, logger };
}

const names = (objects: RawObject[]) =>
  objects.map(o => `${o.kind} ${(o.metadata as any)?.name}`).sort();

/** Follows a read (or, given a source, the source itself); `changes` receives every change. */
function follow(from: RawObjects | KubernetesSource) {
  const controller = new AbortController();
  const changes: NkpSourceChange[] = [];
  const onChange = (change: NkpSourceChange) => changes.push(change);
  const stopped =
    from instanceof KubernetesSource
      ? from.follow!(onChange, controller.signal)
      : from.watch!(onChange, controller.signal);
  const next = async (count = changes.length + 1) => {
    for (let i = 0; i < 200 && changes.length < count; i++) {
      await new Promise(r => setTimeout(r, 10));
    }
    expect(changes.length).toBeGreaterThanOrEqual(count);
    return changes[count - 1];
  };
  return {
    changes,
    next,
    stop: async () => {
      controller.abort();
      await stopped;
    },
  };
}

const signal = () => new AbortController().signal;

/** The read fails soon, with `message`, and the error does not carry the token. */
async function expectFailedRead(
  source: KubernetesSource,
  message: string | RegExp,
) {
  const started = Date.now();
  const error = await source.read(signal()).then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toMatch(message);
  expect(JSON.stringify(error) + String(error.stack)).not.toContain(TOKEN);
  expect(Date.now() - started).toBeLessThan(2000);
}

describe('KubernetesSource', () => {
  it('lists every served NKP resource page by page, slimmed to what normalisation reads', async () => {
    const { server, source } = setup();
    const { objects } = await source.read(signal());

    expect(names(objects)).toEqual(names(smallFleet()));
    const clusterPages = server.requests.filter(u => u.pathname === CLUSTERS);
    // Three CAPI clusters at two per page: a second page through the continue token.
    expect(clusterPages.map(u => u.searchParams.get('limit'))).toEqual([
      '2',
      '2',
    ]);
    expect(clusterPages[0].searchParams.has('continue')).toBe(false);
    expect(clusterPages[1].searchParams.get('continue')).toBeTruthy();
    const mgmt = objects.find(o => (o.metadata as any).name === 'mgmt')!;
    expect(mgmt.metadata).not.toHaveProperty('managedFields');
    expect(mgmt.metadata).not.toHaveProperty('uid');
  });

  it('reads NKPCluster and Release only when discovery says they are served', async () => {
    const { server, source } = setup({
      servedGroups: group => !group.endsWith('.nkp.nutanix.com'),
    });
    await source.read(signal());
    const paths = new Set(server.requests.map(u => u.pathname));
    expect(paths).toContain(CLUSTERS);
    expect([...paths].filter(p => p.includes('nkp.nutanix.com'))).toEqual([]);
  });

  it('treats a 404 for a group version as not served', async () => {
    const { server, source } = setup();
    server.failNext(
      u => u.pathname === '/apis/release.nkp.nutanix.com/v1alpha1',
      () =>
        status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
    );
    await expect(source.read(signal())).resolves.toBeDefined();
    expect(server.requests.map(u => u.pathname)).not.toContain(
      '/apis/release.nkp.nutanix.com/v1alpha1/releases',
    );
  });

  it('refuses a server without Kommander, naming what is missing', async () => {
    const { source } = setup({
      servedGroups: group => !group.includes('kommander'),
    });
    await expect(source.read(signal())).rejects.toThrow(
      `${URL_BASE} does not serve workspaces.workspaces.kommander.mesosphere.io, projects.workspaces.kommander.mesosphere.io, kommanderclusters.kommander.mesosphere.io; is it an NKP management or self-managed cluster`,
    );
  });

  it.each([
    [
      'a 500 on a list page',
      () => status(500, 'InternalError', 'etcdserver: request timed out'),
      `GET ${URL_BASE}${CLUSTERS}?limit=2: HTTP 500 etcdserver: request timed out`,
    ],
    [
      'a 403',
      () =>
        status(
          403,
          'Forbidden',
          'clusters.cluster.x-k8s.io is forbidden: User "system:serviceaccount:backstage:nkp" cannot list resource',
        ),
      /HTTP 403 clusters.cluster.x-k8s.io is forbidden: .*; grant the service account get\/list\/watch on it/,
    ],
    [
      'a page that never answers',
      async () => {
        await delay('infinite');
        return HttpResponse.json({});
      },
      `GET ${URL_BASE}${CLUSTERS}?limit=2: no complete response within 300 ms`,
    ],
    [
      'a body cut off halfway',
      () =>
        new HttpResponse(
          '{"apiVersion":"cluster.x-k8s.io/v1beta1","kind":"ClusterList","items":[{"metadata":',
          {
            headers: { 'content-type': 'application/json' },
          },
        ),
      /the response is not valid JSON/,
    ],
    [
      'a body that stops arriving',
      () =>
        new HttpResponse(
          new ReadableStream({
            start(controller) {
              controller.enqueue(
                new TextEncoder().encode('{"kind":"ClusterList","items":['),
              );
            },
          }),
          {
            headers: {
              'content-type': 'application/json',
              'transfer-encoding': 'chunked',
            },
          },
        ),
      `GET ${URL_BASE}${CLUSTERS}?limit=2: no complete response within 300 ms`,
    ],
  ])(
    'fails the whole read on %s, without the token in the error',
    async (_, respond, message) => {
      const { server, source } = setup();
      server.failNext(u => u.pathname === CLUSTERS, respond);
      await expectFailedRead(source, message);

      // The next read is not affected.
      await expect(source.read(signal())).resolves.toHaveProperty('objects');
    },
  );

  it('stops reading when the run is aborted', async () => {
    const { server, source } = setup();
    server.failNext(
      u => u.pathname === CLUSTERS,
      async () => {
        await delay('infinite');
        return HttpResponse.json({});
      },
    );
    const controller = new AbortController();
    const read = source.read(controller.signal);
    setTimeout(
      () => controller.abort(new Error('the scheduler timed the run out')),
      50,
    );
    await expect(read).rejects.toThrow('the scheduler timed the run out');
  });

  it('keeps listed objects without a name, for normalisation to warn about', async () => {
    const { server, source } = setup();
    server.failNext(
      u => u.pathname === CLUSTERS,
      () =>
        HttpResponse.json({
          kind: 'ClusterList',
          apiVersion: 'cluster.x-k8s.io/v1beta1',
          metadata: { resourceVersion: '5' },
          items: [{ metadata: { namespace: 'acme-ns' }, spec: {} }],
        }),
    );
    const { objects } = await source.read(signal());
    expect(objects).toContainEqual(
      expect.objectContaining({
        kind: 'Cluster',
        metadata: expect.objectContaining({ namespace: 'acme-ns' }),
      }),
    );
  });

  describe('watch-list streams', () => {
    const streaming = { read: { streamingLists: true } };
    const isStream = (u: URL) =>
      u.pathname === CLUSTERS &&
      u.searchParams.get('sendInitialEvents') === 'true';
    const added = (name: string) => ({
      type: 'ADDED',
      object: capiCluster(name, 'acme-ns'),
    });
    const initialEventsEnd = {
      type: 'BOOKMARK',
      object: {
        metadata: {
          resourceVersion: '77',
          annotations: { 'k8s.io/initial-events-end': 'true' },
        },
      },
    };
    /** A watch response that sends `events` (one per line) and then ends, hangs or breaks. */
    const stream =
      (events: unknown[], then: 'end' | 'hang' | 'break' = 'end') =>
      () =>
        new HttpResponse(
          new ReadableStream({
            start(controller) {
              for (const event of events) {
                controller.enqueue(
                  new TextEncoder().encode(`${JSON.stringify(event)}\n`),
                );
              }
              if (then === 'end') controller.close();
              if (then === 'break') controller.error(new Error('reset'));
            },
          }),
          {
            headers: {
              'content-type': 'application/json',
              'transfer-encoding': 'chunked',
            },
          },
        );

    it('reads each resource as one stream up to its initial-events-end bookmark, and follows from there', async () => {
      const { server, source } = setup(streaming);
      const read = await source.read(signal());

      expect(names(read.objects)).toEqual(names(smallFleet()));
      const clusterRequests = server.requests.filter(
        u => u.pathname === CLUSTERS,
      );
      expect(clusterRequests).toHaveLength(1);
      expect(Object.fromEntries(clusterRequests[0].searchParams)).toEqual({
        watch: 'true',
        sendInitialEvents: 'true',
        resourceVersionMatch: 'NotOlderThan',
        allowWatchBookmarks: 'true',
        timeoutSeconds: '60',
      });
      const mgmt = read.objects.find(o => (o.metadata as any).name === 'mgmt')!;
      expect(mgmt.metadata).not.toHaveProperty('managedFields');

      // The stream is closed at the bookmark; the watch continues from its resourceVersion.
      const bookmarked = server.currentResourceVersion;
      const following = follow(read);
      const watch = await server.waitForWatch(CLUSTERS);
      expect(server.streamHistory.map(w => w.path)).toContain(CLUSTERS);
      expect(watch.url.searchParams.get('resourceVersion')).toBe(bookmarked);
      expect(watch.url.searchParams.has('sendInitialEvents')).toBe(false);
      server.modify(
        capiCluster('acme-prod', 'acme-ns', { version: 'v1.35.0' }),
      );
      const change = await following.next();
      expect(change.events?.map(e => e.type)).toEqual(['MODIFIED']);
      await following.stop();
    });

    it('falls back to pages for a server that refuses the stream, once, and says so once', async () => {
      const { server, source, logger } = setup({
        ...streaming,
        watchList: false,
      });
      const first = await source.read(signal());
      expect(names(first.objects)).toEqual(names(smallFleet()));
      const clusterRequests = () =>
        server.requests
          .filter(u => u.pathname === CLUSTERS)
          .map(u =>
            u.searchParams.has('sendInitialEvents')
              ? 'stream'
              : `limit=${u.searchParams.get('limit')}`,
          );
      expect(clusterRequests()).toEqual(['stream', 'limit=2', 'limit=2']);
      expect(logger.info).toHaveBeenCalledWith(
        `${URL_BASE} refused a watch-list stream of clusters.cluster.x-k8s.io; reading it in pages from now on`,
      );

      await source.read(signal());
      expect(clusterRequests()).toEqual([
        'stream',
        'limit=2',
        'limit=2',
        'limit=2',
        'limit=2',
      ]);
      expect(
        logger.info.mock.calls.filter(([m]) =>
          String(m).includes('clusters.cluster.x-k8s.io; reading it in pages'),
        ),
      ).toHaveLength(1);
    });

    it.each([
      [
        'a 400 for the request',
        () => status(400, 'BadRequest', 'unknown parameter sendInitialEvents'),
      ],
    ])('falls back to pages on %s as well', async (_, respond) => {
      const { server, source } = setup(streaming);
      server.failNext(isStream, respond);
      const { objects } = await source.read(signal());
      expect(names(objects)).toEqual(names(smallFleet()));
    });

    it.each([
      [
        'a 500 for the request',
        () => status(500, 'InternalError', 'etcdserver: request timed out'),
        `GET ${URL_BASE}${CLUSTERS}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=60: HTTP 500 etcdserver: request timed out`,
      ],
      [
        'a 403 for the request',
        () =>
          status(
            403,
            'Forbidden',
            'clusters.cluster.x-k8s.io is forbidden: User "system:serviceaccount:backstage:nkp" cannot watch resource',
          ),
        /HTTP 403 .*cannot watch resource; grant the service account get\/list\/watch on it/,
      ],
      [
        'an ERROR event halfway',
        stream([
          added('acme-prod'),
          {
            type: 'ERROR',
            object: {
              kind: 'Status',
              code: 500,
              message: 'etcdserver: leader changed',
            },
          },
        ]),
        'the watch-list stream of clusters.cluster.x-k8s.io: etcdserver: leader changed',
      ],
      [
        'an ERROR event with code 400 after the first objects (not a refusal)',
        stream([
          added('acme-prod'),
          {
            type: 'ERROR',
            object: { kind: 'Status', code: 400, message: 'x' },
          },
        ]),
        'the watch-list stream of clusters.cluster.x-k8s.io: x',
      ],
      [
        'a stream that ends before its bookmark',
        stream([added('acme-prod'), added('acme-dev')]),
        `GET ${URL_BASE}${CLUSTERS}: the watch-list stream of clusters.cluster.x-k8s.io ended before its initial-events-end bookmark, after 2 objects`,
      ],
      [
        'a stream that is cut off',
        stream([added('acme-prod')], 'break'),
        /timeoutSeconds=60: .*socket hang up/,
      ],
      [
        'a stream that stalls before its bookmark',
        stream([added('acme-prod')], 'hang'),
        /nothing received for 300 ms/,
      ],
      [
        'a bookmark without a resourceVersion',
        stream([
          added('acme-prod'),
          {
            type: 'BOOKMARK',
            object: {
              metadata: {
                annotations: { 'k8s.io/initial-events-end': 'true' },
              },
            },
          },
        ]),
        'the initial-events-end bookmark has no resourceVersion to watch from',
      ],
      [
        'a list body instead of events',
        stream([{ kind: 'ClusterList', items: [] }]),
        'unexpected event type "undefined"',
      ],
      [
        'a line that is not JSON',
        () => new HttpResponse('{"type":"ADDED","object":{\n'),
        /JSON/,
      ],
    ])(
      'fails the whole read on %s, without the token, and reads fine next time',
      async (_, respond, message) => {
        const { server, source } = setup(streaming);
        server.failNext(isStream, respond);
        await expectFailedRead(source, message);
        // Not a refusal: the next read streams again.
        await expect(source.read(signal())).resolves.toHaveProperty('objects');
        expect(server.requests.filter(isStream)).toHaveLength(2);
      },
    );

    it('takes a stream whose bookmark arrives with changes merged in', async () => {
      const { server, source } = setup(streaming);
      server.failNext(
        isStream,
        stream([
          added('acme-prod'),
          added('acme-dev'),
          { type: 'DELETED', object: capiCluster('acme-dev', 'acme-ns') },
          initialEventsEnd,
        ]),
      );
      const { objects } = await source.read(signal());
      const clusters = names(objects).filter(n => n.startsWith('Cluster '));
      expect(clusters).toEqual(['Cluster acme-prod']);
    });
  });

  describe('following changes', () => {
    const rvOf = (watch: { url: URL }) =>
      watch.url.searchParams.get('resourceVersion');

    it('applies ADDED, MODIFIED and DELETED events and reports them together, each with the object it replaced', async () => {
      const { server, source } = setup();
      const read = await source.read(signal());
      const following = follow(read);
      const watch = await server.waitForWatch(CLUSTERS);
      expect(Object.fromEntries(watch.url.searchParams)).toMatchObject({
        watch: 'true',
        allowWatchBookmarks: 'true',
        resourceVersion: server.currentResourceVersion,
      });

      server.modify(
        capiCluster('acme-prod', 'acme-ns', { version: 'v1.35.0' }),
      );
      server.modify(capiCluster('acme-new', 'acme-ns'));
      server.remove(capiCluster('acme-dev', 'acme-ns'));
      const { cause, objects } = await following.next();
      expect(cause).toBe('events');
      expect(following.changes).toHaveLength(1);
      expect(names(objects)).toContain('Cluster acme-new');
      expect(names(objects)).not.toContain('Cluster acme-dev');
      const prod = objects.find(
        o => o.kind === 'Cluster' && (o.metadata as any).name === 'acme-prod',
      );
      expect((prod as any).spec.topology.version).toBe('v1.35.0');
      const inRead = (name: string) =>
        read.objects.find(
          o => o.kind === 'Cluster' && (o.metadata as any).name === name,
        );
      const { events } = following.changes[0];
      expect(
        events?.map(e => [e.type, (e.object.metadata as any).name]),
      ).toEqual([
        ['MODIFIED', 'acme-prod'],
        ['ADDED', 'acme-new'],
        ['DELETED', 'acme-dev'],
      ]);
      expect(events?.[0].object).toBe(prod);
      expect(events?.[0].previous).toBe(inRead('acme-prod'));
      expect(events?.[1].previous).toBeUndefined();
      expect(events?.[2].previous).toBe(inRead('acme-dev'));
      await following.stop();
    });

    it('continues from the last bookmark when the server ends a watch', async () => {
      const { server, source } = setup();
      const following = follow(await source.read(signal()));
      await server.waitForWatch(CLUSTERS);
      server.sendEvent(CLUSTERS, {
        type: 'BOOKMARK',
        object: {
          kind: 'Cluster',
          apiVersion: 'cluster.x-k8s.io/v1beta1',
          metadata: { resourceVersion: '4711' },
        },
      });
      // Ended after the 1 s a watch must last to be reopened at once.
      await new Promise(r => setTimeout(r, 1000));
      server.endWatches();
      expect(rvOf(await server.waitForWatch(CLUSTERS, 2))).toBe('4711');
      expect(following.changes).toEqual([]);
      await following.stop();
    });

    it.each([
      [
        'an ERROR event with code 410',
        (server: FakeApiServer) =>
          server.sendEvent(CLUSTERS, {
            type: 'ERROR',
            object: {
              kind: 'Status',
              apiVersion: 'v1',
              status: 'Failure',
              message: 'too old resource version: 1 (1042)',
              reason: 'Expired',
              code: 410,
            },
          }),
      ],
      [
        'an HTTP 410 on reconnect',
        (server: FakeApiServer) => {
          server.failNext(
            u =>
              u.pathname === CLUSTERS && u.searchParams.get('watch') === 'true',
            () => status(410, 'Expired', 'too old resource version'),
          );
          server.endWatches();
        },
      ],
    ])(
      'reads the whole server again after %s and reports it as one change',
      async (_, sendGone) => {
        const { server, source, logger } = setup();
        const following = follow(await source.read(signal()));
        await server.waitForWatch(CLUSTERS);
        await server.waitForWatch(WORKSPACES);
        const before = server.requests.length;
        // Changes the watches never see: only reading again can find them.
        server.add(capiCluster('missed', 'acme-ns'));
        server.add(workspace('missed-too', 'missed-ns'));
        sendGone(server);
        const change = await following.next();
        expect(change.cause).toBe('read');
        expect(names(change.objects)).toEqual(
          expect.arrayContaining(['Cluster missed', 'Workspace missed-too']),
        );
        // Discovery and every list again, not only the resource whose watch was gone.
        const again = server.requests.slice(before).map(u => u.pathname);
        expect(again).toEqual(
          expect.arrayContaining(['/apis', CLUSTERS, WORKSPACES]),
        );
        expect(logger.info).toHaveBeenCalledWith(
          expect.stringContaining('410 Gone'),
        );
        // Every resource is watched again from the new read.
        expect(rvOf(await server.waitForWatch(CLUSTERS, 2))).toBe(
          server.currentResourceVersion,
        );
        expect(rvOf(await server.waitForWatch(WORKSPACES, 2))).toBe(
          server.currentResourceVersion,
        );
        await new Promise(r => setTimeout(r, 100));
        expect(following.changes).toHaveLength(1);
        await following.stop();
      },
    );

    it('reads again at once after a 410, without a backoff delay first', async () => {
      const { server, source } = setup({
        read: {
          watch: {
            ...readOptions.watch,
            backoff: { initialMs: 10_000, maxMs: 10_000 },
          },
        },
      });
      const following = follow(await source.read(signal()));
      await server.waitForWatch(CLUSTERS);
      const gone = Date.now();
      server.restore(...smallFleet());
      expect((await following.next()).cause).toBe('read');
      expect(Date.now() - gone).toBeLessThan(1000);
      await following.stop();
    });

    it('keeps reading again, with backoff, until the server answers', async () => {
      const { server, source, logger } = setup();
      const following = follow(await source.read(signal()));
      await server.waitForWatch(CLUSTERS);
      const unavailable = () =>
        status(503, 'ServiceUnavailable', 'etcd is restoring');
      server.failNext(u => u.pathname === '/apis', unavailable);
      server.failNext(u => u.pathname === '/apis', unavailable);
      server.restore(...smallFleet().slice(0, 3));
      const change = await following.next();
      expect(change.cause).toBe('read');
      expect(change.objects).toHaveLength(3);
      expect(
        logger.warn.mock.calls.filter(([message]) =>
          String(message).includes(
            `Reading ${URL_BASE} to follow it failed (KubernetesApiError: GET ${URL_BASE}/apis: HTTP 503 etcd is restoring)`,
          ),
        ),
      ).toHaveLength(2);
      await following.stop();
    });

    it('follows a source whose read failed: reads it with backoff, reports that read, then its events', async () => {
      const { server, source } = setup();
      server.failNext(
        u => u.pathname === '/apis',
        () => status(500, 'InternalError', 'discovery failed'),
      );
      const following = follow(source);
      const first = await following.next();
      expect(first.cause).toBe('read');
      expect(names(first.objects)).toEqual(names(smallFleet()));
      await server.waitForWatch(CLUSTERS);
      server.modify(capiCluster('acme-new', 'acme-ns'));
      const second = await following.next();
      expect(second.cause).toBe('events');
      expect(names(second.objects)).toContain('Cluster acme-new');
      await following.stop();
    });

    it('cannot be followed when watches are disabled', async () => {
      const { source } = setup({
        read: { watch: { ...readOptions.watch, enabled: false } },
      });
      expect(source.follow).toBeUndefined();
      expect((await source.read(signal())).watch).toBeUndefined();
    });

    it('reconnects with backoff after errors and idle watches', async () => {
      const { server, source, logger } = setup();
      const following = follow(await source.read(signal()));
      await server.waitForWatch(CLUSTERS);
      server.failNext(
        u => u.pathname === CLUSTERS && u.searchParams.get('watch') === 'true',
        () => status(500, 'InternalError', 'etcd leader changed'),
      );
      server.sendEvent(CLUSTERS, {
        type: 'ERROR',
        object: { kind: 'Status', code: 500, message: 'internal error' },
      });
      // First the ERROR event, then the 500 on reconnect, then a healthy watch again.
      await server.waitForWatch(CLUSTERS, 2);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Watch of clusters.cluster.x-k8s.io failed \(.*internal error\); retrying in \d+ ms$/,
        ),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/HTTP 500 etcd leader changed/),
      );

      // Nothing arrives for longer than the idle timeout (400 ms): the watch is replaced.
      await server.waitForWatch(CLUSTERS, 3);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('nothing received for 400 ms'),
      );
      for (const call of logger.warn.mock.calls) {
        expect(JSON.stringify(call)).not.toContain(TOKEN);
      }
      await following.stop();
    });

    it('stops every watch when aborted', async () => {
      const { server, source } = setup();
      const following = follow(await source.read(signal()));
      await server.waitForWatch(CLUSTERS);
      await following.stop();
      const opened = server.watchHistory.length;
      server.modify(workspace('late', 'late-ns'));
      server.modify(project('p', 'late-ns', 'late', {}));
      server.modify(kommanderCluster('k', 'late-ns'));
      await new Promise(r => setTimeout(r, 100));
      expect(following.changes).toEqual([]);
      expect(server.watchHistory).toHaveLength(opened);
    });
  });
});

describe('KubernetesSource authentication', () => {
  const read = (
    connection: Parameters<
      typeof KubernetesSource.fromConnection
    >[0]['connection'],
  ) =>
    KubernetesSource.fromConnection({
      connection,
      key: 'catalog.providers.nkp.test.api',
      readOptions: {
        ...readOptions,
        watch: { ...readOptions.watch, enabled: false },
      },
      logger: mockServices.logger.mock(),
    }).read(signal());

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nkp-kubeconfig-'));
    msw.use(
      ...new FakeApiServer(URL_BASE, { token: TOKEN })
        .add(...smallFleet())
        .handlers(),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sends the configured bearer token', async () => {
    const { objects } = await read({
      auth: 'token',
      url: URL_BASE,
      token: TOKEN,
    });
    expect(objects.length).toBe(smallFleet().length);
  });

  it('fails the read with a clear error, without the token, when the token is refused', async () => {
    const error = await read({
      auth: 'token',
      url: URL_BASE,
      token: 'stale',
    }).catch(e => e);
    expect(String(error)).toContain(
      `GET ${URL_BASE}/apis: HTTP 401 Unauthorized; the token or client certificate is not accepted`,
    );
    expect(String(error)).not.toContain('stale');
  });

  it('uses the server and user of the chosen kubeconfig context', async () => {
    const path = join(dir, 'kubeconfig');
    writeFileSync(
      path,
      `apiVersion: v1
kind: Config
current-context: other
clusters:
  - name: other
    cluster: { server: 'https://other.test:6443' }
  - name: nkp
    cluster: { server: '${URL_BASE}' }
users:
  - name: other
    user: { token: wrong }
  - name: nkp-reader
    user: { token: '${TOKEN}' }
contexts:
  - name: other
    context: { cluster: other, user: other }
  - name: nkp-mgmt
    context: { cluster: nkp, user: nkp-reader }
`,
    );
    const { objects } = await read({
      auth: 'kubeconfig',
      path,
      context: 'nkp-mgmt',
    });
    expect(objects.length).toBe(smallFleet().length);
  });
});
