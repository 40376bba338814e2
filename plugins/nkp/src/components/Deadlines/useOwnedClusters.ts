import { useApi } from '@backstage/core-plugin-api';
import { NkpClusterView } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { byUrgency } from './deadlineOrder';

/** Clusters per request; a team rarely owns more, and the backend allows up to 10,000. */
export const OWNED_CLUSTERS_PAGE_SIZE = 500;

/**
 * The clusters owned by any of the given entity refs, most urgent first: one request for all
 * refs (the backend's owner filter takes several), and further pages only if there are more.
 */
export function useOwnedClusters(owners: string[] | undefined) {
  const nkpApi = useApi(nkpApiRef);
  const key = owners?.join(',');
  return useAsyncRetry(async () => {
    if (!owners) return undefined;
    // No owner filter at all would mean the whole fleet.
    if (owners.length === 0) return [];
    const byRef = new Map<string, NkpClusterView>();
    for (let offset = 0; ; ) {
      const page = await nkpApi.listClusters({
        owner: owners,
        orderBy: 'deadline',
        order: 'asc',
        offset,
        limit: OWNED_CLUSTERS_PAGE_SIZE,
      });
      // Keyed by entity ref: a re-evaluation between pages may shift a cluster across them.
      for (const cluster of page.items) byRef.set(cluster.entityRef, cluster);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.totalCount) break;
    }
    return [...byRef.values()].sort(byUrgency);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nkpApi, key]);
}
