import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_GOLDEN_PATH_SIZES,
  readGoldenPathConfig,
} from './readGoldenPathConfig';

const demo = {
  releases: [
    { nkp: '2.17.1', kubernetes: '1.34.3' },
    { nkp: 'v2.16.1', kubernetes: 'v1.33.5', clusterClass: 'my-class' },
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
          subnets: ['vlan-tenants'],
          images: ['nkp-rocky-9.6-release-1.34.3'],
          storageContainers: ['default-container'],
        },
      ],
    },
  ],
  approvers: ['platform-team'],
  delivery: {
    gitops: { repoUrl: 'github.com?owner=nkp-demo&repo=fleet' },
    direct: { enabled: true },
  },
};

const read = (goldenPath: unknown) =>
  readGoldenPathConfig(new ConfigReader({ nkp: { goldenPath } } as any));

/** The demo config with one value replaced at a dotted path (array indexes as numbers). */
function withValue(path: string, value: unknown) {
  const copy = JSON.parse(JSON.stringify(demo));
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] ??= {};
  at[keys[keys.length - 1]] = value;
  return copy;
}

describe('readGoldenPathConfig', () => {
  it('offers nothing but the shipped sizes when nkp.goldenPath is not set', () => {
    expect(readGoldenPathConfig(new ConfigReader({}))).toEqual({
      releases: [],
      sizes: DEFAULT_GOLDEN_PATH_SIZES,
      prismCentrals: [],
      approvers: [],
      delivery: {
        gitops: {
          provider: 'github',
          repoUrl: '',
          branch: 'main',
          path: 'clusters/${workspace}/${name}',
        },
        direct: { enabled: false },
      },
    });
  });

  it('reads the demo block with defaults filled in', () => {
    expect(read(demo)).toEqual({
      releases: [
        {
          nkp: '2.17.1',
          kubernetes: '1.34.3',
          clusterClass: 'nkp-nutanix-v2.17.1',
        },
        { nkp: '2.16.1', kubernetes: '1.33.5', clusterClass: 'my-class' },
      ],
      sizes: DEFAULT_GOLDEN_PATH_SIZES,
      prismCentrals: [
        {
          ...demo.prismCentrals[0],
          url: 'https://pc.demo.example:9440',
          insecure: false,
        },
      ],
      approvers: ['group:default/platform-team'],
      delivery: {
        gitops: {
          provider: 'github',
          repoUrl: 'github.com?owner=nkp-demo&repo=fleet',
          branch: 'main',
          path: 'clusters/${workspace}/${name}',
        },
        direct: { enabled: true },
      },
    });
  });

  it('merges partial size ranges with the shipped ones', () => {
    const sizes = read(
      withValue('sizes', { workers: { max: 50 }, controlPlaneNodes: [1, 3] }),
    ).sizes;
    expect(sizes.workers).toEqual({ min: 1, max: 50, default: 3 });
    expect(sizes.vcpus).toEqual(DEFAULT_GOLDEN_PATH_SIZES.vcpus);
    expect(sizes.controlPlaneNodes).toEqual([1, 3]);
  });

  it('refuses a preset that the configured node counts do not allow', () => {
    expect(() =>
      read(withValue('sizes', { controlPlaneNodes: [3, 5] })),
    ).toThrow(
      'nkp.goldenPath.sizes.presets[0].controlPlaneNodes (1) must be one of 3, 5',
    );
  });

  it.each`
    path                                    | value                                                                                      | message
    ${'releases'}                           | ${[{ nkp: '2.x', kubernetes: '1.34.3' }]}                                                  | ${'nkp.goldenPath.releases[0].nkp must be an NKP version'}
    ${'releases'}                           | ${[{ nkp: '2.17.1' }]}                                                                     | ${'nkp.goldenPath.releases[0].kubernetes must be a non-empty string'}
    ${'releases'}                           | ${[{ nkp: '2.17.1', kubernetes: '1.34.3' }, { nkp: '2.17.1', kubernetes: '1.34.3' }]}      | ${'nkp.goldenPath.releases[1] repeats NKP 2.17.1'}
    ${'sizes'}                              | ${{ workers: { min: 0 } }}                                                                 | ${'nkp.goldenPath.sizes.workers.min must be a whole number of at least 1'}
    ${'sizes'}                              | ${{ workers: { min: 30 } }}                                                                | ${'nkp.goldenPath.sizes.workers.min (30) must not be above nkp.goldenPath.sizes.workers.max (20)'}
    ${'sizes'}                              | ${{ vcpus: { default: 64 } }}                                                              | ${'nkp.goldenPath.sizes.vcpus.default (64) must be between 2 and 32'}
    ${'sizes'}                              | ${{ memoryGiB: { max: 'lots' } }}                                                          | ${'nkp.goldenPath.sizes.memoryGiB.max must be a whole number'}
    ${'sizes'}                              | ${{ controlPlaneNodes: [2] }}                                                              | ${'nkp.goldenPath.sizes.controlPlaneNodes[0] must be odd'}
    ${'sizes'}                              | ${{ diskGiB: { max: 60 } }}                                                                | ${'nkp.goldenPath.sizes.diskGiB.default (80) must be between 40 and 60'}
    ${'sizes'}                              | ${{ workers: { max: 4 } }}                                                                 | ${'nkp.goldenPath.sizes.presets[2].workers (6) must be between 1 and 4'}
    ${'sizes'}                              | ${{ presets: [{ name: 'x', controlPlaneNodes: 3, workers: 2, vcpus: 4, memoryGiB: 16 }] }} | ${'nkp.goldenPath.sizes.presets[0].diskGiB must be a whole number'}
    ${'prismCentrals.0.url'}                | ${'http://pc:9440'}                                                                        | ${'nkp.goldenPath.prismCentrals[0].url must be an https URL'}
    ${'prismCentrals.0.url'}                | ${'https://admin:secret@pc:9440'}                                                          | ${'nkp.goldenPath.prismCentrals[0].url must be an https URL without credentials'}
    ${'prismCentrals.0.name'}               | ${'PC Demo'}                                                                               | ${'nkp.goldenPath.prismCentrals[0].name must be a name'}
    ${'prismCentrals.0.credentialsSecret'}  | ${undefined}                                                                               | ${'nkp.goldenPath.prismCentrals[0].credentialsSecret must be a non-empty string'}
    ${'prismCentrals.0.clusters'}           | ${[]}                                                                                      | ${'nkp.goldenPath.prismCentrals[0].clusters must list at least one'}
    ${'prismCentrals.0.clusters.0.subnets'} | ${['VLAN 1']}                                                                              | ${'nkp.goldenPath.prismCentrals[0].clusters[0].subnets[0] must be a Nutanix name'}
    ${'prismCentrals.0.insecure'}           | ${'yes'}                                                                                   | ${'nkp.goldenPath.prismCentrals[0].insecure must be true or false'}
    ${'approvers'}                          | ${['group:']}                                                                              | ${'nkp.goldenPath.approvers[0] must be an entity reference'}
    ${'delivery.gitops'}                    | ${undefined}                                                                               | ${'nkp.goldenPath.delivery.gitops.repoUrl must be set'}
    ${'delivery.gitops.provider'}           | ${'bitbucket'}                                                                             | ${'nkp.goldenPath.delivery.gitops.provider must be github or gitlab'}
    ${'delivery.gitops.path'}               | ${'../elsewhere'}                                                                          | ${'nkp.goldenPath.delivery.gitops.path must be a relative path'}
    ${'delivery.direct.enabled'}            | ${'true'}                                                                                  | ${'nkp.goldenPath.delivery.direct.enabled must be true or false'}
  `('refuses $path = $value naming the key', ({ path, value, message }) => {
    expect(() => read(withValue(path, value))).toThrow(message);
  });
});
