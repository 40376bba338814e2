/**
 * What the golden path routes answer and what the catalog holds in the field extensions' tests:
 * the demo's shapes (nkp.goldenPath in the contract), and NKP-emitted entities beside
 * look-alikes a user registered.
 */
import { Entity } from '@backstage/catalog-model';
import {
  NkpGoldenPathOptions,
  NkpVersionOptions,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

export const goldenPathOptions: NkpGoldenPathOptions = {
  groups: ['group:default/team-acme', 'group:default/team-globex'],
  sizes: {
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
        vcpus: 2,
        memoryGiB: 8,
        diskGiB: 80,
      },
      {
        name: 'medium',
        title: 'Medium',
        controlPlaneNodes: 3,
        workers: 3,
        vcpus: 4,
        memoryGiB: 16,
        diskGiB: 80,
      },
      {
        name: 'large',
        title: 'Large',
        controlPlaneNodes: 3,
        workers: 6,
        vcpus: 8,
        memoryGiB: 32,
        diskGiB: 160,
      },
    ],
  },
  prismCentrals: [
    {
      name: 'pc-demo',
      title: 'Demo Prism Central',
      url: 'https://pc.demo.example:9440',
      clusters: [
        {
          name: 'pe-demo-1',
          subnets: ['vlan-tenants', 'vlan-storage'],
          images: ['nkp-rocky-9.6-release-1.34.3'],
          storageContainers: ['default-container'],
        },
        {
          name: 'pe-demo-2',
          subnets: ['vlan-edge'],
          images: [
            'nkp-rocky-9.6-release-1.34.3',
            'nkp-ubuntu-22.04-release-1.33.5',
          ],
          storageContainers: ['fast', 'slow'],
        },
      ],
    },
  ],
  delivery: {
    gitops: {
      provider: 'github',
      repoUrl: 'github.com?owner=nkp-demo&repo=fleet',
      branch: 'main',
    },
    direct: true,
  },
};

export const managedVersions: NkpVersionOptions = {
  offered: [
    {
      nkp: '2.17.1',
      kubernetes: '1.34.3',
      clusterClass: 'nkp-nutanix-v2.17.1',
      supportEnds: '2027-10-28',
      daysLeft: 330,
      recommended: true,
    },
    {
      nkp: '2.17.1',
      kubernetes: '1.33.5',
      clusterClass: 'nkp-nutanix-v2.17.1',
      supportEnds: '2027-06-28',
      daysLeft: 208,
      recommended: false,
    },
  ],
  hidden: [
    {
      nkp: '2.14.0',
      kubernetes: '1.31.4',
      reason: 'Kubernetes 1.31 is past its end of life',
    },
  ],
};

export const selfManagedVersions: NkpVersionOptions = {
  offered: [
    {
      nkp: '2.16.1',
      kubernetes: '1.33.5',
      clusterClass: 'nkp-nutanix-v2.16.1',
      supportEnds: '2027-04-01',
      daysLeft: 120,
      recommended: true,
    },
  ],
  hidden: [],
};

const nkpOrigin = (source: string, extra: Record<string, string> = {}) => ({
  'backstage.io/managed-by-location': `nkp:${source}`,
  'backstage.io/managed-by-origin-location': `nkp:${source}`,
  'nkp-lifecycle.io/source': source,
  ...extra,
});

const userFile = (extra: Record<string, string>) => ({
  'backstage.io/managed-by-location': 'url:https://example.com/catalog.yaml',
  'backstage.io/managed-by-origin-location':
    'url:https://example.com/catalog.yaml',
  'nkp-lifecycle.io/source': 'demo',
  ...extra,
});

const ownedBy = (group: string) => [{ type: 'ownedBy', targetRef: group }];

export const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: {
      name: 'acme',
      title: 'ACME',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/workspace': 'acme',
        'nkp-lifecycle.io/object-name': 'acme',
      }),
    },
    spec: { owner: 'group:default/team-acme' },
    relations: ownedBy('group:default/team-acme'),
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: {
      name: 'acme-labs',
      title: 'ACME Labs',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/workspace': 'acme-labs',
        'nkp-lifecycle.io/object-name': 'acme-labs',
      }),
    },
    spec: { owner: 'group:default/team-acme' },
    relations: ownedBy('group:default/team-acme'),
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: {
      name: 'globex',
      title: 'Globex',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/workspace': 'globex',
      }),
    },
    spec: { owner: 'group:default/team-globex' },
    relations: ownedBy('group:default/team-globex'),
  },
  {
    // A user's own Domain that claims to be an NKP workspace
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: {
      name: 'acme-fake',
      title: 'ACME (fake)',
      annotations: userFile({ 'nkp-lifecycle.io/workspace': 'acme-fake' }),
    },
    spec: { owner: 'group:default/team-acme' },
    relations: ownedBy('group:default/team-acme'),
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'acme-shop',
      title: 'Shop',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/workspace': 'acme',
        'nkp-lifecycle.io/object-name': 'shop',
      }),
    },
    spec: { owner: 'group:default/team-acme', domain: 'domain:default/acme' },
    relations: [
      ...ownedBy('group:default/team-acme'),
      { type: 'partOf', targetRef: 'domain:default/acme' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'acme-billing',
      title: 'Billing',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/workspace': 'acme',
        'nkp-lifecycle.io/object-name': 'billing',
      }),
    },
    spec: { owner: 'group:default/team-acme', domain: 'domain:default/acme' },
    relations: [
      ...ownedBy('group:default/team-acme'),
      { type: 'partOf', targetRef: 'domain:default/acme' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'nkp-mgmt',
      title: 'demo management cluster',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/cluster-type': 'management',
        'nkp-lifecycle.io/nkp-version': '2.17.1',
        'nkp-lifecycle.io/kubernetes-version': '1.34.3',
      }),
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
    relations: ownedBy('group:default/platform-team'),
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'acme-prod',
      annotations: nkpOrigin('demo', {
        'nkp-lifecycle.io/cluster-type': 'managed',
      }),
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/team-acme' },
    relations: ownedBy('group:default/team-acme'),
  },
  {
    // A user's own cluster that claims to be a management cluster
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'rogue-mgmt',
      annotations: userFile({ 'nkp-lifecycle.io/cluster-type': 'management' }),
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/team-acme' },
    relations: ownedBy('group:default/team-acme'),
  },
];

/** A Backstage error answer, as the backend's error handler writes it. */
export const errorBody = (status: number, name: string, message: string) =>
  [
    { error: { name, message }, response: { statusCode: status } },
    { status },
  ] as const;
