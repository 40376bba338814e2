/**
 * The golden path's routes under the portal's real policy (the NKP permission policy module's
 * `decideNkpPermission`, conditional decisions applied by the plugin's own rules): the platform
 * engineer (pat) may request for every group and apply directly; alice (team-acme) may request
 * for ACME and, as a cluster applier, apply; gina (team-globex) may request for Globex only and
 * is not offered direct apply. Versions come from the fleet's own engine and calendar.
 */
import {
  BackstageCredentials,
  BackstageUserInfo,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NkpClusterRequest } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  decideNkpPermission,
  readNkpAccessConfig,
} from '@nkp-lifecycle/backstage-plugin-permission-backend-module-nkp';
import request from 'supertest';
import { nkpPlugin } from './plugin';

jest.setTimeout(60_000);

const provider = {
  'nkp-lifecycle.io/source': 'demo',
  'backstage.io/managed-by-location': 'nkp:demo',
  'backstage.io/managed-by-origin-location': 'nkp:demo',
};
const tenantFile = 'url:https://git.acme.example/acme/catalog-info.yaml';

const cluster = (
  name: string,
  owner: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      ...provider,
      'nkp-lifecycle.io/object-name': name,
      ...annotations,
    },
  },
  spec: { type: 'kubernetes-cluster', owner },
});

const domain = (
  name: string,
  owner: string,
  origin: Record<string, string> = provider,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: {
    name,
    annotations: {
      ...origin,
      'nkp-lifecycle.io/object-name': name,
      'nkp-lifecycle.io/workspace': name,
      'nkp-lifecycle.io/namespace': `${name}-x7k2p`,
    },
  },
  spec: { owner },
});

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [] },
});

const entities: Entity[] = [
  cluster('nkp-mgmt', 'group:default/platform-team', {
    'nkp-lifecycle.io/nkp-version': '2.17.0',
    'nkp-lifecycle.io/kubernetes-version': '1.34.2',
    'nkp-lifecycle.io/cluster-type': 'management',
    'nkp-lifecycle.io/workspace': 'kommander-default-workspace',
  }),
  cluster('acme-prod-01', 'group:default/team-acme', {
    'nkp-lifecycle.io/nkp-version': '2.17.0',
    'nkp-lifecycle.io/kubernetes-version': '1.34.2',
    'nkp-lifecycle.io/cluster-type': 'managed',
    'nkp-lifecycle.io/management-cluster': 'nkp-mgmt',
    'nkp-lifecycle.io/workspace': 'acme-retail',
  }),
  domain('acme-retail', 'group:default/team-acme'),
  domain('globex', 'group:default/team-globex'),
  // ACME's own file imitates a workspace: not NKP's
  domain('acme-shadow', 'group:default/team-acme', {
    'nkp-lifecycle.io/source': 'demo',
    'backstage.io/managed-by-location': tenantFile,
    'backstage.io/managed-by-origin-location': tenantFile,
  }),
  group('platform-team'),
  group('team-acme'),
  group('team-globex'),
];

const groups: Record<string, string[]> = {
  'user:default/pat': ['group:default/platform-team'],
  'user:default/alice': ['group:default/team-acme'],
  'user:default/gina': ['group:default/team-globex'],
};

const access = readNkpAccessConfig(
  new ConfigReader({
    nkp: {
      access: {
        platformTeam: ['group:default/platform-team'],
        clusterAppliers: ['group:default/team-acme'],
      },
    },
  }),
);

function userInfoOf(
  credentials: BackstageCredentials,
): BackstageUserInfo | undefined {
  const { principal } = credentials as BackstageCredentials<{
    type: string;
    userEntityRef?: string;
  }>;
  const ref = principal.userEntityRef;
  if (!ref) return undefined;
  return {
    userEntityRef: ref,
    ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
  };
}

const goldenPath = {
  releases: [
    { nkp: '2.17.1', kubernetes: '1.34.3' },
    { nkp: '2.17.1', kubernetes: '1.33.5' },
    { nkp: '2.16.1', kubernetes: '1.33.5' },
    { nkp: '2.16.1', kubernetes: '1.34.3' },
    { nkp: '2.15.1', kubernetes: '1.32.3' },
    { nkp: '2.12.0', kubernetes: '1.29.9' },
  ],
  prismCentrals: [
    {
      name: 'pc-demo',
      title: 'Demo Prism Central',
      url: 'https://pc.demo.example:9440',
      credentialsSecret: 'nutanix-pc-credentials',
      clusters: [
        {
          name: 'pe-demo-1',
          subnets: ['vlan-tenants', 'vlan-storage'],
          images: ['nkp-rocky-9.6-release-1.34.3'],
          storageContainers: ['default-container'],
        },
      ],
    },
  ],
  approvers: ['group:default/platform-team'],
  delivery: {
    gitops: {
      provider: 'github',
      repoUrl: 'github.com?owner=nkp-demo&repo=fleet',
      branch: 'main',
    },
    direct: { enabled: true },
  },
};

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function startBackend(config: object = goldenPath) {
  const knex = await databases.init('SQLITE_3');
  const permissions = mockServices.permissions.mock();
  const decide = (
    reqs: Array<{ permission: any }>,
    opts: { credentials: BackstageCredentials },
  ) =>
    reqs.map(
      r =>
        decideNkpPermission(
          { permission: r.permission },
          userInfoOf(opts.credentials),
          access,
        ) ?? { result: AuthorizeResult.ALLOW },
    );
  permissions.authorizeConditional.mockImplementation(
    async (reqs, opts) => decide(reqs, opts) as any,
  );
  permissions.authorize.mockImplementation(async (reqs, opts) =>
    decide(reqs, opts).map(d =>
      d.result === AuthorizeResult.CONDITIONAL
        ? { result: AuthorizeResult.DENY }
        : d,
    ),
  );
  const { server } = await startTestBackend({
    features: [
      nkpPlugin,
      catalogServiceMock.factory({ entities }),
      permissions.factory,
      mockServices.logger.factory(),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          nkp: {
            // Rules that do not depend on today's date: the answers stay the same every day.
            policy: { upstreamEol: { enabled: false } },
            // NKP 2.17 supports the Kubernetes minor before its default too.
            calendar: {
              nkp: [{ minor: '2.17', kubernetesMinors: ['1.33', '1.34'] }],
            },
            goldenPath: config,
          },
        },
      }),
    ],
  });
  const as = (user: string) => ({
    get: (path: string) =>
      request(server)
        .get(`/api/nkp${path}`)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (path: string, body: object) =>
      request(server)
        .post(`/api/nkp${path}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  });
  return {
    pat: as('user:default/pat'),
    alice: as('user:default/alice'),
    gina: as('user:default/gina'),
    nobody: as('user:default/nobody'),
    service: {
      get: (path: string) =>
        request(server)
          .get(`/api/nkp${path}`)
          .set('Authorization', mockCredentials.service.header()),
    },
  };
}

type Backend = Awaited<ReturnType<typeof startBackend>>;
let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});

const acmeRequest: NkpClusterRequest = {
  name: 'acme-dev-02',
  owner: 'group:default/team-acme',
  workspace: 'domain:default/acme-retail',
  projects: ['storefront'],
  description: 'Development cluster for the storefront team',
  operation: 'managed',
  managementCluster: 'resource:default/nkp-mgmt',
  version: { nkp: '2.17.1', kubernetes: '1.34.3' },
  size: {
    preset: 'small',
    controlPlaneNodes: 1,
    workers: 2,
    vcpus: 4,
    memoryGiB: 16,
    diskGiB: 80,
  },
  placement: {
    prismCentral: 'pc-demo',
    cluster: 'pe-demo-1',
    subnets: ['vlan-tenants'],
    image: 'nkp-rocky-9.6-release-1.34.3',
    storageContainer: 'default-container',
    controlPlaneEndpoint: '10.42.0.50',
  },
  delivery: 'gitops',
};

/** `acmeRequest` with one value replaced at a dotted path (undefined removes it). */
function change(path: string, value: unknown): object {
  const copy = JSON.parse(JSON.stringify(acmeRequest));
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key];
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return copy;
}

const pairs = (list: Array<{ nkp: string; kubernetes: string }>) =>
  list.map(v => `${v.nkp}/${v.kubernetes}`);

describe('GET /golden-path/options', () => {
  it('offers pat every group and direct apply, without the credentials Secret', async () => {
    const res = await backend.pat.get('/golden-path/options').expect(200);
    expect(res.body).toMatchObject({
      groups: [
        'group:default/platform-team',
        'group:default/team-acme',
        'group:default/team-globex',
      ],
      delivery: {
        gitops: {
          provider: 'github',
          repoUrl: 'github.com?owner=nkp-demo&repo=fleet',
          branch: 'main',
        },
        direct: true,
      },
      prismCentrals: [{ name: 'pc-demo', url: 'https://pc.demo.example:9440' }],
    });
    expect(res.body.sizes.workers).toEqual({ min: 1, max: 20, default: 3 });
    expect(res.body.sizes.presets.map((p: { name: string }) => p.name)).toEqual(
      ['small', 'medium', 'large'],
    );
    expect(JSON.stringify(res.body)).not.toMatch(
      /nutanix-pc-credentials|insecure/,
    );
  });

  it.each`
    user       | groups                           | direct
    ${'alice'} | ${['group:default/team-acme']}   | ${true}
    ${'gina'}  | ${['group:default/team-globex']} | ${false}
  `(
    'offers $user their own groups; direct apply: $direct',
    async ({ user, groups: own, direct }) => {
      const res = await backend[user as 'alice' | 'gina']
        .get('/golden-path/options')
        .expect(200);
      expect(res.body.groups).toEqual(own);
      expect(res.body.delivery.direct).toBe(direct);
    },
  );

  it('refuses someone who may request for no group', async () => {
    const res = await backend.nobody.get('/golden-path/options').expect(403);
    expect(res.body.error.message).toContain('nkp.cluster.request');
  });
});

describe('GET /golden-path/versions', () => {
  it('managed: the management cluster’s NKP minor within the managed skew, newest first', async () => {
    const res = await backend.alice
      .get(
        '/golden-path/versions?operation=managed&managementCluster=resource:default/nkp-mgmt',
      )
      .expect(200);
    expect(pairs(res.body.offered)).toEqual(['2.17.1/1.34.3', '2.17.1/1.33.5']);
    expect(res.body.offered[0]).toMatchObject({
      clusterClass: 'nkp-nutanix-v2.17.1',
      recommended: true,
    });
    expect(res.body.offered[1].recommended).toBe(false);
    expect(res.body.hidden).toEqual([
      {
        nkp: '2.16.1',
        kubernetes: '1.34.3',
        reason: 'NKP 2.16 does not ship Kubernetes 1.34 (it ships 1.33)',
      },
      {
        nkp: '2.16.1',
        kubernetes: '1.33.5',
        reason: expect.stringContaining("management cluster's NKP minor"),
      },
      {
        nkp: '2.15.1',
        kubernetes: '1.32.3',
        reason: expect.stringContaining("management cluster's NKP minor"),
      },
      {
        nkp: '2.12.0',
        kubernetes: '1.29.9',
        reason: expect.stringContaining("management cluster's NKP minor"),
      },
    ]);
  });

  it('self-managed: inside the self-managed window', async () => {
    const res = await backend.gina
      .get('/golden-path/versions?operation=self-managed')
      .expect(200);
    expect(pairs(res.body.offered)).toEqual([
      '2.17.1/1.34.3',
      '2.17.1/1.33.5',
      '2.16.1/1.33.5',
      '2.15.1/1.32.3',
    ]);
    expect(
      res.body.hidden.find((h: { nkp: string }) => h.nkp === '2.12.0').reason,
    ).toMatch(
      /NKP 2\.12 is 5 minors behind the newest NKP 2\.17; at most 3 minors allowed/,
    );
  });

  it.each`
    query                                                                  | message
    ${'operation=managed'}                                                 | ${/managementCluster: is required for a managed cluster/}
    ${'operation=managed&managementCluster=resource:default/acme-prod-01'} | ${/managementCluster: "resource:default\/acme-prod-01" is not a management cluster/}
    ${'operation=managed&managementCluster=resource:default/nope'}         | ${/managementCluster: "resource:default\/nope" is not a management cluster/}
    ${'operation=hosted'}                                                  | ${/operation/}
  `('400 for $query', async ({ query, message }) => {
    const res = await backend.pat
      .get(`/golden-path/versions?${query}`)
      .expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a caller without a user (no nkp.cluster.request)', async () => {
    const res = await backend.service
      .get('/golden-path/versions?operation=self-managed')
      .expect(403);
    expect(res.body.error.message).toContain('nkp.cluster.request');
  });
});

describe('POST /golden-path/check', () => {
  it('gives alice the verdict for an ACME cluster, changing nothing', async () => {
    const res = await backend.alice
      .post('/golden-path/check', acmeRequest)
      .expect(200);
    expect(res.body).toEqual({
      request: acmeRequest,
      namespace: 'acme-retail-x7k2p',
      workspaceName: 'acme-retail',
      clusterClass: 'nkp-nutanix-v2.17.1',
      requestedBy: 'user:default/alice',
      approvalsNeeded: ['group:default/platform-team'],
      source: 'demo',
    });
    // Still free: the check wrote nothing
    await backend.alice.post('/golden-path/check', acmeRequest).expect(200);
  });

  it.each`
    user       | body                                                                                                                                                                                                     | status
    ${'alice'} | ${{ ...acmeRequest, delivery: 'direct' }}                                                                                                                                                                | ${200}
    ${'pat'}   | ${{ ...acmeRequest, owner: 'group:default/team-globex', workspace: 'domain:default/globex', delivery: 'direct' }}                                                                                        | ${200}
    ${'gina'}  | ${{ ...acmeRequest, owner: 'group:default/team-globex', workspace: 'domain:default/globex', operation: 'self-managed', managementCluster: undefined, version: { nkp: '2.16.1', kubernetes: '1.33.5' } }} | ${200}
  `(
    'accepts $user: $body.owner, $body.operation, $body.delivery',
    async ({ user, body, status }) => {
      const res = await backend[user as 'pat' | 'alice' | 'gina' | 'nobody']
        .post('/golden-path/check', JSON.parse(JSON.stringify(body)))
        .expect(status);
      expect(res.body.request.owner).toBe(body.owner);
    },
  );

  it.each`
    user        | body                                                                       | permission
    ${'alice'}  | ${change('owner', 'group:default/team-globex')}                            | ${/owner: not allowed to request NKP clusters for group:default\/team-globex \(nkp\.cluster\.request\)/}
    ${'gina'}   | ${acmeRequest}                                                             | ${/owner: .*nkp\.cluster\.request/}
    ${'gina'}   | ${{ ...change('owner', 'group:default/team-globex'), delivery: 'direct' }} | ${/delivery: .*nkp\.cluster\.apply/}
    ${'nobody'} | ${acmeRequest}                                                             | ${/nkp\.cluster\.request/}
  `(
    '403 for $user naming the permission',
    async ({ user, body, permission }) => {
      const res = await backend[user as 'pat' | 'alice' | 'gina' | 'nobody']
        .post('/golden-path/check', body)
        .expect(403);
      expect(res.body.error.message).toMatch(permission);
    },
  );

  it.each`
    case                              | body                                                                                            | field                               | message
    ${'name not a DNS label'}         | ${change('name', 'Acme_Dev')}                                                                   | ${'name'}                           | ${/DNS label/}
    ${'name too long'}                | ${change('name', 'a'.repeat(41))}                                                               | ${'name'}                           | ${/at most 40 characters/}
    ${'name already exists'}          | ${change('name', 'acme-prod-01')}                                                               | ${'name'}                           | ${/a cluster named acme-prod-01 already exists in workspace acme-retail/}
    ${'workspace does not exist'}     | ${change('workspace', 'domain:default/nowhere')}                                                | ${'workspace'}                      | ${/not an NKP workspace/}
    ${'workspace not NKP’s'}          | ${change('workspace', 'domain:default/acme-shadow')}                                            | ${'workspace'}                      | ${/not an NKP workspace/}
    ${'workspace of another tenant'}  | ${change('workspace', 'domain:default/globex')}                                                 | ${'workspace'}                      | ${/not a workspace of your groups/}
    ${'management cluster missing'}   | ${change('managementCluster', 'resource:default/nope')}                                         | ${'managementCluster'}              | ${/not a management cluster/}
    ${'not a management cluster'}     | ${change('managementCluster', 'resource:default/acme-prod-01')}                                 | ${'managementCluster'}              | ${/not a management cluster/}
    ${'version the policy forbids'}   | ${change('version', { nkp: '2.16.1', kubernetes: '1.33.5' })}                                   | ${'version'}                        | ${/NKP 2\.16\.1 with Kubernetes 1\.33\.5 is not allowed: Managed clusters run their management cluster's NKP minor.*; allowed: 2\.17\.1\/1\.34\.3, 2\.17\.1\/1\.33\.5/}
    ${'pair that does not exist'}     | ${change('version', { nkp: '2.16.1', kubernetes: '1.34.3' })}                                   | ${'version'}                        | ${/NKP 2\.16 does not ship Kubernetes 1\.34/}
    ${'version not installable'}      | ${change('version', { nkp: '2.14.0', kubernetes: '1.31.4' })}                                   | ${'version'}                        | ${/not an installable release/}
    ${'workers out of range'}         | ${change('size.workers', 99)}                                                                   | ${'size.workers'}                   | ${/from 1 to 20/}
    ${'control plane of 2'}           | ${change('size.controlPlaneNodes', 2)}                                                          | ${'size.controlPlaneNodes'}         | ${/one of 1, 3, 5/}
    ${'memory out of range'}          | ${change('size.memoryGiB', 1024)}                                                               | ${'size.memoryGiB'}                 | ${/from 4 to 256/}
    ${'unknown Prism Central'}        | ${change('placement.prismCentral', 'pc-elsewhere')}                                             | ${'placement.prismCentral'}         | ${/configured Prism Central/}
    ${'unknown PE cluster'}           | ${change('placement.cluster', 'pe-x')}                                                          | ${'placement.cluster'}              | ${/Prism Element cluster/}
    ${'unknown subnet'}               | ${change('placement.subnets', ['vlan-x'])}                                                      | ${'placement.subnets[0]'}           | ${/subnet of pe-demo-1/}
    ${'unknown image'}                | ${change('placement.image', 'ubuntu')}                                                          | ${'placement.image'}                | ${/image of pe-demo-1/}
    ${'unknown storage container'}    | ${change('placement.storageContainer', 'ssd')}                                                  | ${'placement.storageContainer'}     | ${/storage container/}
    ${'bad IPv4 endpoint'}            | ${change('placement.controlPlaneEndpoint', '10.0.0.300')}                                       | ${'placement.controlPlaneEndpoint'} | ${/IPv4/}
    ${'multi-line description'}       | ${change('description', 'one\ntwo')}                                                            | ${'description'}                    | ${/single line/}
    ${'YAML-looking description'}     | ${change('description', 'owner: group:default/team-globex')}                                    | ${'description'}                    | ${/': '/}
    ${'YAML-looking project'}         | ${change('projects', ['{evil}'])}                                                               | ${'projects[0]'}                    | ${/project name/}
    ${'direct apply of self-managed'} | ${{ ...change('managementCluster', undefined), operation: 'self-managed', delivery: 'direct' }} | ${'delivery'}                       | ${/GitOps/}
  `('400 naming $field: $case', async ({ body, field, message }) => {
    const res = await backend.alice
      .post('/golden-path/check', body)
      .expect(400);
    expect(res.body.error.fieldErrors).toEqual([
      { field, message: expect.stringMatching(message) },
    ]);
    expect(res.body.error.message).toContain(`${field}: `);
  });

  it('lists every problem at once', async () => {
    const res = await backend.pat
      .post('/golden-path/check', {
        ...acmeRequest,
        name: 'acme-prod-01',
        managementCluster: 'resource:default/acme-prod-01',
        size: { ...acmeRequest.size, workers: 0 },
        placement: { ...acmeRequest.placement, prismCentral: 'nope' },
      })
      .expect(400);
    expect(
      res.body.error.fieldErrors.map((e: { field: string }) => e.field).sort(),
    ).toEqual([
      'managementCluster',
      'name',
      'placement.prismCentral',
      'size.workers',
    ]);
  });

  it.each`
    case               | body                                   | message
    ${'unknown field'} | ${{ ...acmeRequest, kubeconfig: 'x' }} | ${/must NOT have additional properties/}
    ${'missing field'} | ${change('placement', undefined)}      | ${/placement/}
    ${'wrong type'}    | ${change('size.workers', 'three')}     | ${/workers/}
    ${'bad delivery'}  | ${change('delivery', 'email')}         | ${/delivery/}
  `('400 for a body of the wrong shape: $case', async ({ body, message }) => {
    const res = await backend.alice
      .post('/golden-path/check', body)
      .expect(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses direct apply where it is not configured, and does not offer it', async () => {
    const withoutDirect = await startBackend({
      ...goldenPath,
      delivery: { ...goldenPath.delivery, direct: { enabled: false } },
    });
    const options = await withoutDirect.pat
      .get('/golden-path/options')
      .expect(200);
    expect(options.body.delivery.direct).toBe(false);
    const res = await withoutDirect.pat
      .post('/golden-path/check', { ...acmeRequest, delivery: 'direct' })
      .expect(400);
    expect(res.body.error.fieldErrors).toEqual([
      {
        field: 'delivery',
        message: expect.stringMatching(/direct apply is not configured/),
      },
    ]);
  });
});
