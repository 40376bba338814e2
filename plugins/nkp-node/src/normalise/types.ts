/*
 * The data that flows through normalisation: raw Kubernetes objects in, a source-independent
 * fleet model and warnings out. Every source (the offline export and the Kubernetes API)
 * produces `RawObject`s, so everything after the read is shared.
 */

import { NkpClusterType } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * A Kubernetes object as read from a source, not yet validated. Fields are `unknown` on purpose:
 * exports are user-provided and half-provisioned objects are normal.
 *
 * @public
 */
export type RawObject = Record<string, unknown>;

/**
 * Something wrong with one object (or a group of objects) that did not stop the batch.
 *
 * @public
 */
export interface NkpWarning {
  /** `Kind namespace/name` of the object concerned. */
  object: string;
  /** What was wrong, and what was done about it. */
  message: string;
}

/** @public */
export interface NkpEndpoint {
  host: string;
  port: number;
}

/**
 * One cluster, merged from whatever of CAPI `Cluster`, `KommanderCluster` and `NKPCluster` the
 * source has for it.
 *
 * @public
 */
export interface NkpCluster {
  /** Name of the cluster in NKP (the CAPI Cluster name when there is one). */
  name: string;
  /**
   * Name of the cluster's KommanderCluster, which is what Project placement by name refers to
   * (`host-cluster` for the source's own cluster).
   */
  kommanderClusterName?: string;
  /** Namespace the cluster's objects live in (the workspace namespace for managed clusters). */
  namespace?: string;
  type: NkpClusterType;
  displayName?: string;
  /** Canonical Kubernetes version, e.g. `1.34.3`. */
  kubernetesVersion?: string;
  /** Canonical NKP version, e.g. `2.17.1`. */
  nkpVersion?: string;
  phase?: string;
  /** Name of the workspace the cluster belongs to. */
  workspace?: string;
  /** Names of the projects placed on this cluster (projects are unique within a workspace). */
  projects: string[];
  endpoint?: NkpEndpoint;
  /** NKP name of the cluster that manages this one (itself for the source's own cluster). */
  managementCluster?: string;
  /** True for the cluster the source was read from. */
  isSourceCluster: boolean;
  labels: Record<string, string>;
  /** Owner named on the NKP object itself (`nkp-lifecycle.io/owner`). */
  owner?: string;
}

/** @public */
export interface NkpWorkspace {
  name: string;
  /** The namespace on the management cluster that holds the workspace's objects. */
  namespace: string;
  displayName?: string;
  description?: string;
  owner?: string;
}

/** @public */
export interface NkpProject {
  name: string;
  /** The workspace namespace the Project object lives in. */
  namespace: string;
  workspace?: string;
  displayName?: string;
  description?: string;
  owner?: string;
  /** Names of the clusters the project is placed on. */
  clusters: string[];
}

/** @public */
export interface NkpRelease {
  name: string;
  version?: string;
  supportedKubernetesVersions: string[];
  releaseDate?: string;
  endOfLifeDate?: string;
}

/**
 * Everything one source knows about its fleet, independent of how it was read.
 *
 * @public
 */
export interface NkpFleet {
  clusters: NkpCluster[];
  workspaces: NkpWorkspace[];
  projects: NkpProject[];
  releases: NkpRelease[];
}
