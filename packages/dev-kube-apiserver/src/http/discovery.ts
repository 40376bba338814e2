/*
 * API discovery as kube-apiserver answers it (the legacy, unaggregated documents): `/api`,
 * `/api/v1`, `/apis`, `/apis/<group>`, `/apis/<group>/<version>`, and `/version`.
 */
import {
  apiVersionOf,
  RESOURCE_TYPES,
  ResourceType,
} from '../resources/resourceTypes';

/** The Kubernetes version this server claims: that of the demo management cluster. */
export const KUBERNETES_VERSION = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.3',
};

const READ_VERBS = ['get', 'list', 'watch'];
const WRITE_VERBS = ['delete', 'patch'];

function groups() {
  const byGroup = new Map<string, string[]>();
  for (const type of RESOURCE_TYPES.filter(t => t.group)) {
    const versions = byGroup.get(type.group) ?? [];
    if (!versions.includes(type.version)) versions.push(type.version);
    byGroup.set(type.group, versions);
  }
  return [...byGroup].map(([name, versions]) => ({
    name,
    versions: versions.map(version => ({
      groupVersion: `${name}/${version}`,
      version,
    })),
    preferredVersion: {
      groupVersion: `${name}/${versions[0]}`,
      version: versions[0],
    },
  }));
}

function resourceList(types: ResourceType[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(types[0]),
    resources: types.map(t => ({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: [...READ_VERBS, ...WRITE_VERBS].sort(),
    })),
  };
}

/** The discovery document at `pathname`, or undefined when it is not a discovery path. */
export function discoveryDocument(pathname: string): unknown | undefined {
  const segments = pathname.split('/').filter(Boolean);
  if (pathname === '/version') {
    return {
      ...KUBERNETES_VERSION,
      gitCommit: 'dev-kube-apiserver',
      gitTreeState: 'clean',
      buildDate: '2026-01-01T00:00:00Z',
      goVersion: 'n/a (node)',
      compiler: 'n/a',
      platform: `${process.platform}/${process.arch}`,
    };
  }
  if (pathname === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [],
    };
  }
  if (pathname === '/apis') {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups() };
  }
  if (segments[0] === 'api' && segments.length === 2) {
    const types = RESOURCE_TYPES.filter(
      t => !t.group && t.version === segments[1],
    );
    return types.length ? resourceList(types) : undefined;
  }
  if (segments[0] === 'apis' && segments.length === 2) {
    const group = groups().find(g => g.name === segments[1]);
    return group && { kind: 'APIGroup', apiVersion: 'v1', ...group };
  }
  if (segments[0] === 'apis' && segments.length === 3) {
    const types = RESOURCE_TYPES.filter(
      t => t.group === segments[1] && t.version === segments[2],
    );
    return types.length ? resourceList(types) : undefined;
  }
  return undefined;
}
