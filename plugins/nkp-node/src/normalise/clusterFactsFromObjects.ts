/*
 * The lifecycle facts of one cluster from its NKP objects, each taken from the most trustworthy
 * object that has it (nkp-common's clusterFactsFromEntity reads them back from the entity).
 * A missing or malformed fact is left out with a warning; the cluster is still ingested.
 */

import {
  NkpClusterType,
  nkpVersionFromClusterClass,
  parseVersion,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { BoundedCache } from './BoundedCache';
import { describeParts } from './describeParts';
import type { ClusterParts } from './readClusters';
import { asRecord, asString, field } from './objects';
import { NkpEndpoint, NkpWarning } from './types';

export interface ClusterFacts {
  kubernetesVersion?: string;
  nkpVersion?: string;
  phase?: string;
  endpoint?: NkpEndpoint;
}

/**
 * How a raw value becomes a version: as a Kubernetes or NKP version, or as the NKP version a
 * ClusterClass name encodes. Versions and class names repeat across a fleet (a few dozen
 * distinct strings), so each reader parses a string once: string → canonical version, or null.
 */
class VersionReader {
  private readonly parsed = new BoundedCache<string, string | null>(1_000);

  constructor(
    private readonly parse: (value: string) => { version: string } | undefined,
  ) {}

  versionOf(value: string): string | null {
    return this.parsed.get(value, v => this.parse(v)?.version ?? null);
  }
}

const AS_VERSION = new VersionReader(parseVersion);
const AS_CLUSTER_CLASS = new VersionReader(nkpVersionFromClusterClass);

export function clusterFactsFromObjects(
  parts: ClusterParts,
  type: NkpClusterType,
  warnings: NkpWarning[],
): ClusterFacts {
  const { capi, kommander, nkp } = parts;
  const warn = (message: string) =>
    warnings.push({ object: describeParts(parts), message });
  const version = (value: unknown, where: string, read: VersionReader) =>
    versionOf(value, where, read, warn);

  // Each object's spec and status are looked up once, not once per fact.
  const nkpStatus = asRecord(nkp?.object.status);
  const capiSpec = asRecord(capi?.object.spec);
  const topology = asRecord(capiSpec?.topology);
  const capiStatus = asRecord(capi?.object.status);
  const kommanderStatus = asRecord(kommander?.object.status);

  // NKPCluster status is what the cluster has reached; the CAPI topology version is what CAPI
  // drives it to (and what `kubectl get cluster` shows); the KommanderCluster status is the only
  // source for attached clusters. The first valid one wins; an invalid one is reported.
  const kubernetesVersion =
    version(
      nkpStatus?.kubernetesVersion,
      'NKPCluster status.kubernetesVersion',
      AS_VERSION,
    ) ??
    version(topology?.version, 'Cluster spec.topology.version', AS_VERSION) ??
    version(
      kommanderStatus?.kubernetesVersion,
      'KommanderCluster status.kubernetesVersion',
      AS_VERSION,
    );
  if (!kubernetesVersion) {
    warn('no Kubernetes version known; ingested without one');
  }

  // CAPI v1beta1 names the class in `topology.class`, v1beta2 in `topology.classRef.name`.
  const clusterClass = topology?.class ?? field(topology, 'classRef', 'name');
  const nkpVersion =
    version(
      nkpStatus?.platformVersion,
      'NKPCluster status.platformVersion',
      AS_VERSION,
    ) ?? version(clusterClass, 'ClusterClass name', AS_CLUSTER_CLASS);
  // Attached clusters run someone else's distribution; only NKP clusters have an NKP version.
  if (!nkpVersion && type !== 'attached') {
    warn(
      'no NKP version known (no NKPCluster status.platformVersion or nkp-*-vX.Y.Z ClusterClass); ingested without one',
    );
  }

  const phase =
    asString(nkpStatus?.phase) ??
    asString(capiStatus?.phase) ??
    asString(kommanderStatus?.phase);

  return {
    kubernetesVersion,
    nkpVersion,
    phase,
    endpoint: capi ? readEndpoint(capiSpec, warn) : undefined,
  };
}

/** The version `value` gives; undefined when it is absent, or invalid (which is reported). */
function versionOf(
  value: unknown,
  where: string,
  read: VersionReader,
  warn: (message: string) => void,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const version = typeof value === 'string' ? read.versionOf(value) : null;
  if (version === null) {
    warn(`${where} "${String(value)}" does not give a valid version; ignored`);
    return undefined;
  }
  return version;
}

function readEndpoint(
  capiSpec: Record<string, unknown> | undefined,
  warn: (message: string) => void,
): NkpEndpoint | undefined {
  const endpoint = asRecord(capiSpec?.controlPlaneEndpoint);
  const host = asString(endpoint?.host);
  const port = endpoint?.port;
  if (
    host &&
    typeof port === 'number' &&
    Number.isInteger(port) &&
    port > 0 &&
    port < 65536
  ) {
    return { host, port };
  }
  // A cluster that is still provisioning has no endpoint yet; that is worth a note, not a skip.
  warn('no valid spec.controlPlaneEndpoint; API server unknown');
  return undefined;
}
