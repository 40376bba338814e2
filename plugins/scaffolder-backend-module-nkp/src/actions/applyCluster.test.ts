import {
  createMockDirectory,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readGoldenPathConfig } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import {
  configData,
  MANAGEMENT_API,
  MANAGEMENT_TOKEN,
  request,
  verdictFor,
} from '../__fixtures__/goldenPath';
import { clusterManifests, renderFile } from '../manifests/clusterManifests';
import { createApplyClusterAction } from './applyCluster';

const CLUSTER_PATH =
  '/apis/cluster.x-k8s.io/v1beta1/namespaces/acme-retail-x7k2p/clusters/acme-dev-2';
const FOLDER = 'clusters/acme-retail/acme-dev-2';

const msw = setupServer();
registerMswTestHooks(msw);

const managementCluster = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'demo-nkp-mgmt', namespace: 'default', annotations },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
});

const entities: Entity[] = [
  managementCluster({
    'nkp-lifecycle.io/cluster-type': 'management',
    'nkp-lifecycle.io/source': 'demo',
  }),
  {
    ...managementCluster({
      'nkp-lifecycle.io/cluster-type': 'managed',
      'nkp-lifecycle.io/source': 'demo',
    }),
    metadata: {
      name: 'demo-acme-prod-01',
      namespace: 'default',
      annotations: { 'nkp-lifecycle.io/cluster-type': 'managed' },
    },
  },
  {
    ...managementCluster({}),
    metadata: {
      name: 'hooli-nkp',
      namespace: 'default',
      annotations: {
        'nkp-lifecycle.io/cluster-type': 'management',
        'nkp-lifecycle.io/source': 'hooli',
      },
    },
  },
];

/** An API server with the management cluster's Cluster objects, recording every request. */
function apiServer(existing?: Record<string, unknown>) {
  const requests: Array<{
    method: string;
    url: URL;
    body: string;
    auth: string | null;
  }> = [];
  let stored = existing;
  msw.use(
    http.all(`${MANAGEMENT_API}${CLUSTER_PATH}`, async ({ request: req }) => {
      const body = await req.text();
      requests.push({
        method: req.method,
        url: new URL(req.url),
        body,
        auth: req.headers.get('authorization'),
      });
      if (req.method === 'GET') {
        return stored
          ? HttpResponse.json(stored)
          : HttpResponse.json(
              {
                kind: 'Status',
                code: 404,
                message: 'clusters.cluster.x-k8s.io "acme-dev-2" not found',
              },
              { status: 404 },
            );
      }
      const object = { ...parse(body), status: { phase: 'Provisioning' } };
      if (new URL(req.url).searchParams.get('dryRun') !== 'All') {
        stored = object;
      }
      return HttpResponse.json(object, { status: 201 });
    }),
  );
  return { requests, stored: () => stored };
}

describe('nkp:cluster:apply', () => {
  const mockDir = createMockDirectory();
  const permissions = mockServices.permissions.mock();
  const allow = (result: AuthorizeResult) =>
    permissions.authorize.mockResolvedValue([{ result }] as any);
  const action = () =>
    createApplyClusterAction({
      config: mockServices.rootConfig({ data: configData }),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      permissions,
    });
  const context = (
    input: { path?: string; managementCluster?: string } = {},
    extra: { isDryRun?: boolean; checkpoints?: Map<string, unknown> } = {},
  ) => {
    const ctx = createMockActionContext({
      input: {
        path: FOLDER,
        managementCluster: 'resource:default/demo-nkp-mgmt',
        ...input,
      },
      workspacePath: mockDir.resolve('workspace'),
      task: { id: 'task-1' },
    });
    const checkpoints = extra.checkpoints;
    return {
      ...ctx,
      isDryRun: extra.isDryRun,
      // Like the scaffolder's: a key already done returns its stored result.
      ...(checkpoints && {
        async checkpoint(opts: { key: string; fn: () => Promise<any> }) {
          if (!checkpoints.has(opts.key)) {
            checkpoints.set(opts.key, await opts.fn());
          }
          return checkpoints.get(opts.key);
        },
      }),
    } as typeof ctx;
  };
  const outputs = (ctx: { output: unknown }) =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);

  beforeEach(() => {
    const prismCentral = readGoldenPathConfig(
      mockServices.rootConfig({ data: configData }),
    ).prismCentrals[0];
    const [file] = clusterManifests(verdictFor(request), prismCentral);
    mockDir.setContent({
      [`workspace/${FOLDER}/cluster.yaml`]: renderFile(file),
    });
    allow(AuthorizeResult.ALLOW);
  });

  it('checks nkp.cluster.apply for the initiator', async () => {
    apiServer();
    const ctx = context();
    await action().handler(ctx);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'nkp.cluster.apply' }) }],
      { credentials: await ctx.getInitiatorCredentials() },
    );
  });

  it('server-side applies the rendered Cluster through the source connection, stamped with the task', async () => {
    const server = apiServer();
    const ctx = context();
    await action().handler(ctx);

    const patch = server.requests.find(r => r.method === 'PATCH')!;
    expect(patch.auth).toBe(`Bearer ${MANAGEMENT_TOKEN}`);
    expect(Object.fromEntries(patch.url.searchParams)).toEqual({
      fieldManager: 'nkp-lifecycle',
      force: 'false',
    });
    expect(parse(patch.body)).toMatchObject({
      kind: 'Cluster',
      metadata: {
        name: 'acme-dev-2',
        namespace: 'acme-retail-x7k2p',
        annotations: {
          'nkp-lifecycle.io/scaffolder-task': 'task-1',
          'nkp-lifecycle.io/owner': 'group:default/acme-platform',
        },
      },
      spec: { topology: { class: 'nkp-nutanix-v2.17.1' } },
    });
    expect(outputs(ctx)).toEqual({
      server: MANAGEMENT_API,
      applied: ['Cluster acme-retail-x7k2p/acme-dev-2'],
      dryRun: false,
    });
  });

  it('asks for dryRun=All in a dry run and stores nothing', async () => {
    const server = apiServer();
    const ctx = context({}, { isDryRun: true });
    await action().handler(ctx);
    const patch = server.requests.find(r => r.method === 'PATCH')!;
    expect(patch.url.searchParams.get('dryRun')).toBe('All');
    expect(server.stored()).toBeUndefined();
    expect(outputs(ctx).dryRun).toBe(true);
  });

  it('applies once across retries of the same task', async () => {
    const server = apiServer();
    const checkpoints = new Map<string, unknown>();
    await action().handler(context({}, { checkpoints }));
    await action().handler(context({}, { checkpoints }));
    expect(server.requests.filter(r => r.method === 'PATCH')).toHaveLength(1);
  });

  it('takes its own object, applied before a crash lost the checkpoint, as done', async () => {
    const server = apiServer();
    await action().handler(context());
    await action().handler(context());
    expect(server.requests.filter(r => r.method === 'PATCH')).toHaveLength(1);
  });

  it('refuses a cluster that already exists and applies nothing', async () => {
    const server = apiServer({
      kind: 'Cluster',
      metadata: { name: 'acme-dev-2', annotations: {} },
    });
    await expect(action().handler(context())).rejects.toThrow(
      `clusters.cluster.x-k8s.io "acme-dev-2" already exists in namespace acme-retail-x7k2p on ${MANAGEMENT_API}; choose another cluster name`,
    );
    expect(server.requests.map(r => r.method)).toEqual(['GET']);
  });

  it('refuses without nkp.cluster.apply and never reaches the cluster', async () => {
    allow(AuthorizeResult.DENY);
    const server = apiServer();
    await expect(action().handler(context())).rejects.toThrow(
      /Direct apply needs the nkp\.cluster\.apply permission.*deliver through GitOps/,
    );
    expect(server.requests).toEqual([]);
  });

  it.each([
    [
      { managementCluster: 'resource:default/nowhere' },
      'managementCluster: "resource:default/nowhere" is not an entity in the catalog',
    ],
    [
      { managementCluster: 'resource:default/demo-acme-prod-01' },
      'managementCluster: resource:default/demo-acme-prod-01 is not an NKP management cluster (its nkp-lifecycle.io/cluster-type is managed)',
    ],
    [
      { managementCluster: 'resource:default/hooli-nkp' },
      'managementCluster: resource:default/hooli-nkp is read from an offline export; direct apply needs catalog.providers.nkp.hooli.api',
    ],
    [
      { path: 'clusters/elsewhere' },
      'path: "clusters/elsewhere" is not a folder in the workspace',
    ],
    [{ path: '../../etc' }, /outside/],
  ])('refuses %p', async (input, message) => {
    const server = apiServer();
    await expect(action().handler(context(input))).rejects.toThrow(message);
    expect(server.requests).toEqual([]);
  });

  it.each([
    [
      403,
      'clusters.cluster.x-k8s.io "acme-dev-2" is forbidden: User "system:serviceaccount:nkp:portal" cannot patch resource "clusters"',
      /HTTP 403 .*cannot patch resource "clusters"; the credentials need create, patch on clusters\.cluster\.x-k8s\.io in namespace acme-retail-x7k2p/,
    ],
    [
      422,
      'Cluster.cluster.x-k8s.io "acme-dev-2" is invalid: spec.topology.class: Invalid value: "nkp-nutanix-v2.17.1": ClusterClass not found',
      /HTTP 422 .*spec\.topology\.class: Invalid value: "nkp-nutanix-v2\.17\.1": ClusterClass not found/,
    ],
    [
      409,
      'Operation cannot be fulfilled on clusters.cluster.x-k8s.io "acme-dev-2": the object has been modified',
      /HTTP 409 Operation cannot be fulfilled/,
    ],
  ])(
    'passes on what the API server says on a %d',
    async (code, message, expected) => {
      msw.use(
        http.get(`${MANAGEMENT_API}${CLUSTER_PATH}`, () =>
          HttpResponse.json(
            { code: 404, message: 'not found' },
            { status: 404 },
          ),
        ),
        http.patch(`${MANAGEMENT_API}${CLUSTER_PATH}`, () =>
          HttpResponse.json(
            { kind: 'Status', code, message },
            { status: code },
          ),
        ),
      );
      await expect(action().handler(context())).rejects.toThrow(expected);
    },
  );

  it('names the server and the timeout when the API server does not answer', async () => {
    msw.use(
      http.get(`${MANAGEMENT_API}${CLUSTER_PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    await expect(action().handler(context())).rejects.toThrow(
      `GET ${MANAGEMENT_API}${CLUSTER_PATH}: no complete response within 300 ms`,
    );
  });
});
