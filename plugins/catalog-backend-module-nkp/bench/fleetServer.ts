/*
 * A kube-apiserver stand-in for the benchmark: serves a generated NKP fleet of any size over
 * HTTPS on loopback the way the real server does (discovery, LIST pages bounded by `limit` with
 * `continue` tokens, WATCH streams). Pages are rendered to JSON once, before the measured read, as
 * kube-apiserver answers LISTs from its watch cache: the benchmark measures the client, and the
 * server shares the client's two cores. `POST /bench/modify?cluster=N` changes one cluster's
 * Kubernetes version, re-renders its page and pushes the MODIFIED event to the open cluster
 * watches.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FleetSize {
  clusters: number;
  workspaces: number;
  projects: number;
}

const GROUPS = {
  'workspaces.kommander.mesosphere.io/v1alpha1': ['workspaces', 'projects'],
  'kommander.mesosphere.io/v1beta1': ['kommanderclusters'],
  'cluster.x-k8s.io/v1beta1': ['clusters'],
} as const;

type Kind = 'workspaces' | 'projects' | 'kommanderclusters' | 'clusters';

function apiVersionOf(kind: Kind): string {
  return Object.entries(GROUPS).find(([, plurals]) =>
    (plurals as readonly string[]).includes(kind),
  )![0];
}

export async function startFleetServer(size: FleetSize) {
  const { key, cert } = selfSignedCertificate();
  let resourceVersion = 100_000;
  const versionOverrides = new Map<number, string>();
  const watches = new Set<ServerResponse>();

  // Plus the management cluster's own workspace and cluster objects.
  const counts: Record<Kind, number> = {
    workspaces: size.workspaces + 1,
    projects: size.projects,
    kommanderclusters: size.clusters + 1,
    clusters: size.clusters + 1,
  };
  const count = (kind: Kind) => counts[kind];
  const objectAt = (kind: Kind, index: number) => {
    switch (kind) {
      case 'workspaces':
        return workspaceObject(index, size);
      case 'projects':
        return projectObject(index, size);
      case 'kommanderclusters':
        return kommanderClusterObject(index, size);
      default:
        return capiClusterObject(index, size, versionOverrides.get(index));
    }
  };

  // Rendered LIST pages by `kind:start:limit`.
  const pages = new Map<string, string>();
  const renderPage = (kind: Kind, start: number, limit: number) => {
    const end = Math.min(count(kind), start + limit);
    const items = [];
    for (let i = start; i < end; i++) items.push(objectAt(kind, i));
    const body = JSON.stringify({
      kind: 'List',
      apiVersion: apiVersionOf(kind),
      metadata: {
        resourceVersion: String(resourceVersion),
        ...(end < count(kind)
          ? { continue: String(end), remainingItemCount: count(kind) - end }
          : {}),
      },
      items,
    });
    pages.set(`${kind}:${start}:${limit}`, body);
    return body;
  };
  const prerender = (limit: number) => {
    for (const kind of Object.keys(counts) as Kind[]) {
      for (let start = 0; start < count(kind); start += limit) {
        renderPage(kind, start, limit);
      }
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'https://127.0.0.1');
    const json = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/bench/modify') {
      const index = Number(url.searchParams.get('cluster'));
      versionOverrides.set(index, url.searchParams.get('version')!);
      const object = objectAt('clusters', index);
      object.metadata.resourceVersion = String(++resourceVersion);
      for (const pageKey of pages.keys()) {
        const [kind, start, limit] = pageKey.split(':');
        if (
          kind === 'clusters' &&
          index >= Number(start) &&
          index < Number(start) + Number(limit)
        ) {
          renderPage('clusters', Number(start), Number(limit));
        }
      }
      const line = `${JSON.stringify({ type: 'MODIFIED', object })}\n`;
      for (const watch of watches) {
        if ((watch as any).benchPath.endsWith('/clusters')) watch.write(line);
      }
      json({ watches: watches.size });
      return;
    }
    if (url.pathname === '/bench/watches') {
      json({ watches: watches.size });
      return;
    }
    if (url.pathname === '/apis') {
      json({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: Object.keys(GROUPS).map(gv => {
          const [name, version] = gv.split('/');
          const v = { groupVersion: gv, version };
          return { name, versions: [v], preferredVersion: v };
        }),
      });
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean); // apis, group, version, plural?
    const groupVersion = `${parts[1]}/${parts[2]}` as keyof typeof GROUPS;
    const plurals = GROUPS[groupVersion] as readonly Kind[] | undefined;
    if (!plurals) {
      json({ kind: 'Status', code: 404, message: 'not found' }, 404);
      return;
    }
    if (parts.length === 3) {
      json({
        kind: 'APIResourceList',
        groupVersion,
        resources: plurals.map(name => ({
          name,
          verbs: ['get', 'list', 'watch'],
        })),
      });
      return;
    }
    const kind = parts[3] as Kind;
    if (url.searchParams.get('watch') === 'true') {
      res.writeHead(200, { 'content-type': 'application/json' });
      (res as any).benchPath = url.pathname;
      watches.add(res);
      res.on('close', () => watches.delete(res));
      return;
    }
    const limit = Number(url.searchParams.get('limit') ?? 500);
    const start = Number(url.searchParams.get('continue') ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      pages.get(`${kind}:${start}:${limit}`) ?? renderPage(kind, start, limit),
    );
  };

  const server = createServer({ key, cert }, handle);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    prerender,
    url: `https://127.0.0.1:${port}`,
    caData: Buffer.from(cert).toString('base64'),
    close: () =>
      new Promise<void>(resolve => {
        for (const watch of watches) watch.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'nkp-bench-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- the generated fleet: shaped like the objects in nkp-domain.md §1, with what a real server
// adds (managedFields, conditions), so that pages weigh what real ones do.

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

function workspaceObject(index: number, size: FleetSize) {
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

function projectObject(index: number, size: FleetSize) {
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

function kommanderClusterObject(index: number, size: FleetSize) {
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

function capiClusterObject(
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

/** Every object of a generated fleet, for benchmarks of the pure core without HTTP. */
export function generateFleetObjects(size: FleetSize): unknown[] {
  const objects: unknown[] = [];
  for (let i = 0; i <= size.workspaces; i++)
    objects.push(workspaceObject(i, size));
  for (let i = 0; i < size.projects; i++) objects.push(projectObject(i, size));
  for (let i = 0; i <= size.clusters; i++) {
    objects.push(
      kommanderClusterObject(i, size),
      capiClusterObject(i, size, undefined),
    );
  }
  return objects;
}
