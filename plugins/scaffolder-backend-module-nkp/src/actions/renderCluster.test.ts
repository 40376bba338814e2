import {
  createMockDirectory,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import fs from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import {
  acceptingCheck,
  checkToken,
  configData,
  refusingCheck,
  request,
} from '../__fixtures__/goldenPath';
import { createRenderClusterAction } from './renderCluster';

const msw = setupServer();
registerMswTestHooks(msw);

describe('nkp:cluster:render', () => {
  const mockDir = createMockDirectory();
  const action = () =>
    createRenderClusterAction({
      config: mockServices.rootConfig({ data: configData }),
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
    });
  const context = (input: object = request, isDryRun = false) => ({
    ...createMockActionContext({
      input: input as any,
      workspacePath: mockDir.resolve('workspace'),
    }),
    isDryRun,
  });
  const written = (file: string) =>
    fs.readFileSync(mockDir.resolve(`workspace/${file}`), 'utf8');

  beforeEach(() => mockDir.clear());

  it('has the backend check the request on behalf of the initiator', async () => {
    const check = acceptingCheck();
    msw.use(check.handler);
    await action().handler(context());
    expect(check.received).toEqual([
      { body: request, authorization: checkToken() },
    ]);
  });

  it('writes the CAPI Cluster at the GitOps path, with the Nutanix topology variables', async () => {
    msw.use(acceptingCheck().handler);
    const ctx = context();
    await action().handler(ctx);

    const cluster = parse(
      written('clusters/acme-retail/acme-dev-2/cluster.yaml'),
    );
    expect(cluster).toMatchObject({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: {
        name: 'acme-dev-2',
        namespace: 'acme-retail-x7k2p',
        labels: {
          'cluster.x-k8s.io/provider': 'nutanix',
          'nkp-lifecycle.io/owner': 'acme-platform',
        },
        annotations: {
          'nkp-lifecycle.io/owner': 'group:default/acme-platform',
          'nkp-lifecycle.io/requested-by': 'user:default/mock',
          'nkp-lifecycle.io/requested-projects': 'storefront,checkout',
          'kommander.mesosphere.io/description':
            'Staging for the storefront spring sale',
        },
      },
      spec: {
        topology: {
          class: 'nkp-nutanix-v2.17.1',
          version: 'v1.34.3',
          controlPlane: { replicas: 3 },
          workers: {
            machineDeployments: [
              { class: 'default-worker', name: 'md-0', replicas: 4 },
            ],
          },
        },
      },
    });
    const [clusterConfig] = cluster.spec.topology.variables;
    expect(clusterConfig.name).toBe('clusterConfig');
    const machineDetails = {
      bootType: 'uefi',
      cluster: { name: 'pe-demo-1', type: 'name' },
      image: { name: 'nkp-rocky-9.6-release-1.34.3', type: 'name' },
      memorySize: '32Gi',
      systemDiskSize: '120Gi',
      subnets: [
        { name: 'vlan-tenants', type: 'name' },
        { name: 'vlan-storage', type: 'name' },
      ],
      vcpuSockets: 8,
      vcpusPerSocket: 1,
    };
    expect(clusterConfig.value).toMatchObject({
      nutanix: {
        controlPlaneEndpoint: {
          host: '10.42.10.20',
          port: 6443,
          virtualIP: { provider: 'KubeVIP' },
        },
        prismCentralEndpoint: {
          url: 'https://pc.demo.example:9440',
          insecure: false,
          credentials: { secretRef: { name: 'nutanix-pc-credentials' } },
        },
      },
      controlPlane: { nutanix: { machineDetails } },
      addons: {
        csi: {
          providers: {
            nutanix: {
              credentials: { secretRef: { name: 'nutanix-pc-credentials' } },
              storageClassConfigs: {
                volume: {
                  parameters: { storageContainer: 'default-container' },
                },
              },
            },
          },
        },
      },
    });
    expect(
      cluster.spec.topology.workers.machineDeployments[0].variables.overrides,
    ).toEqual([
      { name: 'workerConfig', value: { nutanix: { machineDetails } } },
    ]);
  });

  it('outputs what the publish and catalog steps need', async () => {
    msw.use(acceptingCheck().handler);
    const ctx = context();
    await action().handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls as Array<[string, unknown]>,
    );
    expect(outputs).toMatchObject({
      path: 'clusters/acme-retail/acme-dev-2',
      files: ['clusters/acme-retail/acme-dev-2/cluster.yaml'],
      provider: 'github',
      repoUrl: 'github.com?owner=nkp-demo&repo=fleet',
      branch: 'main',
      title:
        'New NKP cluster acme-retail/acme-dev-2 (NKP 2.17.1, Kubernetes 1.34.3)',
      entityRef: 'resource:default/demo-acme-dev-2',
      verdict: { namespace: 'acme-retail-x7k2p', source: 'demo' },
    });
    for (const expected of [
      'NKP 2.17.1, Kubernetes 1.34.3',
      '2026-12-23 (21 days left)',
      '| Requested by | user:default/mock |',
      '- group:default/platform-team',
    ]) {
      expect(outputs.body).toContain(expected);
    }
  });

  it('keeps YAML-looking text a plain string value', async () => {
    const hostile = {
      ...request,
      description: 'x\nspec:\n  topology: {class: evil}',
      projects: ['a: b', '- c'],
    };
    msw.use(acceptingCheck().handler);
    await action().handler(context(hostile));
    const documents = parseAllDocuments(
      written('clusters/acme-retail/acme-dev-2/cluster.yaml'),
    );
    expect(documents).toHaveLength(1);
    const cluster = documents[0].toJS();
    expect(cluster.metadata.annotations).toMatchObject({
      'kommander.mesosphere.io/description': hostile.description,
      'nkp-lifecycle.io/requested-projects': 'a: b,- c',
    });
    expect(cluster.spec.topology.class).toBe('nkp-nutanix-v2.17.1');
  });

  it('renders in a dry run too (into the dry run’s own workspace)', async () => {
    msw.use(acceptingCheck().handler);
    await action().handler(context(request, true));
    expect(written('clusters/acme-retail/acme-dev-2/cluster.yaml')).toContain(
      'kind: Cluster',
    );
  });

  it.each([
    [
      'every field the backend refused',
      refusingCheck(400, {
        name: 'InputError',
        message: 'The request has 2 problems',
        fieldErrors: [
          {
            field: 'name',
            message:
              'a cluster named acme-dev-2 already exists in workspace acme-retail',
          },
          {
            field: 'version',
            message:
              'Kubernetes 1.31 is past its end of life; allowed: 2.17.1/1.34.3',
          },
        ],
      }),
      'The cluster request was refused: name: a cluster named acme-dev-2 already exists in workspace acme-retail; version: Kubernetes 1.31 is past its end of life; allowed: 2.17.1/1.34.3',
    ],
    [
      'the reason of a 403',
      refusingCheck(403, {
        name: 'NotAllowedError',
        message:
          'owner: user:default/mock may not request clusters for group:default/team-globex (nkp.cluster.request)',
      }),
      'owner: user:default/mock may not request clusters for group:default/team-globex (nkp.cluster.request)',
    ],
    [
      'the backend and its status otherwise',
      refusingCheck(500, { message: 'database is down' }),
      'The NKP backend (POST http://localhost:0/api/nkp/golden-path/check) answered HTTP 500: database is down',
    ],
  ])('fails with %s and writes nothing', async (_, handler, message) => {
    msw.use(handler);
    await expect(action().handler(context())).rejects.toThrow(message);
    expect(fs.existsSync(mockDir.resolve('workspace/clusters'))).toBe(false);
  });

  it('refuses a Prism Central the config does not have, naming the field', async () => {
    msw.use(acceptingCheck().handler);
    await expect(
      action().handler(
        context({
          ...request,
          placement: { ...request.placement, prismCentral: 'pc-elsewhere' },
        }),
      ),
    ).rejects.toThrow(
      'placement.prismCentral: "pc-elsewhere" is not configured in nkp.goldenPath.prismCentrals',
    );
  });
});
