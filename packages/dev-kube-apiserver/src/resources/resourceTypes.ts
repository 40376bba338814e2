/*
 * The resources this server serves: the core Namespace and the NKP resources the portal's `api`
 * source reads (Kommander workspaces, projects and clusters, CAPI clusters, NKP clusters and
 * releases), each at the version NKP 2.17 serves.
 */

/**
 * One served resource type.
 *
 * @public
 */
export interface ResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** The URL segment, e.g. `clusters`. */
  plural: string;
  singular: string;
  namespaced: boolean;
}

/**
 * Every resource type this server serves.
 *
 * @public
 */
export const RESOURCE_TYPES: ReadonlyArray<ResourceType> = [
  {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    namespaced: false,
  },
  {
    group: 'workspaces.kommander.mesosphere.io',
    version: 'v1alpha1',
    kind: 'Workspace',
    plural: 'workspaces',
    singular: 'workspace',
    namespaced: false,
  },
  {
    group: 'workspaces.kommander.mesosphere.io',
    version: 'v1alpha1',
    kind: 'Project',
    plural: 'projects',
    singular: 'project',
    namespaced: true,
  },
  {
    group: 'kommander.mesosphere.io',
    version: 'v1beta1',
    kind: 'KommanderCluster',
    plural: 'kommanderclusters',
    singular: 'kommandercluster',
    namespaced: true,
  },
  {
    group: 'cluster.x-k8s.io',
    version: 'v1beta1',
    kind: 'Cluster',
    plural: 'clusters',
    singular: 'cluster',
    namespaced: true,
  },
  {
    group: 'clusters.nkp.nutanix.com',
    version: 'v1alpha1',
    kind: 'NKPCluster',
    plural: 'nkpclusters',
    singular: 'nkpcluster',
    namespaced: true,
  },
  {
    group: 'release.nkp.nutanix.com',
    version: 'v1alpha1',
    kind: 'Release',
    plural: 'releases',
    singular: 'release',
    namespaced: false,
  },
];

/** `cluster.x-k8s.io/v1beta1`, or `v1` for the core group. */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `clusters.cluster.x-k8s.io`, as RBAC and kubectl name a resource (`namespaces` for core). */
export function qualifiedName(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** The type an object's `apiVersion` and `kind` name, if served. */
export function typeOfObject(
  apiVersion: unknown,
  kind: unknown,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => apiVersionOf(t) === apiVersion && t.kind === kind,
  );
}

/** The type served at `/apis/<group>/<version>/<plural>` (group '' for `/api/v1`). */
export function typeAt(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => t.group === group && t.version === version && t.plural === plural,
  );
}

export const NAMESPACE_TYPE = RESOURCE_TYPES[0];
