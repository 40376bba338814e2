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
import type { ClusterParts } from './readClusters';
import { asString, field } from './objects';
import { NkpEndpoint, NkpWarning } from './types';

export interface ClusterFacts {
  kubernetesVersion?: string;
  nkpVersion?: string;
  phase?: string;
  endpoint?: NkpEndpoint;
}

interface Candidate {
  value: unknown;
  where: string;
  parse: (value: string) => { version: string } | undefined;
}

export function clusterFactsFromObjects(
  { capi, kommander, nkp }: ClusterParts,
  type: NkpClusterType,
  ref: string,
  warnings: NkpWarning[],
): ClusterFacts {
  const warn = (message: string) => warnings.push({ object: ref, message });

  // NKPCluster status is what the cluster has reached; the CAPI topology version is what CAPI
  // drives it to (and what `kubectl get cluster` shows); the KommanderCluster status is the only
  // source for attached clusters.
  const kubernetesVersion = firstVersion(
    [
      {
        value: field(nkp?.object, 'status', 'kubernetesVersion'),
        where: 'NKPCluster status.kubernetesVersion',
        parse: parseVersion,
      },
      {
        value: field(capi?.object, 'spec', 'topology', 'version'),
        where: 'Cluster spec.topology.version',
        parse: parseVersion,
      },
      {
        value: field(kommander?.object, 'status', 'kubernetesVersion'),
        where: 'KommanderCluster status.kubernetesVersion',
        parse: parseVersion,
      },
    ],
    warn,
  );
  if (!kubernetesVersion) {
    warn('no Kubernetes version known; ingested without one');
  }

  // CAPI v1beta1 names the class in `topology.class`, v1beta2 in `topology.classRef.name`.
  const clusterClass =
    field(capi?.object, 'spec', 'topology', 'class') ??
    field(capi?.object, 'spec', 'topology', 'classRef', 'name');
  const nkpVersion = firstVersion(
    [
      {
        value: field(nkp?.object, 'status', 'platformVersion'),
        where: 'NKPCluster status.platformVersion',
        parse: parseVersion,
      },
      {
        value: clusterClass,
        where: 'ClusterClass name',
        parse: nkpVersionFromClusterClass,
      },
    ],
    warn,
  );
  // Attached clusters run someone else's distribution; only NKP clusters have an NKP version.
  if (!nkpVersion && type !== 'attached') {
    warn(
      'no NKP version known (no NKPCluster status.platformVersion or nkp-*-vX.Y.Z ClusterClass); ingested without one',
    );
  }

  const phase =
    asString(field(nkp?.object, 'status', 'phase')) ??
    asString(field(capi?.object, 'status', 'phase')) ??
    asString(field(kommander?.object, 'status', 'phase'));

  return {
    kubernetesVersion,
    nkpVersion,
    phase,
    endpoint: capi ? readEndpoint(capi.object, warn) : undefined,
  };
}

function firstVersion(
  candidates: Candidate[],
  warn: (message: string) => void,
): string | undefined {
  for (const { value, where, parse } of candidates) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    const parsed = typeof value === 'string' ? parse(value) : undefined;
    if (parsed) {
      return parsed.version;
    }
    warn(`${where} "${String(value)}" does not give a valid version; ignored`);
  }
  return undefined;
}

function readEndpoint(
  capi: unknown,
  warn: (message: string) => void,
): NkpEndpoint | undefined {
  const host = asString(field(capi, 'spec', 'controlPlaneEndpoint', 'host'));
  const port = field(capi, 'spec', 'controlPlaneEndpoint', 'port');
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
