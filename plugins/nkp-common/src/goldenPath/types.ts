/*
 * The golden path's shapes: what a tenant asks for when they request a new NKP cluster, what the
 * portal offers them, and what the backend says about a request. Shared by the scaffolder field
 * extensions (browser), the NKP backend (which checks a request with the same engine and calendar
 * as the dashboard) and the scaffolder actions (which render and deliver it).
 */

/**
 * How the new cluster is operated: by a management cluster (managed) or by itself (the federated
 * model, e.g. a tenant's own NKP Starter cluster).
 *
 * @public
 */
export type NkpClusterOperation = 'managed' | 'self-managed';

/**
 * How the rendered manifests reach the fleet: a pull/merge request to the fleet repository that
 * Flux or Argo CD applies, or a server-side apply to the management cluster.
 *
 * @public
 */
export type NkpClusterDelivery = 'gitops' | 'direct';

/**
 * The size of a new cluster. Memory and disk are per node.
 *
 * @public
 */
export interface NkpClusterSize {
  /** The preset the requester started from, if any (`small`, `medium`, ...). */
  preset?: string;
  controlPlaneNodes: number;
  workers: number;
  vcpus: number;
  memoryGiB: number;
  diskGiB: number;
}

/**
 * Where on Nutanix the cluster's machines go. Every value is one of the lists app-config
 * configures for that Prism Central, except the control-plane endpoint address.
 *
 * @public
 */
export interface NkpClusterPlacement {
  /** The name of a Prism Central configured in `nkp.goldenPath.prismCentrals`. */
  prismCentral: string;
  /** Prism Element cluster. */
  cluster: string;
  subnets: string[];
  image: string;
  storageContainer: string;
  /** IPv4 address of the control-plane endpoint (kube-vip). */
  controlPlaneEndpoint: string;
}

/**
 * A request for a new NKP cluster, as the template's form produces it and as
 * `POST /golden-path/check` and the `nkp:cluster:render` action take it.
 *
 * @public
 */
export interface NkpClusterRequest {
  /** DNS label: the CAPI `Cluster`'s name in the workspace namespace. */
  name: string;
  /** Entity ref of the owning group, e.g. `group:default/team-acme`. */
  owner: string;
  /** Entity ref of the workspace's `Domain`, e.g. `domain:default/acme`. */
  workspace: string;
  /** NKP project names in that workspace. */
  projects?: string[];
  /** One line of plain text. */
  description?: string;
  operation: NkpClusterOperation;
  /** Entity ref of the management cluster's `Resource`; required when `operation` is `managed`. */
  managementCluster?: string;
  /** Full versions, e.g. `{ nkp: '2.17.1', kubernetes: '1.34.3' }`. */
  version: { nkp: string; kubernetes: string };
  size: NkpClusterSize;
  placement: NkpClusterPlacement;
  delivery: NkpClusterDelivery;
}

/**
 * A version the policy allows for a new cluster.
 *
 * @public
 */
export interface NkpVersionOption {
  nkp: string;
  kubernetes: string;
  /** The ClusterClass the cluster is created from, e.g. `nkp-nutanix-v2.17.1`. */
  clusterClass: string;
  /** First UTC day on which the new cluster would no longer be supported (ISO date). */
  supportEnds?: string;
  /** Days from today until `supportEnds`. */
  daysLeft?: number;
  /** True for the newest allowed version, the form's default. */
  recommended: boolean;
}

/**
 * A version the policy does not allow for a new cluster, and why.
 *
 * @public
 */
export interface NkpHiddenVersion {
  nkp: string;
  kubernetes: string;
  /** Human-readable, from the engine's findings, e.g. "Kubernetes 1.31 is past its end of life". */
  reason: string;
}

/**
 * The answer of `GET /golden-path/versions`.
 *
 * @public
 */
export interface NkpVersionOptions {
  offered: NkpVersionOption[];
  hidden: NkpHiddenVersion[];
}

/**
 * A numeric range of the size form.
 *
 * @public
 */
export interface NkpSizeRange {
  min: number;
  max: number;
  default: number;
}

/**
 * The sizes a new cluster may have (`nkp.goldenPath.sizes`).
 *
 * @public
 */
export interface NkpGoldenPathSizes {
  controlPlaneNodes: number[];
  workers: NkpSizeRange;
  vcpus: NkpSizeRange;
  memoryGiB: NkpSizeRange;
  diskGiB: NkpSizeRange;
  presets: Array<{ name: string; title: string } & Omit<NkpClusterSize, 'preset'>>;
}

/**
 * One Prism Central as the form may offer it: its name and lists, never its URL's credentials.
 *
 * @public
 */
export interface NkpPrismCentralOption {
  name: string;
  title?: string;
  /** The Prism Central URL, e.g. `https://pc.example:9440`. */
  url: string;
  clusters: Array<{
    name: string;
    subnets: string[];
    images: string[];
    storageContainers: string[];
  }>;
}

/**
 * The answer of `GET /golden-path/options`: what the form offers the caller.
 *
 * @public
 */
export interface NkpGoldenPathOptions {
  /** Groups the caller may request a cluster for (their own; every group for the platform team). */
  groups: string[];
  sizes: NkpGoldenPathSizes;
  prismCentrals: NkpPrismCentralOption[];
  delivery: {
    /** GitOps is always offered; where the pull request goes, for the form's help text. */
    gitops: { provider: 'github' | 'gitlab'; repoUrl: string; branch: string };
    /** Offered only when configured and the caller has `nkp.cluster.apply`. */
    direct: boolean;
  };
}

/**
 * What the policy says about an accepted request (`POST /golden-path/check`), for the pull
 * request's body and the task output.
 *
 * @public
 */
export interface NkpClusterRequestVerdict {
  /** The request as the backend checked it (trimmed, defaults filled in). */
  request: NkpClusterRequest;
  /** The namespace of the workspace on the management cluster. */
  namespace: string;
  /** The workspace's NKP name. */
  workspaceName: string;
  clusterClass: string;
  supportEnds?: string;
  daysLeft?: number;
  /** Entity ref of the user who asked. */
  requestedBy: string;
  /** Who must approve the pull request (from app-config), for its body. */
  approvalsNeeded: string[];
  /** The source (`catalog.providers.nkp.<id>`) that reads the management cluster, for apply. */
  source?: string;
}
