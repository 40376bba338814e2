/**
 * The cluster list's query: which clusters match a version filter, and the sort orders of
 * `GET /clusters` (`ClusterOrderBy` in the OpenAPI document), applied per snapshot by
 * ClusterIndex.
 */
import {
  ClusterEvaluation,
  NkpClusterOrderBy,
  NkpSortOrder,
  PolicyState,
  stateRank,
  versionSortKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

export interface ClusterListQuery {
  /** Any of these owners (entity refs; `team-a` means `group:default/team-a`). */
  owners?: string[];
  workspace?: string;
  states?: PolicyState[];
  /** `1.33` matches 1.33.x; matched against the Kubernetes and the NKP version. */
  version?: string;
  orderBy: NkpClusterOrderBy;
  order: NkpSortOrder;
  offset: number;
  limit?: number;
}

function stripV(version: string) {
  return version.startsWith('v') ? version.slice(1) : version;
}

/** `1.33` matches 1.33.x (and 1.33-rc, 1.33+build); a leading `v` is ignored on both sides. */
export function versionMatches(actual: string | undefined, wanted: string) {
  if (!actual) return false;
  const a = stripV(actual);
  const w = stripV(wanted);
  return (
    a === w ||
    a.startsWith(`${w}.`) ||
    a.startsWith(`${w}-`) ||
    a.startsWith(`${w}+`)
  );
}

/**
 * Sorts a copy. Clusters without the sort value (no deadline, unreadable version) come last in
 * either direction; ties are broken by entity ref so paging is stable.
 */
export function sortClusters(
  results: readonly ClusterEvaluation[],
  orderBy: NkpClusterOrderBy,
  order: NkpSortOrder,
): ClusterEvaluation[] {
  const sign = order === 'asc' ? 1 : -1;
  const byRef = (a: ClusterEvaluation, b: ClusterEvaluation) =>
    a.entityRef < b.entityRef ? -1 : 1;
  let compare: (a: ClusterEvaluation, b: ClusterEvaluation) => number;
  switch (orderBy) {
    case 'state':
      compare = (a, b) => sign * (stateRank(a.state) - stateRank(b.state));
      break;
    case 'deadline':
      compare = (a, b) => {
        if (a.deadline === b.deadline) return 0;
        if (a.deadline === undefined) return 1;
        if (b.deadline === undefined) return -1;
        return sign * (a.deadline < b.deadline ? -1 : 1);
      };
      break;
    case 'kubernetesVersion': {
      const keys = new Map<ClusterEvaluation, number | undefined>();
      for (const r of results) {
        keys.set(r, versionSortKey(r.cluster.kubernetesVersion));
      }
      compare = (a, b) => {
        const ka = keys.get(a);
        const kb = keys.get(b);
        if (ka !== undefined && kb !== undefined) return sign * (ka - kb);
        if (ka !== undefined) return -1;
        return kb !== undefined ? 1 : 0;
      };
      break;
    }
    default:
      compare = (a, b) =>
        a.cluster.name === b.cluster.name
          ? 0
          : sign * (a.cluster.name < b.cluster.name ? -1 : 1);
  }
  return results.slice().sort((a, b) => compare(a, b) || byRef(a, b));
}
