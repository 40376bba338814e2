import {
  registerMswTestHooks,
  mockApis,
  MockFetchApi,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { NkpClient } from './NkpClient';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://localhost:7007/api/nkp';
const client = new NkpClient({
  discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
  fetchApi: new MockFetchApi(),
});

describe('NkpClient', () => {
  it('sends the filters, paging and sorting of the clusters route as query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${baseUrl}/clusters`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [], totalCount: 0, offset: 20 });
      }),
    );
    await client.listClusters({
      owner: 'group:default/team-acme',
      state: ['overdue', 'unsupported'],
      version: '1.33',
      offset: 20,
      limit: 20,
      orderBy: 'deadline',
      order: 'desc',
    });
    expect(url?.searchParams.get('owner')).toBe('group:default/team-acme');
    // Repeated, which the backend reads as a list
    expect(url?.searchParams.getAll('state')).toEqual([
      'overdue',
      'unsupported',
    ]);
    expect(url?.searchParams.get('version')).toBe('1.33');
    expect(url?.searchParams.get('offset')).toBe('20');
    expect(url?.searchParams.get('limit')).toBe('20');
    expect(url?.searchParams.get('orderBy')).toBe('deadline');
    expect(url?.searchParams.get('order')).toBe('desc');
    expect(url?.searchParams.has('workspace')).toBe(false);
  });

  it('sends several owners as repeated parameters, for clusters of any of them', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(`${baseUrl}/clusters`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json({ items: [], totalCount: 0, offset: 0 });
      }),
    );
    await client.listClusters({
      owner: ['user:default/me', 'group:default/team-acme'],
    });
    await client.listClusters({ owner: [] });
    await client.listClusters({ owner: '' });
    expect(urls.map(url => url.searchParams.getAll('owner'))).toEqual([
      ['user:default/me', 'group:default/team-acme'],
      [],
      [],
    ]);
  });

  it('reads one cluster by the namespace and name of its entity', async () => {
    server.use(
      http.get(`${baseUrl}/clusters/:namespace/:name`, ({ params }) =>
        HttpResponse.json({
          name: params.name,
          namespace: params.namespace,
          exceptions: [],
        }),
      ),
    );
    await expect(
      client.getCluster({ namespace: 'default', name: 'acme prod' }),
    ).resolves.toMatchObject({
      name: 'acme prod',
      namespace: 'default',
    });
  });

  it('unwraps the item lists of plans and exceptions, page after page', async () => {
    // Two items per page here; the backend's default page is the document's to say
    const pageOf = (prefix: string) => (offset: number) =>
      HttpResponse.json({
        evaluatedOn: '2026-11-21',
        items: [`${prefix}${offset}`, `${prefix}${offset + 1}`]
          .slice(0, 3 - offset)
          .map(id => ({ id })),
        totalCount: 3,
        offset,
        limit: 2,
      });
    const offsets: string[] = [];
    server.use(
      http.get(`${baseUrl}/plans`, ({ request }) => {
        const offset = new URL(request.url).searchParams.get('offset');
        offsets.push(offset ?? '');
        return pageOf('p')(Number(offset ?? 0));
      }),
      http.get(`${baseUrl}/exceptions`, () =>
        HttpResponse.json({
          evaluatedOn: '2026-11-21',
          items: [{ id: 'e' }],
          totalCount: 1,
          offset: 0,
          limit: 100,
        }),
      ),
    );
    await expect(client.listPlans()).resolves.toEqual([
      { id: 'p0' },
      { id: 'p1' },
      { id: 'p2' },
    ]);
    expect(offsets).toEqual(['', '2']);
    await expect(client.listExceptions()).resolves.toEqual([{ id: 'e' }]);
  });

  it.each([
    ['changePlan', 'PATCH', '/plans/p%2F1', { title: 'New' }],
    ['cancelPlan', 'POST', '/plans/p%2F1/cancel', { reason: 'Superseded' }],
    [
      'rejectException',
      'POST',
      '/exceptions/p%2F1/reject',
      { reason: 'Superseded' },
    ],
    [
      'revokeException',
      'POST',
      '/exceptions/p%2F1/revoke',
      { reason: 'Superseded' },
    ],
  ] as const)('%s sends %s %s', async (method, verb, path, body) => {
    let seen: { method: string; path: string; body: unknown } | undefined;
    server.use(
      http.all(`${baseUrl}/*`, async ({ request }) => {
        seen = {
          method: request.method,
          path: new URL(request.url).pathname.replace('/api/nkp', ''),
          body: await request.json(),
        };
        return HttpResponse.json({ id: 'p/1' });
      }),
    );
    const arg = 'title' in body ? body : body.reason;
    await (client[method] as (id: string, a: unknown) => Promise<unknown>)(
      'p/1',
      arg,
    );
    expect(seen).toEqual({ method: verb, path, body });
  });

  it('posts an exception request as JSON', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/exceptions`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { id: 'e1', status: 'requested' },
          { status: 201 },
        );
      }),
    );
    const request = {
      target: { cluster: 'resource:default/acme' },
      reason: 'Payment freeze until the end of the quarter',
      expiresAt: '2026-12-31',
    };
    await expect(client.requestException(request)).resolves.toMatchObject({
      id: 'e1',
    });
    expect(body).toEqual(request);
  });

  it('posts an approval to the exception it approves', async () => {
    let path: string | undefined;
    server.use(
      http.post(`${baseUrl}/exceptions/:id/approve`, ({ params }) => {
        path = String(params.id);
        return HttpResponse.json({ id: params.id, status: 'approved' });
      }),
    );
    await client.approveException('exc/1', { comment: 'ok' });
    expect(path).toBe('exc/1');
  });

  it('turns a Backstage error body into a ResponseError carrying the server message', async () => {
    server.use(
      http.post(`${baseUrl}/plans`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'Invalid upgrade plan: targetVersion: must be an NKP version',
            },
            request: { method: 'POST', url: '/plans' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .createPlan({
        title: 't',
        targetVersion: 'x',
        announcedAt: '2026-11-21',
        scope: { kind: 'fleet' },
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe(
      'Invalid upgrade plan: targetVersion: must be an NKP version',
    );
  });

  it('reads what the cluster request form offers', async () => {
    const options = {
      groups: ['group:default/team-acme'],
      sizes: {},
      prismCentrals: [],
      delivery: { gitops: {}, direct: false },
    };
    server.use(
      http.get(`${baseUrl}/golden-path/options`, () =>
        HttpResponse.json(options),
      ),
    );
    await expect(client.getGoldenPathOptions()).resolves.toEqual(options);
  });

  it.each([
    [
      'a managed cluster, with its management cluster',
      { operation: 'managed', managementCluster: 'resource:default/nkp-mgmt' },
      { operation: 'managed', managementCluster: 'resource:default/nkp-mgmt' },
    ],
    [
      'a self-managed cluster, without one',
      { operation: 'self-managed' },
      { operation: 'self-managed' },
    ],
  ] as const)('asks for the versions of %s', async (_, query, expected) => {
    let params: Record<string, string> | undefined;
    server.use(
      http.get(`${baseUrl}/golden-path/versions`, ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({ offered: [], hidden: [] });
      }),
    );
    await expect(client.getVersionOptions(query)).resolves.toEqual({
      offered: [],
      hidden: [],
    });
    expect(params).toEqual(expected);
  });

  it("fails with the backend's message when the versions cannot be offered", async () => {
    server.use(
      http.get(`${baseUrl}/golden-path/versions`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'managementCluster: required when operation is managed',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await client
      .getVersionOptions({ operation: 'managed' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.cause.message).toBe(
      'managementCluster: required when operation is managed',
    );
  });
});
