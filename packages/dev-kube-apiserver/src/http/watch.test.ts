import {
  ACME_CLUSTERS,
  clusterObject,
  CLUSTERS,
  startTestServer,
  TestServer,
} from '../__testUtils__/testServer';

describe('WATCH', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  const listVersion = async (path = CLUSTERS) =>
    (await t.request('GET', path)).body.metadata.resourceVersion as string;

  it('reports ADDED, MODIFIED and DELETED after the list resourceVersion, in order', async () => {
    const from = await listVersion();
    await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'));
    await t.apply(
      `${ACME_CLUSTERS}/new1`,
      clusterObject('new1', { topology: { version: 'v1.33.5' } }),
    );
    await t.request('DELETE', `${ACME_CLUSTERS}/new1`);
    const events = await t.watch(
      CLUSTERS,
      { resourceVersion: from },
      e => e.length >= 3,
    );
    expect(events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'new1'],
      ['MODIFIED', 'new1'],
      ['DELETED', 'new1'],
    ]);
    expect(events[0].object.status).toEqual({ phase: 'Provisioning' });
    const versions = events.map(e => Number(e.object.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBeGreaterThan(Number(from));
  });

  it('delivers writes made while the watch is open', async () => {
    const from = await listVersion();
    const watching = t.watch(CLUSTERS, { resourceVersion: from }, e =>
      e.some(x => x.type === 'ADDED'),
    );
    await new Promise(r => setTimeout(r, 50));
    await t.apply(`${ACME_CLUSTERS}/live`, clusterObject('live'));
    const events = await watching;
    expect(events.find(e => e.type === 'ADDED').object.metadata.name).toBe(
      'live',
    );
  });

  it('starts with the current objects as ADDED from resourceVersion 0', async () => {
    const events = await t.watch(
      ACME_CLUSTERS,
      { resourceVersion: '0' },
      e => e.length >= 3,
    );
    expect(events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'c1'],
      ['ADDED', 'c2'],
      ['ADDED', 'c3'],
    ]);
  });

  it('sends BOOKMARKs with the current resourceVersion when allowed', async () => {
    const from = await listVersion();
    const events = await t.watch(
      CLUSTERS,
      { resourceVersion: from, allowWatchBookmarks: 'true' },
      e => e.length >= 2,
    );
    expect(events.map(e => e.type)).toEqual(['BOOKMARK', 'BOOKMARK']);
    expect(events[0].object).toEqual({
      kind: 'Cluster',
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      metadata: { resourceVersion: from },
    });
  });

  it('sends no BOOKMARKs unless allowed', async () => {
    const from = await listVersion();
    const events = await t.watch(CLUSTERS, {
      resourceVersion: from,
      timeoutSeconds: '1',
    });
    expect(events).toEqual([]);
  });

  it('ends the watch after timeoutSeconds', async () => {
    const started = Date.now();
    await t.watch(CLUSTERS, {
      resourceVersion: await listVersion(),
      timeoutSeconds: '1',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps other namespaces and other resources out of a namespace watch', async () => {
    const from = await listVersion(ACME_CLUSTERS);
    await t.apply(
      '/apis/cluster.x-k8s.io/v1beta1/namespaces/default/clusters/other',
      clusterObject('other', undefined, 'default'),
    );
    await t.apply('/api/v1/namespaces/extra', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'extra' },
    });
    await t.apply(`${ACME_CLUSTERS}/mine`, clusterObject('mine'));
    const events = await t.watch(
      ACME_CLUSTERS,
      { resourceVersion: from },
      e => e.length >= 1,
    );
    expect(events.map(e => e.object.metadata.name)).toEqual(['mine']);
  });

  it.each`
    case                             | from
    ${'older than the seed'}         | ${'1'}
    ${'older than the event window'} | ${'window'}
  `(
    'answers an ERROR event with a 410 Status for a resourceVersion $case',
    async ({ from }) => {
      await t.close();
      t = await startTestServer({ eventWindow: 2 });
      const before = await listVersion();
      for (const name of ['w1', 'w2', 'w3']) {
        await t.apply(`${ACME_CLUSTERS}/${name}`, clusterObject(name));
      }
      const events = await t.watch(CLUSTERS, {
        resourceVersion: from === 'window' ? before : from,
      });
      expect(events).toEqual([
        {
          type: 'ERROR',
          object: expect.objectContaining({
            kind: 'Status',
            status: 'Failure',
            reason: 'Expired',
            code: 410,
          }),
        },
      ]);
    },
  );

  it('still replays from a resourceVersion inside the window', async () => {
    await t.close();
    t = await startTestServer({ eventWindow: 2 });
    for (const name of ['w1', 'w2', 'w3']) {
      await t.apply(`${ACME_CLUSTERS}/${name}`, clusterObject(name));
    }
    const from = String(Number(await listVersion()) - 1);
    const events = await t.watch(
      CLUSTERS,
      { resourceVersion: from },
      e => e.length >= 1,
    );
    expect(events.map(e => e.object.metadata.name)).toEqual(['w3']);
  });

  it('refuses a resourceVersion it never gave', async () => {
    const answer = await t.request(
      'GET',
      `${CLUSTERS}?watch=true&resourceVersion=abc`,
    );
    expect(answer.status).toBe(400);
  });

  describe('watch-list streams', () => {
    const STREAM = {
      sendInitialEvents: 'true',
      resourceVersionMatch: 'NotOlderThan',
      allowWatchBookmarks: 'true',
    };
    const isEnd = (e: any) =>
      e.type === 'BOOKMARK' &&
      e.object.metadata.annotations?.['k8s.io/initial-events-end'] === 'true';

    it('sends the current objects as ADDED, the initial-events-end bookmark at the current resourceVersion, then changes', async () => {
      await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'));
      const current = await listVersion();
      const watching = t.watch(ACME_CLUSTERS, STREAM, e =>
        e.some(x => x.type === 'MODIFIED'),
      );
      await new Promise(r => setTimeout(r, 50));
      await t.apply(
        `${ACME_CLUSTERS}/new1`,
        clusterObject('new1', { topology: { version: 'v1.33.5' } }),
      );
      const events = await watching;
      const end = events.findIndex(isEnd);
      expect(
        events.slice(0, end).map(e => [e.type, e.object.metadata.name]),
      ).toEqual([
        ['ADDED', 'c1'],
        ['ADDED', 'c2'],
        ['ADDED', 'c3'],
        ['ADDED', 'new1'],
      ]);
      expect(events[end].object).toEqual({
        kind: 'Cluster',
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        metadata: {
          resourceVersion: current,
          annotations: { 'k8s.io/initial-events-end': 'true' },
        },
      });
      expect(events.at(-1)).toMatchObject({
        type: 'MODIFIED',
        object: { metadata: { name: 'new1' } },
      });
    });

    it('answers from the current state also for a resourceVersion older than the event window', async () => {
      await t.close();
      t = await startTestServer({ eventWindow: 1 });
      for (const name of ['w1', 'w2']) {
        await t.apply(`${ACME_CLUSTERS}/${name}`, clusterObject(name));
      }
      const events = await t.watch(
        ACME_CLUSTERS,
        { ...STREAM, resourceVersion: '1' },
        e => e.some(isEnd),
      );
      expect(events.filter(e => e.type === 'ADDED')).toHaveLength(5);
    });

    it.each`
      case                                         | query                                                                  | field                     | message
      ${'without resourceVersionMatch'}            | ${{ sendInitialEvents: 'true', allowWatchBookmarks: 'true' }}          | ${'resourceVersionMatch'} | ${'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'}
      ${'with another resourceVersionMatch'}       | ${{ ...STREAM, resourceVersionMatch: 'Exact' }}                        | ${'resourceVersionMatch'} | ${'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'}
      ${'without bookmarks'}                       | ${{ sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan' }} | ${'allowWatchBookmarks'}  | ${'allowWatchBookmarks must be set to true when sendInitialEvents is true'}
      ${'resourceVersionMatch without the stream'} | ${{ resourceVersionMatch: 'NotOlderThan' }}                            | ${'resourceVersionMatch'} | ${'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'}
    `('422 Invalid $case, naming $field', async ({ query, field, message }) => {
      const answer = await t.request(
        'GET',
        `${CLUSTERS}?watch=true&${new URLSearchParams(query)}`,
      );
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        kind: 'Status',
        reason: 'Invalid',
        code: 422,
        details: { kind: 'ListOptions', causes: [{ field }] },
      });
      expect(answer.body.message).toBe(
        `ListOptions.meta.k8s.io "" is invalid: ${field}: Forbidden: ${message}`,
      );
    });

    it('refuses the stream with watchList: false, as a server with the WatchList gate off', async () => {
      await t.close();
      t = await startTestServer({ watchList: false });
      const answer = await t.request(
        'GET',
        `${CLUSTERS}?watch=true&${new URLSearchParams(STREAM)}`,
      );
      expect(answer.status).toBe(422);
      expect(answer.body.message).toBe(
        'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
      );
    });
  });
});
