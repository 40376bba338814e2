import { NkpClusterRequest, NkpGoldenPathSizes } from './types';
import {
  ClusterRequestFieldLimits,
  freeTextProblem,
  validateClusterRequestFields,
} from './validateFields';

const sizes: NkpGoldenPathSizes = {
  controlPlaneNodes: [1, 3, 5],
  workers: { min: 1, max: 20, default: 3 },
  vcpus: { min: 2, max: 32, default: 4 },
  memoryGiB: { min: 4, max: 256, default: 16 },
  diskGiB: { min: 40, max: 1000, default: 80 },
  presets: [
    {
      name: 'small',
      title: 'Small',
      controlPlaneNodes: 1,
      workers: 2,
      vcpus: 4,
      memoryGiB: 16,
      diskGiB: 80,
    },
  ],
};

const limits: ClusterRequestFieldLimits = {
  sizes,
  prismCentrals: [
    {
      name: 'pc-demo',
      url: 'https://pc.demo.example:9440',
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
  releases: [
    { nkp: '2.17.1', kubernetes: '1.34.3' },
    { nkp: '2.16.1', kubernetes: '1.33.5' },
  ],
};

const good: NkpClusterRequest = {
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

/** `good` with one value replaced at a dotted path. */
function change(path: string, value: unknown): Partial<NkpClusterRequest> {
  const copy = JSON.parse(JSON.stringify(good));
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key];
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return copy;
}

describe('validateClusterRequestFields', () => {
  it('accepts a good request, managed and self-managed, gitops and direct', () => {
    expect(validateClusterRequestFields(good, limits)).toEqual([]);
    expect(
      validateClusterRequestFields(
        { ...good, operation: 'self-managed', managementCluster: undefined },
        limits,
      ),
    ).toEqual([]);
    expect(
      validateClusterRequestFields({ ...good, delivery: 'direct' }, limits),
    ).toEqual([]);
  });

  it.each`
    path                                | value                                      | field                               | message
    ${'name'}                           | ${'Acme_Dev'}                              | ${'name'}                           | ${/must be a DNS label/}
    ${'name'}                           | ${'1acme'}                                 | ${'name'}                           | ${/starting with a letter/}
    ${'name'}                           | ${'acme-'}                                 | ${'name'}                           | ${/ending with a letter or digit/}
    ${'name'}                           | ${'a'.repeat(41)}                          | ${'name'}                           | ${/at most 40 characters/}
    ${'name'}                           | ${undefined}                               | ${'name'}                           | ${/must be a DNS label/}
    ${'owner'}                          | ${'user:default/alice'}                    | ${'owner'}                          | ${/entity ref of a group/}
    ${'owner'}                          | ${''}                                      | ${'owner'}                          | ${/entity ref of a group/}
    ${'workspace'}                      | ${'acme-retail'}                           | ${'workspace'}                      | ${/entity ref of a workspace Domain/}
    ${'projects'}                       | ${['Store Front']}                         | ${'projects[0]'}                    | ${/NKP project name/}
    ${'description'}                    | ${'line one\nline two'}                    | ${'description'}                    | ${/single line/}
    ${'description'}                    | ${'owner: evil'}                           | ${'description'}                    | ${/': '/}
    ${'description'}                    | ${'- item'}                                | ${'description'}                    | ${/must not start with '-'/}
    ${'description'}                    | ${'{a: 1}'}                                | ${'description'}                    | ${/must not start with '\{'/}
    ${'description'}                    | ${'[x]'}                                   | ${'description'}                    | ${/must not start with '\['/}
    ${'description'}                    | ${'# comment'}                             | ${'description'}                    | ${/must not start with '#'/}
    ${'description'}                    | ${'| block'}                               | ${'description'}                    | ${/must not start with '\|'/}
    ${'description'}                    | ${'> folded'}                              | ${'description'}                    | ${/must not start with '>'/}
    ${'description'}                    | ${'&anchor'}                               | ${'description'}                    | ${/must not start with '&'/}
    ${'description'}                    | ${'*alias'}                                | ${'description'}                    | ${/must not start with '\*'/}
    ${'description'}                    | ${'!!python/object'}                       | ${'description'}                    | ${/must not start with '!'/}
    ${'description'}                    | ${'%YAML 1.2'}                             | ${'description'}                    | ${/must not start with '%'/}
    ${'description'}                    | ${'@here'}                                 | ${'description'}                    | ${/must not start with '@'/}
    ${'description'}                    | ${'`rm -rf`'}                              | ${'description'}                    | ${/must not start with '`'/}
    ${'description'}                    | ${'dev cluster # note'}                    | ${'description'}                    | ${/YAML comment/}
    ${'description'}                    | ${'with ${{ values }} in it'}              | ${'description'}                    | ${/\{ \} \[ \]/}
    ${'description'}                    | ${'x'.repeat(201)}                         | ${'description'}                    | ${/at most 200 characters/}
    ${'operation'}                      | ${'hosted'}                                | ${'operation'}                      | ${/managed or self-managed/}
    ${'managementCluster'}              | ${undefined}                               | ${'managementCluster'}              | ${/required for a managed cluster/}
    ${'managementCluster'}              | ${'nkp-mgmt:'}                             | ${'managementCluster'}              | ${/required for a managed cluster/}
    ${'version'}                        | ${{ nkp: '2.15.1', kubernetes: '1.32.3' }} | ${'version'}                        | ${/NKP 2\.15\.1 with Kubernetes 1\.32\.3 is not an installable release here; one of 2\.17\.1\/1\.34\.3, 2\.16\.1\/1\.33\.5/}
    ${'version'}                        | ${{ nkp: '2.17.1', kubernetes: '1.33.5' }} | ${'version'}                        | ${/not an installable release/}
    ${'version'}                        | ${undefined}                               | ${'version'}                        | ${/must name an NKP and a Kubernetes version/}
    ${'size.controlPlaneNodes'}         | ${2}                                       | ${'size.controlPlaneNodes'}         | ${/must be one of 1, 3, 5, got 2/}
    ${'size.workers'}                   | ${0}                                       | ${'size.workers'}                   | ${/from 1 to 20, got 0/}
    ${'size.workers'}                   | ${21}                                      | ${'size.workers'}                   | ${/from 1 to 20, got 21/}
    ${'size.workers'}                   | ${2.5}                                     | ${'size.workers'}                   | ${/whole number/}
    ${'size.vcpus'}                     | ${64}                                      | ${'size.vcpus'}                     | ${/from 2 to 32 vCPUs/}
    ${'size.memoryGiB'}                 | ${'16'}                                    | ${'size.memoryGiB'}                 | ${/from 4 to 256 GiB, got "16"/}
    ${'size.diskGiB'}                   | ${20}                                      | ${'size.diskGiB'}                   | ${/from 40 to 1000 GiB/}
    ${'size.preset'}                    | ${'huge'}                                  | ${'size.preset'}                    | ${/must be one of small/}
    ${'size'}                           | ${undefined}                               | ${'size'}                           | ${/is required/}
    ${'placement.prismCentral'}         | ${'pc-elsewhere'}                          | ${'placement.prismCentral'}         | ${/configured Prism Central: one of pc-demo/}
    ${'placement.cluster'}              | ${'pe-other'}                              | ${'placement.cluster'}              | ${/Prism Element cluster of pc-demo: one of pe-demo-1/}
    ${'placement.subnets'}              | ${[]}                                      | ${'placement.subnets'}              | ${/at least one subnet/}
    ${'placement.subnets'}              | ${['vlan-tenants', 'vlan-x']}              | ${'placement.subnets[1]'}           | ${/subnet of pe-demo-1/}
    ${'placement.image'}                | ${'ubuntu'}                                | ${'placement.image'}                | ${/image of pe-demo-1/}
    ${'placement.storageContainer'}     | ${'ssd'}                                   | ${'placement.storageContainer'}     | ${/storage container of pe-demo-1/}
    ${'placement.controlPlaneEndpoint'} | ${'10.0.0.256'}                            | ${'placement.controlPlaneEndpoint'} | ${/usable IPv4 address/}
    ${'placement.controlPlaneEndpoint'} | ${'cp.example.com'}                        | ${'placement.controlPlaneEndpoint'} | ${/usable IPv4 address/}
    ${'placement.controlPlaneEndpoint'} | ${'127.0.0.1'}                             | ${'placement.controlPlaneEndpoint'} | ${/usable IPv4 address/}
    ${'placement.controlPlaneEndpoint'} | ${'10.0.0.050'}                            | ${'placement.controlPlaneEndpoint'} | ${/usable IPv4 address/}
    ${'placement'}                      | ${undefined}                               | ${'placement'}                      | ${/is required/}
    ${'delivery'}                       | ${'email'}                                 | ${'delivery'}                       | ${/gitops or direct/}
  `('$path = $value → $field', ({ path, value, field, message }) => {
    const errors = validateClusterRequestFields(change(path, value), limits);
    expect(errors).toEqual([
      { field, message: expect.stringMatching(message) },
    ]);
  });

  it('refuses direct apply of a self-managed cluster', () => {
    expect(
      validateClusterRequestFields(
        { ...good, operation: 'self-managed', delivery: 'direct' },
        limits,
      ),
    ).toEqual([
      { field: 'delivery', message: expect.stringMatching(/GitOps/) },
    ]);
  });

  it('reports every problem at once, each under its field', () => {
    const errors = validateClusterRequestFields(
      {
        ...good,
        name: 'Bad Name',
        size: { ...good.size, workers: 99, vcpus: 1 },
        placement: {
          ...good.placement,
          prismCentral: 'nope',
          controlPlaneEndpoint: 'x',
        },
      },
      limits,
    );
    expect(errors.map(e => e.field)).toEqual([
      'name',
      'size.workers',
      'size.vcpus',
      'placement.prismCentral',
      'placement.controlPlaneEndpoint',
    ]);
  });

  it.each([
    'Development cluster for the storefront team',
    "ACME's cluster, 2026 edition (EU-west)",
    'ratio 3:1 is fine',
  ])('lets plain text through: %s', text => {
    expect(freeTextProblem(text)).toBeUndefined();
  });
});
