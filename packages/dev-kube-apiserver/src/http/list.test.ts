import {
  ACME_CLUSTERS,
  clusterObject,
  CLUSTERS,
  startTestServer,
  TestServer,
} from '../__testUtils__/testServer';

/** Every page of a list, following continue tokens. */
async function allPages(t: TestServer, path: string, limit: number) {
  const pages: any[] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(limit) });
    if (token) query.set('continue', token);
    const { status, body } = await t.request('GET', `${path}?${query}`);
    expect(status).toBe(200);
    pages.push(body);
    token = body.metadata.continue;
  } while (token);
  return pages;
}

const names = (pages: any[]) =>
  pages.flatMap(p =>
    p.items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`),
  );

describe('LIST', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  it.each`
    limit  | pages
    ${1}   | ${4}
    ${2}   | ${2}
    ${3}   | ${2}
    ${4}   | ${1}
    ${500} | ${1}
  `(
    'limit $limit: $pages pages, every object once, in order',
    async ({ limit, pages }) => {
      const read = await allPages(t, CLUSTERS, limit);
      expect(read).toHaveLength(pages);
      expect(names(read)).toEqual([
        'acme-ns/c1',
        'acme-ns/c2',
        'acme-ns/c3',
        'default/mgmt',
      ]);
      expect(read.at(-1).metadata.continue).toBeUndefined();
      expect(read[0].kind).toBe('ClusterList');
      expect(read[0].apiVersion).toBe('cluster.x-k8s.io/v1beta1');
    },
  );

  it('gives every object and the list a resourceVersion', async () => {
    const { body } = await t.request('GET', CLUSTERS);
    expect(Number(body.metadata.resourceVersion)).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(Number(item.metadata.resourceVersion)).toBeGreaterThan(0);
      expect(Number(item.metadata.resourceVersion)).toBeLessThanOrEqual(
        Number(body.metadata.resourceVersion),
      );
    }
    // The seed's own resourceVersions are replaced by this server's.
    expect(body.items[0].metadata.resourceVersion).not.toBe('999');
  });

  it('pages over one snapshot: writes after the first page do not show, the version stays', async () => {
    const first = (await t.request('GET', `${CLUSTERS}?limit=2`)).body;
    expect(
      (await t.apply(`${ACME_CLUSTERS}/c0`, clusterObject('c0'))).status,
    ).toBe(201);
    expect(
      (await t.apply(`${ACME_CLUSTERS}/zz`, clusterObject('zz'))).status,
    ).toBe(201);
    const rest = (
      await t.request(
        'GET',
        `${CLUSTERS}?limit=10&continue=${first.metadata.continue}`,
      )
    ).body;
    expect(names([first, rest])).toEqual([
      'acme-ns/c1',
      'acme-ns/c2',
      'acme-ns/c3',
      'default/mgmt',
    ]);
    expect(rest.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    // A new list sees the writes.
    expect(names(await allPages(t, CLUSTERS, 10))).toContain('acme-ns/zz');
  });

  it('counts what remains after a page', async () => {
    const { body } = await t.request('GET', `${CLUSTERS}?limit=1`);
    expect(body.metadata.remainingItemCount).toBe(3);
  });

  it('lists one namespace', async () => {
    expect(names(await allPages(t, ACME_CLUSTERS, 10))).toEqual([
      'acme-ns/c1',
      'acme-ns/c2',
      'acme-ns/c3',
    ]);
  });

  it('has the namespaces the seed names', async () => {
    const { body } = await t.request('GET', '/api/v1/namespaces');
    expect(body.items.map((n: any) => n.metadata.name)).toEqual([
      'acme-ns',
      'default',
      'kube-public',
      'kube-system',
    ]);
  });

  it('answers 410 Expired for a continue token whose snapshot expired', async () => {
    await t.close();
    t = await startTestServer({ continueTtlMs: 50 });
    const first = (await t.request('GET', `${CLUSTERS}?limit=1`)).body;
    await new Promise(r => setTimeout(r, 100));
    const answer = await t.request(
      'GET',
      `${CLUSTERS}?limit=1&continue=${first.metadata.continue}`,
    );
    expect(answer.status).toBe(410);
    expect(answer.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Expired',
      code: 410,
    });
  });

  it('answers 410 for a token whose snapshot was dropped for newer ones', async () => {
    await t.close();
    t = await startTestServer({ maxListSnapshots: 1 });
    const old = (await t.request('GET', `${CLUSTERS}?limit=1`)).body;
    await t.request('GET', `${CLUSTERS}?limit=1`);
    const answer = await t.request(
      'GET',
      `${CLUSTERS}?limit=1&continue=${old.metadata.continue}`,
    );
    expect(answer.status).toBe(410);
  });

  it.each`
    query                                 | message
    ${'continue=not-a-token'}             | ${'continue: the continue token is not valid'}
    ${'limit=-1'}                         | ${'limit: Invalid value: "-1": must be a non-negative integer'}
    ${'limit=two'}                        | ${'limit: Invalid value: "two": must be a non-negative integer'}
    ${'labelSelector=env%3Dprod'}         | ${'labelSelector: not supported by dev-kube-apiserver (see its README)'}
    ${'fieldSelector=metadata.name%3Dc1'} | ${'fieldSelector: not supported by dev-kube-apiserver (see its README)'}
  `('400 for $query', async ({ query, message }) => {
    const answer = await t.request('GET', `${CLUSTERS}?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message,
      code: 400,
    });
  });

  it('refuses a continue token of another list', async () => {
    const first = (await t.request('GET', `${CLUSTERS}?limit=1`)).body;
    const answer = await t.request(
      'GET',
      `${ACME_CLUSTERS}?limit=1&continue=${first.metadata.continue}`,
    );
    expect(answer.status).toBe(400);
  });

  it('GETs one object, and 404 with a Status for one that does not exist', async () => {
    expect(
      (await t.request('GET', `${ACME_CLUSTERS}/c2`)).body.spec.topology
        .version,
    ).toBe('v1.33.5');
    const missing = await t.request('GET', `${ACME_CLUSTERS}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'clusters.cluster.x-k8s.io "nope" not found',
      details: { name: 'nope', group: 'cluster.x-k8s.io', kind: 'clusters' },
      code: 404,
    });
  });
});
