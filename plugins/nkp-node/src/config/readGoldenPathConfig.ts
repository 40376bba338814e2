/*
 * MINIMAL STAND-IN for CORE's `readGoldenPathConfig` (issue 12): the scaffolder module's helper
 * wrote it so that the actions compile against the contract's signature. It reads the keys the
 * actions use (delivery, prismCentrals, approvers, releases) without CORE's full validation and
 * fills sizes with the shipped defaults. At merge the lead takes CORE's version of this file.
 */

import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  NkpGoldenPathSizes,
  NkpPrismCentralOption,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * `nkp.goldenPath`, parsed.
 *
 * @public
 */
export interface NkpGoldenPathConfig {
  releases: Array<{ nkp: string; kubernetes: string; clusterClass: string }>;
  sizes: NkpGoldenPathSizes;
  prismCentrals: Array<
    NkpPrismCentralOption & { credentialsSecret: string; insecure: boolean }
  >;
  approvers: string[];
  delivery: {
    gitops: {
      provider: 'github' | 'gitlab';
      repoUrl: string;
      branch: string;
      path: string;
    };
    direct: { enabled: boolean };
  };
}

const KEY = 'nkp.goldenPath';

const DEFAULT_SIZES: NkpGoldenPathSizes = {
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
      title: 'Large',
      controlPlaneNodes: 3,
      workers: 6,
      vcpus: 16,
      memoryGiB: 64,
      diskGiB: 200,
    },
  ],
};

/**
 * Reads `nkp.goldenPath`; a bad value is an InputError naming its key.
 *
 * @public
 */
export function readGoldenPathConfig(config: Config): NkpGoldenPathConfig {
  const root = config.getOptionalConfig(KEY);
  const provider =
    root?.getOptionalString('delivery.gitops.provider') ?? 'github';
  if (provider !== 'github' && provider !== 'gitlab') {
    throw new InputError(
      `${KEY}.delivery.gitops.provider must be github or gitlab, got "${provider}"`,
    );
  }
  return {
    releases: (root?.getOptionalConfigArray('releases') ?? []).map(r => {
      const nkp = r.getString('nkp');
      return {
        nkp,
        kubernetes: r.getString('kubernetes'),
        clusterClass:
          r.getOptionalString('clusterClass') ?? `nkp-nutanix-v${nkp}`,
      };
    }),
    sizes: DEFAULT_SIZES,
    prismCentrals: (root?.getOptionalConfigArray('prismCentrals') ?? []).map(
      pc => ({
        name: pc.getString('name'),
        title: pc.getOptionalString('title'),
        url: pc.getString('url'),
        credentialsSecret: pc.getString('credentialsSecret'),
        insecure: pc.getOptionalBoolean('insecure') ?? false,
        clusters: (pc.getOptionalConfigArray('clusters') ?? []).map(c => ({
          name: c.getString('name'),
          subnets: c.getOptionalStringArray('subnets') ?? [],
          images: c.getOptionalStringArray('images') ?? [],
          storageContainers:
            c.getOptionalStringArray('storageContainers') ?? [],
        })),
      }),
    ),
    approvers: root?.getOptionalStringArray('approvers') ?? [],
    delivery: {
      gitops: {
        provider,
        repoUrl: root?.getOptionalString('delivery.gitops.repoUrl') ?? '',
        branch: root?.getOptionalString('delivery.gitops.branch') ?? 'main',
        path:
          root?.getOptionalString('delivery.gitops.path') ??
          'clusters/${workspace}/${name}',
      },
      direct: {
        enabled: root?.getOptionalBoolean('delivery.direct.enabled') ?? false,
      },
    },
  };
}
