import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { KubernetesApiClient } from './KubernetesApiClient';

const URL_BASE = 'https://nkp-mgmt.test:6443';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-service-account-token';
const PATH =
  '/apis/cluster.x-k8s.io/v1beta1/namespaces/acme-retail-x7k2p/clusters/acme-dev-2';
const TARGET = {
  path: PATH,
  resource: 'clusters.cluster.x-k8s.io',
  namespace: 'acme-retail-x7k2p',
};
const MANIFEST =
  'apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata:\n  name: acme-dev-2\n';

const msw = setupServer();
registerMswTestHooks(msw);

const client = () =>
  KubernetesApiClient.fromConnection(
    { auth: 'token', url: URL_BASE, token: TOKEN },
    { key: 'catalog.providers.nkp.demo.api', requestTimeoutMs: 200 },
  );
const signal = () => new AbortController().signal;

const status = (code: number, message: string) =>
  HttpResponse.json(
    { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code },
    { status: code },
  );

describe('KubernetesApiClient.apply', () => {
  it('server-side applies as the field manager, without force, with the token', async () => {
    let seen: { url: URL; headers: Headers; body: string } | undefined;
    msw.use(
      http.patch(`${URL_BASE}${PATH}`, async ({ request }) => {
        seen = {
          url: new URL(request.url),
          headers: request.headers,
          body: await request.text(),
        };
        return HttpResponse.json(
          { kind: 'Cluster', metadata: { name: 'acme-dev-2', uid: 'u-1' } },
          { status: 201 },
        );
      }),
    );

    const applied = await client().apply(TARGET, MANIFEST, {
      fieldManager: 'nkp-lifecycle',
      signal: signal(),
    });

    expect(applied).toEqual({
      kind: 'Cluster',
      metadata: { name: 'acme-dev-2', uid: 'u-1' },
    });
    expect(Object.fromEntries(seen!.url.searchParams)).toEqual({
      fieldManager: 'nkp-lifecycle',
      force: 'false',
    });
    expect(seen!.headers.get('content-type')).toBe(
      'application/apply-patch+yaml',
    );
    expect(seen!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(seen!.body).toBe(MANIFEST);
  });

  it('asks for dryRun=All on a dry run', async () => {
    let query: URLSearchParams | undefined;
    msw.use(
      http.patch(`${URL_BASE}${PATH}`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ kind: 'Cluster' });
      }),
    );
    await client().apply(TARGET, MANIFEST, {
      fieldManager: 'nkp-lifecycle',
      dryRun: true,
      signal: signal(),
    });
    expect(query!.get('dryRun')).toBe('All');
  });

  it.each([
    [
      403,
      'clusters.cluster.x-k8s.io "acme-dev-2" is forbidden: User "system:serviceaccount:nkp:portal" cannot patch resource',
      'NotAllowedError',
      /HTTP 403 .*cannot patch resource; the credentials need create, patch on clusters\.cluster\.x-k8s\.io in namespace acme-retail-x7k2p/,
    ],
    [
      409,
      'Apply failed with 1 conflict: conflict with "kubectl" using cluster.x-k8s.io/v1beta1: .spec.topology.version',
      'ConflictError',
      /HTTP 409 Apply failed with 1 conflict: conflict with "kubectl".*\.spec\.topology\.version/,
    ],
    [
      422,
      'Cluster.cluster.x-k8s.io "acme-dev-2" is invalid: spec.topology.controlPlane.replicas: Invalid value: 2',
      'InputError',
      /HTTP 422 .*spec\.topology\.controlPlane\.replicas: Invalid value: 2/,
    ],
    [401, 'Unauthorized', 'AuthenticationError', /token or client certificate/],
  ])(
    'a %d (%s) becomes an error that carries the server message and what to do',
    async (code, message, name, expected) => {
      msw.use(http.patch(`${URL_BASE}${PATH}`, () => status(code, message)));
      const error = (await client()
        .apply(TARGET, MANIFEST, {
          fieldManager: 'nkp-lifecycle',
          signal: signal(),
        })
        .catch((e: Error) => e)) as Error;
      expect(error.name).toBe(name);
      expect(error.message).toMatch(expected);
      expect(error.message).toContain(`PATCH ${URL_BASE}${PATH}`);
      expect(error.message).not.toContain(TOKEN);
    },
  );

  it('gives up at the deadline, naming the server and the timeout', async () => {
    msw.use(
      http.patch(`${URL_BASE}${PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await expect(
      client().apply(TARGET, MANIFEST, {
        fieldManager: 'nkp-lifecycle',
        signal: signal(),
      }),
    ).rejects.toThrow(
      `PATCH ${URL_BASE}${PATH}?fieldManager=nkp-lifecycle&force=false: no complete response within 200 ms`,
    );
  });

  it('names the server when it cannot be reached', async () => {
    msw.use(http.patch(`${URL_BASE}${PATH}`, () => HttpResponse.error()));
    await expect(
      client().apply(TARGET, MANIFEST, {
        fieldManager: 'nkp-lifecycle',
        signal: signal(),
      }),
    ).rejects.toThrow(`PATCH ${URL_BASE}${PATH}`);
  });
});

describe('KubernetesApiClient.getOptionalJson', () => {
  it('returns the object when it exists', async () => {
    msw.use(
      http.get(`${URL_BASE}${PATH}`, () =>
        HttpResponse.json({ metadata: { name: 'acme-dev-2' } }),
      ),
    );
    await expect(client().getOptionalJson(PATH, signal())).resolves.toEqual({
      metadata: { name: 'acme-dev-2' },
    });
  });

  it('returns undefined for a 404, where getJson fails', async () => {
    msw.use(
      http.get(`${URL_BASE}${PATH}`, () =>
        status(404, 'clusters.cluster.x-k8s.io "acme-dev-2" not found'),
      ),
    );
    await expect(
      client().getOptionalJson(PATH, signal()),
    ).resolves.toBeUndefined();
    await expect(client().getJson(PATH, signal())).rejects.toThrow(
      /HTTP 404 clusters.cluster.x-k8s.io "acme-dev-2" not found/,
    );
  });

  it('still fails on other errors', async () => {
    msw.use(http.get(`${URL_BASE}${PATH}`, () => status(403, 'forbidden')));
    await expect(client().getOptionalJson(PATH, signal())).rejects.toThrow(
      /HTTP 403 forbidden; grant the service account get\/list\/watch/,
    );
  });
});
