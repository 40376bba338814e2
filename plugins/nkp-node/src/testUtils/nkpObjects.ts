/*
 * Builders for real-shaped NKP objects (trimmed to the fields the provider reads, plus a few it
 * must ignore). Tests override only what they are about.
 */

/**
 * Kubernetes labels.
 *
 * @public
 */
export type NkpLabels = Record<string, string>;

/** @public */
export function workspace(
  name: string,
  namespace: string,
  opts: {
    labels?: NkpLabels;
    clusterLabels?: NkpLabels;
    annotations?: NkpLabels;
  } = {},
) {
  return {
    apiVersion: 'workspaces.kommander.mesosphere.io/v1alpha1',
    kind: 'Workspace',
    metadata: {
      name,
      labels: opts.labels,
      annotations: {
        'kommander.mesosphere.io/display-name': `${name} (display)`,
        ...opts.annotations,
      },
    },
    spec: { namespaceName: namespace, clusterLabels: opts.clusterLabels },
    status: { namespaceRef: { name: namespace } },
  };
}

/** @public */
export function project(
  name: string,
  namespace: string,
  workspaceName: string | undefined,
  placement: unknown,
  labels?: NkpLabels,
) {
  return {
    apiVersion: 'workspaces.kommander.mesosphere.io/v1alpha1',
    kind: 'Project',
    metadata: { name, namespace, labels },
    spec: {
      namespaceName: name,
      ...(workspaceName ? { workspaceRef: { name: workspaceName } } : {}),
      placement,
    },
  };
}

/** @public */
export function capiCluster(
  name: string,
  namespace: string,
  opts: {
    version?: unknown;
    clusterClass?: unknown;
    phase?: string;
    endpoint?: unknown;
    labels?: NkpLabels;
  } = {},
) {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: {
      name,
      namespace,
      labels: { 'cluster.x-k8s.io/provider': 'nutanix', ...opts.labels },
    },
    spec: {
      controlPlaneEndpoint:
        'endpoint' in opts
          ? opts.endpoint
          : { host: `${name}.example`, port: 6443 },
      topology: {
        class:
          'clusterClass' in opts ? opts.clusterClass : 'nkp-nutanix-v2.17.1',
        version: 'version' in opts ? opts.version : 'v1.34.3',
        controlPlane: { replicas: 3 },
      },
    },
    status: { phase: opts.phase ?? 'Provisioned', controlPlaneReady: true },
  };
}

/** @public */
export function kommanderCluster(
  name: string,
  namespace: string,
  opts: {
    capiName?: string;
    kubernetesVersion?: string;
    phase?: string;
    labels?: NkpLabels;
    type?: string;
  } = {},
) {
  return {
    apiVersion: 'kommander.mesosphere.io/v1beta1',
    kind: 'KommanderCluster',
    metadata: { name, namespace, labels: opts.labels },
    spec: {
      kubeconfigRef: { name: `${name}-kubeconfig` },
      ...(opts.capiName
        ? { clusterRef: { capiCluster: { name: opts.capiName } } }
        : {}),
    },
    status: {
      phase: opts.phase ?? 'Joined',
      kubernetesVersion: opts.kubernetesVersion,
      type: opts.type,
    },
  };
}

/** @public */
export function nkpCluster(
  name: string,
  namespace: string,
  status: Record<string, unknown>,
  capiName = name,
) {
  return {
    apiVersion: 'clusters.nkp.nutanix.com/v1alpha1',
    kind: 'NKPCluster',
    metadata: { name, namespace },
    spec: {
      version: status.platformVersion,
      capiClusterRef: { name: capiName },
    },
    status,
  };
}

/** @public */
export function release(
  name: string,
  version: string,
  kubernetes: string[],
  endOfLifeDate?: string,
) {
  return {
    apiVersion: 'release.nkp.nutanix.com/v1alpha1',
    kind: 'Release',
    metadata: { name },
    spec: {
      version,
      supportedKubernetesVersions: kubernetes,
      timeline: { releaseDate: '2025-12-23', endOfLifeDate },
    },
  };
}

/**
 * A small management-cluster fleet: host cluster, two workspaces, managed and attached clusters.
 *
 * @public
 */
export function smallFleet() {
  return [
    workspace('default-workspace', 'kommander-default-workspace'),
    workspace('acme', 'acme-ns', {
      labels: { 'nkp-lifecycle.io/owner': 'team-acme' },
      clusterLabels: { tenant: 'acme' },
    }),
    workspace('globex', 'globex-ns'),
    capiCluster('mgmt', 'default'),
    kommanderCluster('host-cluster', 'kommander-default-workspace', {
      kubernetesVersion: 'v1.34.3',
    }),
    capiCluster('acme-prod', 'acme-ns', { labels: { env: 'prod' } }),
    kommanderCluster('acme-prod', 'acme-ns', {
      capiName: 'acme-prod',
      labels: { env: 'prod' },
    }),
    capiCluster('acme-dev', 'acme-ns', {
      version: 'v1.33.5',
      clusterClass: 'nkp-nutanix-v2.16.1',
      labels: { env: 'dev' },
    }),
    kommanderCluster('acme-dev', 'acme-ns', {
      capiName: 'acme-dev',
      labels: { env: 'dev' },
    }),
    kommanderCluster('globex-eks', 'globex-ns', {
      kubernetesVersion: 'v1.32.9',
      type: 'EKS',
      labels: { env: 'prod' },
    }),
    project('storefront', 'acme-ns', 'acme', {
      clusterSelector: { matchLabels: { env: 'prod' } },
    }),
    project('reports', 'globex-ns', 'globex', {
      clusters: [{ name: 'globex-eks' }],
    }),
  ];
}
