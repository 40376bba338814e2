/*
 * The fleet the peer benchmark gives the community OCM provider: Open Cluster Management
 * `ManagedCluster`s shaped like a hub's (labels and claims the import controller sets, the
 * client config with its CA bundle, capacity, conditions, managedFields), about 7.6 KB each as
 * JSON, as in issue 13's comparison. `local-cluster` is the hub itself.
 */

const CA_BUNDLE = Buffer.from(
  `-----BEGIN CERTIFICATE-----\n${'MIIDBTCCAe2gAwIBAgIIbench'.repeat(
    104,
  )}\n-----END CERTIFICATE-----\n`,
).toString('base64');

const CONDITIONS = [
  [
    'HubAcceptedManagedCluster',
    'HubClusterAdminAccepted',
    'Accepted by hub cluster admin',
  ],
  ['ManagedClusterJoined', 'ManagedClusterJoined', 'Managed cluster joined'],
  [
    'ManagedClusterConditionAvailable',
    'ManagedClusterAvailable',
    'Managed cluster is available',
  ],
  [
    'ManagedClusterConditionClockSynced',
    'ManagedClusterClockSynced',
    'The clock of the managed cluster is synced with the hub.',
  ],
];

export function managedClusterObject(index: number, hub = false) {
  const name = hub ? 'local-cluster' : `ocm-cluster-${index}`;
  const clusterID = `00000000-0000-4000-9000-${String(index).padStart(
    12,
    '0',
  )}`;
  const domain = `${name}.apps.example.com`;
  return {
    apiVersion: 'cluster.open-cluster-management.io/v1',
    kind: 'ManagedCluster',
    metadata: {
      name,
      uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      resourceVersion: '100000',
      generation: 3,
      creationTimestamp: '2026-01-12T09:30:00Z',
      labels: {
        cloud: 'Nutanix',
        'cluster.open-cluster-management.io/clusterset': 'default',
        clusterID,
        'feature.open-cluster-management.io/addon-application-manager':
          'available',
        'feature.open-cluster-management.io/addon-cert-policy-controller':
          'available',
        'feature.open-cluster-management.io/addon-cluster-proxy': 'available',
        'feature.open-cluster-management.io/addon-config-policy-controller':
          'available',
        'feature.open-cluster-management.io/addon-governance-policy-framework':
          'available',
        'feature.open-cluster-management.io/addon-work-manager': 'available',
        name,
        openshiftVersion: '4.19.3',
        'openshiftVersion-major': '4',
        'openshiftVersion-major-minor': '4.19',
        vendor: 'OpenShift',
        env: index % 2 ? 'prod' : 'dev',
      },
      annotations: {
        'open-cluster-management/created-via': 'other',
      },
      finalizers: [
        'cluster.open-cluster-management.io/api-resource-cleanup',
        'open-cluster-management.io/managedclusterrole',
        'managedclusterinfo.finalizers.open-cluster-management.io',
      ],
      managedFields: [
        'registration-controller',
        'import-controller',
        'klusterlet',
      ].map(manager => ({
        apiVersion: 'cluster.open-cluster-management.io/v1',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': {
            'f:labels': { '.': {}, 'f:cloud': {}, 'f:vendor': {} },
          },
          'f:status': {
            'f:conditions': {},
            'f:clusterClaims': {},
            'f:version': {},
          },
        },
        manager,
        operation: 'Update',
        time: '2026-01-12T09:30:00Z',
      })),
    },
    spec: {
      hubAcceptsClient: true,
      leaseDurationSeconds: 60,
      managedClusterClientConfigs: [
        { caBundle: CA_BUNDLE, url: `https://api.${domain}:6443` },
      ],
    },
    status: {
      allocatable: { cpu: '45500m', memory: '183Gi', pods: '750' },
      capacity: {
        core_worker: '48',
        cpu: '48',
        memory: '191Gi',
        pods: '750',
        socket_worker: '6',
      },
      clusterClaims: [
        [
          'consoleurl.cluster.open-cluster-management.io',
          `https://console-openshift-console.apps.${domain}`,
        ],
        ['id.k8s.io', clusterID],
        ['id.openshift.io', clusterID],
        ['kubeversion.open-cluster-management.io', 'v1.32.5'],
        ['name', name],
        ['platform.open-cluster-management.io', 'Nutanix'],
        ['product.open-cluster-management.io', 'OpenShift'],
        ['region.open-cluster-management.io', 'eu-west-1'],
        ['version.openshift.io', '4.19.3'],
        ['controlplanetopology.openshift.io', 'HighlyAvailable'],
        ['infrastructure.openshift.io', `{"infraName":"${name}-x7k2p"}`],
      ].map(([claim, value]) => ({ name: claim, value })),
      conditions: CONDITIONS.map(([type, reason, message]) => ({
        lastTransitionTime: '2026-01-12T09:30:00Z',
        message,
        reason,
        status: 'True',
        type,
      })),
      version: { kubernetes: 'v1.32.5' },
    },
  };
}
