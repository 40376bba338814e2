/*
 * Reads `nkp.goldenPath`: the releases a new cluster may be created from, the sizes it may have,
 * where on Nutanix it may go, who approves and how it is delivered. Parsed once, by the NKP
 * backend (options, versions and checks) and by the scaffolder module (rendering and delivery);
 * every error is an InputError naming the key.
 */
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  NkpGoldenPathSizes,
  NkpPrismCentralOption,
  NkpSizeRange,
  normalizeEntityRef,
  parseVersion,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * The config key of the golden path.
 *
 * @public
 */
export const NKP_GOLDEN_PATH_CONFIG_KEY = 'nkp.goldenPath';

/**
 * An installable NKP release: the bundle a new cluster is created from.
 *
 * @public
 */
export interface NkpGoldenPathRelease {
  /** Full NKP version, e.g. `2.17.1`. */
  nkp: string;
  /** The Kubernetes version the release installs, e.g. `1.34.3`. */
  kubernetes: string;
  /** The ClusterClass, default `nkp-nutanix-v<nkp>`. */
  clusterClass: string;
}

/**
 * A Prism Central as configured: the form's option plus what only the backend needs.
 *
 * @public
 */
export type NkpGoldenPathPrismCentral = NkpPrismCentralOption & {
  /** Name of the Secret with the Prism Central credentials in the workspace namespace. */
  credentialsSecret: string;
  /** Skip TLS verification of Prism Central (CAPX `insecure`). */
  insecure: boolean;
};

/**
 * `nkp.goldenPath`, parsed, with the defaults filled in.
 *
 * @public
 */
export interface NkpGoldenPathConfig {
  releases: NkpGoldenPathRelease[];
  sizes: NkpGoldenPathSizes;
  prismCentrals: NkpGoldenPathPrismCentral[];
  /** Entity refs of who must approve a pull request, for its body. */
  approvers: string[];
  delivery: {
    gitops: {
      provider: 'github' | 'gitlab';
      /** Scaffolder repo URL, e.g. `github.com?owner=nkp-demo&repo=fleet`; empty when not configured. */
      repoUrl: string;
      branch: string;
      /** Where the manifests go; `${workspace}` and `${name}` are substituted. */
      path: string;
    };
    direct: { enabled: boolean };
  };
}

/**
 * The sizes used where `nkp.goldenPath.sizes` says nothing.
 *
 * @public
 */
export const DEFAULT_GOLDEN_PATH_SIZES: NkpGoldenPathSizes = {
  controlPlaneNodes: [1, 3, 5],
  workers: { min: 1, max: 20, default: 3 },
  vcpus: { min: 2, max: 32, default: 4 },
  memoryGiB: { min: 4, max: 256, default: 16 },
  diskGiB: { min: 40, max: 1000, default: 80 },
  presets: [
    {
      name: 'small',
      title: 'Small (development)',
      controlPlaneNodes: 1,
      workers: 2,
      vcpus: 4,
      memoryGiB: 16,
      diskGiB: 80,
    },
    {
      name: 'medium',
      title: 'Medium',
      controlPlaneNodes: 3,
      workers: 3,
      vcpus: 8,
      memoryGiB: 32,
      diskGiB: 120,
    },
    {
      name: 'large',
      title: 'Large (production)',
      controlPlaneNodes: 3,
      workers: 6,
      vcpus: 16,
      memoryGiB: 64,
      diskGiB: 200,
    },
  ],
};

const DEFAULT_GITOPS_PATH = 'clusters/${workspace}/${name}';
const RANGE_KEYS = ['workers', 'vcpus', 'memoryGiB', 'diskGiB'] as const;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Nutanix object names as the form offers them: no spaces or YAML syntax. */
const NUTANIX_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function fail(key: string, problem: string): never {
  throw new InputError(`${NKP_GOLDEN_PATH_CONFIG_KEY}.${key} ${problem}`);
}

function str(config: Config, key: string, path: string): string {
  const value = config.getOptional(key);
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, 'must be a non-empty string');
  }
  return value.trim();
}

function optionalStr(
  config: Config,
  key: string,
  path: string,
): string | undefined {
  return config.getOptional(key) === undefined
    ? undefined
    : str(config, key, path);
}

function bool(config: Config, key: string, path: string, fallback: boolean) {
  const value = config.getOptional(key);
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function positiveInt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail(
      path,
      `must be a whole number of at least 1, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function list<T>(
  config: Config,
  key: string,
  path: string,
  each: (item: unknown, path: string) => T,
): T[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value.map((item, i) => each(item, `${path}[${i}]`));
}

function names(config: Config, key: string, path: string): string[] {
  return (
    list(config, key, path, (item, p) => {
      if (typeof item !== 'string' || !NUTANIX_NAME.test(item)) {
        fail(
          p,
          `must be a Nutanix name (letters, digits, '.', '_' and '-'), got ${JSON.stringify(
            item,
          )}`,
        );
      }
      return item;
    }) ?? []
  );
}

function readRelease(config: Config, path: string): NkpGoldenPathRelease {
  const nkp = parseVersion(str(config, 'nkp', `${path}.nkp`));
  if (!nkp) fail(`${path}.nkp`, 'must be an NKP version such as 2.17.1');
  const kubernetes = parseVersion(
    str(config, 'kubernetes', `${path}.kubernetes`),
  );
  if (!kubernetes) {
    fail(`${path}.kubernetes`, 'must be a Kubernetes version such as 1.34.3');
  }
  const clusterClass =
    optionalStr(config, 'clusterClass', `${path}.clusterClass`) ??
    `nkp-nutanix-v${nkp.version}`;
  return { nkp: nkp.version, kubernetes: kubernetes.version, clusterClass };
}

function readRange(
  config: Config | undefined,
  key: (typeof RANGE_KEYS)[number],
): NkpSizeRange {
  const fallback = DEFAULT_GOLDEN_PATH_SIZES[key];
  const path = `sizes.${key}`;
  const read = (k: keyof NkpSizeRange) => {
    const value = config?.getOptional(k);
    return value === undefined
      ? fallback[k]
      : positiveInt(value, `${path}.${k}`);
  };
  const range = {
    min: read('min'),
    max: read('max'),
    default: read('default'),
  };
  if (range.min > range.max) {
    fail(
      `${path}.min`,
      `(${range.min}) must not be above ${NKP_GOLDEN_PATH_CONFIG_KEY}.${path}.max (${range.max})`,
    );
  }
  if (range.default < range.min || range.default > range.max) {
    fail(
      `${path}.default`,
      `(${range.default}) must be between ${range.min} and ${range.max}`,
    );
  }
  return range;
}

function readSizes(config: Config | undefined): NkpGoldenPathSizes {
  const controlPlaneNodes =
    (config &&
      list(
        config,
        'controlPlaneNodes',
        'sizes.controlPlaneNodes',
        (item, p) => {
          const n = positiveInt(item, p);
          if (n % 2 === 0)
            fail(p, `must be odd (etcd needs a quorum), got ${n}`);
          return n;
        },
      )) ??
    DEFAULT_GOLDEN_PATH_SIZES.controlPlaneNodes;
  if (controlPlaneNodes.length === 0) {
    fail('sizes.controlPlaneNodes', 'must list at least one node count');
  }
  const ranges = Object.fromEntries(
    RANGE_KEYS.map(k => [k, readRange(config?.getOptionalConfig(k), k)]),
  ) as Pick<NkpGoldenPathSizes, (typeof RANGE_KEYS)[number]>;
  const presetConfigs = config?.getOptionalConfigArray('presets');
  const presets = presetConfigs
    ? presetConfigs.map((preset, i) => {
        const path = `sizes.presets[${i}]`;
        const name = str(preset, 'name', `${path}.name`);
        const size = {
          controlPlaneNodes: positiveInt(
            preset.getOptional('controlPlaneNodes'),
            `${path}.controlPlaneNodes`,
          ),
          ...(Object.fromEntries(
            RANGE_KEYS.map(k => [
              k,
              positiveInt(preset.getOptional(k), `${path}.${k}`),
            ]),
          ) as Record<(typeof RANGE_KEYS)[number], number>),
        };
        return {
          name,
          title: optionalStr(preset, 'title', `${path}.title`) ?? name,
          ...size,
        };
      })
    : DEFAULT_GOLDEN_PATH_SIZES.presets;
  presets.forEach((preset, i) => {
    const path = `sizes.presets[${i}]`;
    if (!controlPlaneNodes.includes(preset.controlPlaneNodes)) {
      fail(
        `${path}.controlPlaneNodes`,
        `(${preset.controlPlaneNodes}) must be one of ${controlPlaneNodes.join(
          ', ',
        )}`,
      );
    }
    for (const k of RANGE_KEYS) {
      const { min, max } = ranges[k];
      if (preset[k] < min || preset[k] > max) {
        fail(
          `${path}.${k}`,
          `(${preset[k]}) must be between ${min} and ${max}`,
        );
      }
    }
  });
  return { controlPlaneNodes, ...ranges, presets };
}

function readPrismCentral(
  config: Config,
  path: string,
): NkpGoldenPathPrismCentral {
  const name = str(config, 'name', `${path}.name`);
  if (!K8S_NAME.test(name)) {
    fail(
      `${path}.name`,
      `must be a name (lower-case letters, digits and '-'), got ${JSON.stringify(
        name,
      )}`,
    );
  }
  const url = str(config, 'url', `${path}.url`);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    parsed.protocol !== 'https:' ||
    parsed.username ||
    parsed.password
  ) {
    fail(
      `${path}.url`,
      'must be an https URL without credentials, such as https://pc.example:9440',
    );
  }
  const credentialsSecret = str(
    config,
    'credentialsSecret',
    `${path}.credentialsSecret`,
  );
  if (!K8S_NAME.test(credentialsSecret)) {
    fail(
      `${path}.credentialsSecret`,
      'must be the name of a Secret (never the credentials themselves)',
    );
  }
  const clusters = (config.getOptionalConfigArray('clusters') ?? []).map(
    (cluster, i) => {
      const p = `${path}.clusters[${i}]`;
      const clusterName = str(cluster, 'name', `${p}.name`);
      if (!NUTANIX_NAME.test(clusterName)) {
        fail(
          `${p}.name`,
          `must be a Nutanix name (letters, digits, '.', '_' and '-'), got ${JSON.stringify(
            clusterName,
          )}`,
        );
      }
      return {
        name: clusterName,
        subnets: names(cluster, 'subnets', `${p}.subnets`),
        images: names(cluster, 'images', `${p}.images`),
        storageContainers: names(
          cluster,
          'storageContainers',
          `${p}.storageContainers`,
        ),
      };
    },
  );
  if (clusters.length === 0) {
    fail(`${path}.clusters`, 'must list at least one Prism Element cluster');
  }
  const title = optionalStr(config, 'title', `${path}.title`);
  return {
    name,
    ...(title ? { title } : {}),
    url: parsed.origin,
    credentialsSecret,
    insecure: bool(config, 'insecure', `${path}.insecure`, false),
    clusters,
  };
}

/**
 * Reads `nkp.goldenPath`. Without it there is nothing to offer: no releases, no Prism Central,
 * no GitOps repository (`repoUrl` empty), no direct apply, and the shipped sizes.
 *
 * @public
 */
export function readGoldenPathConfig(config: Config): NkpGoldenPathConfig {
  const root = config.getOptionalConfig(NKP_GOLDEN_PATH_CONFIG_KEY);
  const releases = (root?.getOptionalConfigArray('releases') ?? []).map(
    (release, i) => readRelease(release, `releases[${i}]`),
  );
  const seen = new Set<string>();
  releases.forEach((release, i) => {
    const key = `${release.nkp}/${release.kubernetes}`;
    if (seen.has(key)) {
      fail(
        `releases[${i}]`,
        `repeats NKP ${release.nkp} with Kubernetes ${release.kubernetes}`,
      );
    }
    seen.add(key);
  });
  const prismCentrals = (
    root?.getOptionalConfigArray('prismCentrals') ?? []
  ).map((pc, i) => readPrismCentral(pc, `prismCentrals[${i}]`));
  const approvers =
    (root &&
      list(root, 'approvers', 'approvers', (item, p) => {
        const ref =
          typeof item === 'string'
            ? normalizeEntityRef(item, 'group')
            : undefined;
        if (!ref) {
          fail(
            p,
            `must be an entity reference such as group:default/platform-team, got ${JSON.stringify(
              item,
            )}`,
          );
        }
        return ref;
      })) ??
    [];

  const gitopsConfig = root?.getOptionalConfig('delivery.gitops');
  if (root && !gitopsConfig) {
    fail(
      'delivery.gitops.repoUrl',
      'must be set: GitOps is the default delivery',
    );
  }
  const provider = gitopsConfig
    ? optionalStr(gitopsConfig, 'provider', 'delivery.gitops.provider') ??
      'github'
    : 'github';
  if (provider !== 'github' && provider !== 'gitlab') {
    fail(
      'delivery.gitops.provider',
      `must be github or gitlab, got ${JSON.stringify(provider)}`,
    );
  }
  const path = gitopsConfig
    ? optionalStr(gitopsConfig, 'path', 'delivery.gitops.path') ??
      DEFAULT_GITOPS_PATH
    : DEFAULT_GITOPS_PATH;
  if (path.startsWith('/') || path.split('/').includes('..')) {
    fail(
      'delivery.gitops.path',
      'must be a relative path inside the repository',
    );
  }
  const directConfig = root?.getOptionalConfig('delivery.direct');

  return {
    releases,
    sizes: readSizes(root?.getOptionalConfig('sizes')),
    prismCentrals,
    approvers,
    delivery: {
      gitops: {
        provider,
        repoUrl: gitopsConfig
          ? str(gitopsConfig, 'repoUrl', 'delivery.gitops.repoUrl')
          : '',
        branch: gitopsConfig
          ? optionalStr(gitopsConfig, 'branch', 'delivery.gitops.branch') ??
            'main'
          : 'main',
        path,
      },
      direct: {
        enabled: directConfig
          ? bool(directConfig, 'enabled', 'delivery.direct.enabled', false)
          : false,
      },
    },
  };
}
