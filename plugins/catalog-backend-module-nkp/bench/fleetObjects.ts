/*
 * The generated NKP fleet the ingestion benchmark serves: objects shaped like real ones (a
 * Cluster API topology with Nutanix variables, Kommander objects), with what a real server adds
 * (managedFields, conditions), so that pages weigh what real ones do. Object `index` of a kind is
 * always the same object, so every run reads the same fleet.
 */

export interface FleetSize {
  clusters: number;
  workspaces: number;
  projects: number;
}

const meta = (
  name: string,
  namespace: string | undefined,
  index: number,
  extra: object = {},
) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  resourceVersion: '100000',
  generation: 3,
  creationTimestamp: '2026-01-12T09:30:00Z',
  ...extra,
});

const wsOf = (cluster: number, size: FleetSize) => cluster % size.workspaces;

export function workspaceObject(index: number, size: FleetSize) {
  if (index === size.workspaces) {
    return {
      apiVersion: 'workspaces.kommander.mesosphere.io/v1alpha1',
      kind: 'Workspace',
      metadata: meta('default-workspace', undefined, index),
      spec: { namespaceName: 'kommander-default-workspace' },
      status: { namespaceRef: { name: 'kommander-default-workspace' } },
    };
  }
  return {
    apiVersion: 'workspaces.kommander.mesosphere.io/v1alpha1',
    kind: 'Workspace',
    metadata: meta(`tenant-${index}`, undefined, index, {
      annotations: {
        'kommander.mesosphere.io/display-name': `Tenant ${index}`,
      },
      labels: { 'nkp-lifecycle.io/owner': `team-${index}` },
    }),
    spec: {
      namespaceName: `tenant-${index}-ns`,
      clusterLabels: { tenant: `tenant-${index}` },
    },
    status: {
      namespaceRef: { name: `tenant-${index}-ns` },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          lastTransitionTime: '2026-01-12T09:31:00Z',
        },
      ],
    },
  };
}

export function projectObject(index: number, size: FleetSize) {
  const ws = index % size.workspaces;
  return {
    apiVersion: 'workspaces.kommander.mesosphere.io/v1alpha1',
    kind: 'Project',
    metadata: meta(`project-${index}`, `tenant-${ws}-ns`, index, {
      annotations: {
        'kommander.mesosphere.io/display-name': `Project ${index}`,
      },
    }),
    spec: {
      namespaceName: `project-${index}`,
      workspaceRef: { name: `tenant-${ws}` },
      placement: {
        clusterSelector: { matchLabels: { env: index % 2 ? 'prod' : 'dev' } },
      },
    },
    status: { namespaceRef: { name: `project-${index}` } },
  };
}

export function kommanderClusterObject(index: number, size: FleetSize) {
  if (index === size.clusters) {
    return {
      apiVersion: 'kommander.mesosphere.io/v1beta1',
      kind: 'KommanderCluster',
      metadata: meta('host-cluster', 'kommander-default-workspace', index, {
        annotations: { 'kommander.mesosphere.io/display-name': 'host-cluster' },
      }),
      spec: { kubeconfigRef: { name: 'host-cluster-kubeconfig' } },
      status: { phase: 'Joined', kubernetesVersion: 'v1.34.3' },
    };
  }
  const name = `cluster-${index}`;
  return {
    apiVersion: 'kommander.mesosphere.io/v1beta1',
    kind: 'KommanderCluster',
    metadata: meta(name, `tenant-${wsOf(index, size)}-ns`, index, {
      labels: { env: index % 2 ? 'prod' : 'dev' },
    }),
    spec: {
      kubeconfigRef: { name: `${name}-kubeconfig` },
      clusterRef: { capiCluster: { name } },
      ingress: {
        hostname: `${name}.nkp.example`,
        issuerRef: { kind: 'ClusterIssuer', name: 'kommander-ca' },
      },
    },
    status: {
      phase: 'Joined',
      clusterId: `cid-${index}`,
      kubernetesVersion: 'v1.34.3',
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Joined',
          lastTransitionTime: '2026-01-12T09:40:00Z',
        },
      ],
    },
  };
}

export function capiClusterObject(
  index: number,
  size: FleetSize,
  version = 'v1.34.3',
) {
  const own = index === size.clusters;
  const name = own ? 'nkp-mgmt' : `cluster-${index}`;
  const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: meta(
      name,
      own ? 'default' : `tenant-${wsOf(index, size)}-ns`,
      index,
      {
        labels: {
          'cluster.x-k8s.io/provider': 'nutanix',
          'konvoy.d2iq.io/cluster-name': name,
          'konvoy.d2iq.io/provider': 'nutanix',
          'topology.cluster.x-k8s.io/owned': '',
          env: index % 2 ? 'prod' : 'dev',
        },
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"cluster.x-k8s.io/v1beta1","kind":"Cluster","metadata":{"name":"${name}"},"spec":{"topology":{"class":"nkp-nutanix-v2.17.1","version":"${version}"}}}`,
        },
        finalizers: ['cluster.cluster.x-k8s.io'],
        managedFields: ['capi-controller', 'nkp', 'kommander-operator'].map(
          manager => ({
            apiVersion: 'cluster.x-k8s.io/v1beta1',
            fieldsType: 'FieldsV1',
            fieldsV1: {
              'f:metadata': { 'f:labels': { '.': {}, 'f:env': {} } },
              'f:spec': {
                'f:topology': {
                  'f:version': {},
                  'f:class': {},
                  'f:variables': {},
                },
              },
            },
            manager,
            operation: 'Update',
            time: '2026-01-12T09:30:00Z',
          }),
        ),
      },
    ),
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.0.0/16'] },
        services: { cidrBlocks: ['10.96.0.0/12'] },
      },
      controlPlaneEndpoint: { host: ip, port: 6443 },
      topology: {
        class: 'nkp-nutanix-v2.17.1',
        version,
        controlPlane: { replicas: 3 },
        variables: [
          {
            name: 'clusterConfig',
            value: {
              addons: {
                ccm: {
                  credentials: {
                    secretRef: { name: `${name}-pc-credentials` },
                  },
                  strategy: 'HelmAddon',
                },
                clusterAutoscaler: { strategy: 'HelmAddon' },
                cni: { provider: 'Cilium', strategy: 'HelmAddon' },
                csi: {
                  defaultStorage: {
                    provider: 'nutanix',
                    storageClassConfig: 'volume',
                  },
                  providers: {
                    nutanix: {
                      credentials: {
                        secretRef: { name: `${name}-pc-credentials-for-csi` },
                      },
                      storageClassConfigs: {
                        volume: {
                          parameters: {
                            storageContainer: 'SelfServiceContainer',
                            storageType: 'NutanixVolumes',
                            hypervisorAttached: 'ENABLED',
                            'csi.storage.k8s.io/fstype': 'ext4',
                          },
                          reclaimPolicy: 'Delete',
                          volumeBindingMode: 'WaitForFirstConsumer',
                        },
                      },
                      strategy: 'HelmAddon',
                    },
                  },
                },
                serviceLoadBalancer: {
                  provider: 'MetalLB',
                  configuration: { addressRanges: [{ start: ip, end: ip }] },
                },
              },
              controlPlane: {
                nutanix: {
                  machineDetails: {
                    bootType: 'uefi',
                    cluster: { name: 'PE-CLUSTER-01', type: 'name' },
                    image: {
                      name: 'nkp-rocky-9.5-release-1.34.3-20251212003015.qcow2',
                      type: 'name',
                    },
                    memorySize: '16Gi',
                    project: { name: 'Default', type: 'name' },
                    subnets: [{ name: 'Primary', type: 'name' }],
                    systemDiskSize: '120Gi',
                    vcpuSockets: 4,
                    vcpusPerSocket: 1,
                  },
                },
              },
              encryptionAtRest: { providers: [{ secretbox: {} }] },
              nutanix: {
                controlPlaneEndpoint: {
                  host: ip,
                  port: 6443,
                  virtualIP: { provider: 'KubeVIP' },
                },
                prismCentralEndpoint: {
                  url: 'https://10.0.0.4:9440',
                  insecure: false,
                  credentials: {
                    secretRef: { name: `${name}-pc-credentials` },
                  },
                },
              },
              users: [
                {
                  name: 'konvoy',
                  sshAuthorizedKeys: [
                    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm1iZ3YxbGZkYmVuY2htYXJrZmxlZXRrZXkgYmVuY2g konvoy',
                  ],
                  sudo: 'ALL=(ALL) NOPASSWD:ALL',
                },
              ],
            },
          },
        ],
        workers: {
          machineDeployments: [
            {
              class: 'default-worker',
              name: 'md-0',
              metadata: {
                annotations: {
                  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size':
                    '4',
                  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size':
                    '4',
                },
              },
            },
          ],
        },
      },
    },
    status: {
      phase: 'Provisioned',
      infrastructureReady: true,
      controlPlaneReady: true,
      observedGeneration: 3,
      conditions: [
        'Ready',
        'ControlPlaneInitialized',
        'ControlPlaneReady',
        'InfrastructureReady',
        'TopologyReconciled',
      ].map(type => ({
        type,
        status: 'True',
        lastTransitionTime: '2026-01-12T09:45:00Z',
      })),
    },
  };
}
