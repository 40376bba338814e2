/*
 * Finds which of the NKP resources the server serves, and in which version, through API
 * discovery. The Kommander and CAPI resources are what makes a server an NKP cluster; NKPCluster
 * and Release exist only on newer NKP releases and are read when present.
 */

import { InputError, NotFoundError } from '@backstage/errors';
import { NkpKind, NKP_RESOURCES } from '../normalise';
import { asArray, asRecord, asString } from '../normalise/objects';
import { KubernetesApiClient } from './KubernetesApiClient';
import { ServedResource, servedResource } from './resources';

const OPTIONAL_KINDS: ReadonlySet<NkpKind> = new Set(['NKPCluster', 'Release']);

export interface Discovery {
  served: ServedResource[];
  /** `plural.group` of the optional resources this server does not serve. */
  notServed: string[];
}

export async function discoverResources(
  client: KubernetesApiClient,
  signal: AbortSignal,
): Promise<Discovery> {
  const groups = new Map<string, { versions: string[]; preferred?: string }>();
  const groupList = await client.getJson('/apis', signal);
  for (const group of asArray(asRecord(groupList)?.groups)) {
    const name = asString(asRecord(group)?.name);
    if (name) {
      groups.set(name, {
        versions: asArray(asRecord(group)?.versions)
          .map(v => asString(asRecord(v)?.version))
          .filter((v): v is string => Boolean(v)),
        preferred: asString(
          asRecord(asRecord(group)?.preferredVersion)?.version,
        ),
      });
    }
  }

  // Our version when served (its shape is the one the readers know), else the server's choice.
  const candidates = NKP_RESOURCES.flatMap(resource => {
    const group = groups.get(resource.group);
    const version = group?.versions.includes(resource.version)
      ? resource.version
      : group?.preferred;
    return version ? [servedResource(resource, version)] : [];
  });

  const resourcesByGroupVersion = new Map<string, Promise<Set<string>>>();
  const resourcesOf = (groupVersion: string) => {
    let names = resourcesByGroupVersion.get(groupVersion);
    if (!names) {
      names = listResourceNames(client, groupVersion, signal);
      resourcesByGroupVersion.set(groupVersion, names);
    }
    return names;
  };
  const served: ServedResource[] = [];
  for (const candidate of candidates) {
    const names = await resourcesOf(
      `${candidate.resource.group}/${candidate.version}`,
    );
    if (names.has(candidate.resource.plural)) {
      served.push(candidate);
    }
  }

  const servedKinds = new Set(served.map(s => s.resource.kind));
  const missing = NKP_RESOURCES.filter(r => !servedKinds.has(r.kind));
  const required = missing.filter(r => !OPTIONAL_KINDS.has(r.kind));
  if (required.length) {
    throw new InputError(
      `${client.server} does not serve ${required
        .map(r => `${r.plural}.${r.group}`)
        .join(
          ', ',
        )}; is it an NKP management or self-managed cluster (Kommander and Cluster API installed)?`,
    );
  }
  return {
    served,
    notServed: missing.map(r => `${r.plural}.${r.group}`),
  };
}

/** Resource names of a group version; a group version the server does not serve has none. */
async function listResourceNames(
  client: KubernetesApiClient,
  groupVersion: string,
  signal: AbortSignal,
): Promise<Set<string>> {
  try {
    const list = await client.getJson(`/apis/${groupVersion}`, signal);
    return new Set(
      asArray(asRecord(list)?.resources)
        .map(r => asString(asRecord(r)?.name))
        .filter((n): n is string => Boolean(n)),
    );
  } catch (error) {
    if (error instanceof NotFoundError) {
      return new Set();
    }
    throw error;
  }
}
