/**
 * Every NKP fact the suite puts on a catalog entity lives under this one prefix, so that the
 * provider, the policy backend, the frontend and the CLI agree on the spelling.
 *
 * @public
 */
export const NKP_ANNOTATION_PREFIX = 'nkp-lifecycle.io';

/**
 * Annotation keys written by the catalog module and read everywhere else.
 *
 * @public
 */
export const NKP_ANNOTATIONS = {
  /** NKP release the cluster runs, e.g. `2.17.1`. */
  nkpVersion: `${NKP_ANNOTATION_PREFIX}/nkp-version`,
  /** Kubernetes version the cluster runs, e.g. `1.34.3`. */
  kubernetesVersion: `${NKP_ANNOTATION_PREFIX}/kubernetes-version`,
  /** `management`, `managed`, `self-managed` or `attached`. */
  clusterType: `${NKP_ANNOTATION_PREFIX}/cluster-type`,
  /** Entity name of the management cluster that manages this one. */
  managementCluster: `${NKP_ANNOTATION_PREFIX}/management-cluster`,
  /** Lifecycle phase as the source reports it (CAPI or Kommander phase). */
  phase: `${NKP_ANNOTATION_PREFIX}/phase`,
  /** NKP workspace name (not the entity name). */
  workspace: `${NKP_ANNOTATION_PREFIX}/workspace`,
  /** Comma-separated NKP project names placed on the cluster. */
  projects: `${NKP_ANNOTATION_PREFIX}/projects`,
  /**
   * On workspace `Domain`s: the namespace on the management cluster that holds the workspace's
   * objects (e.g. `acme-retail-x7k2p`), where the golden path creates the workspace's clusters.
   */
  namespace: `${NKP_ANNOTATION_PREFIX}/namespace`,
  /** Name of the configured source the entity came from. */
  source: `${NKP_ANNOTATION_PREFIX}/source`,
  /** Name of the object in NKP (entity names may be prefixed to avoid collisions). */
  objectName: `${NKP_ANNOTATION_PREFIX}/object-name`,
} as const;

/**
 * The operating models NKP clusters come in.
 *
 * @public
 */
export type NkpClusterType =
  | 'management'
  | 'managed'
  | 'self-managed'
  | 'attached';

/** @public */
export const NKP_CLUSTER_TYPES: readonly NkpClusterType[] = [
  'management',
  'managed',
  'self-managed',
  'attached',
];

/**
 * `spec.type` of the catalog `Resource` that represents a cluster; the value
 * `@backstage/plugin-kubernetes` expects.
 *
 * @public
 */
export const KUBERNETES_CLUSTER_RESOURCE_TYPE = 'kubernetes-cluster';

/**
 * Events-service topic the catalog module publishes after it applied a change to NKP entities,
 * so the policy backend re-evaluates the fleet without waiting for its schedule. The payload is
 * an `NkpCatalogChange` (catalogChange.ts).
 *
 * @public
 */
export const NKP_CATALOG_CHANGED_TOPIC = 'nkp-lifecycle.catalog-changed';
