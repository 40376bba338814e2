import { useApi } from '@backstage/core-plugin-api';
import { NkpClusterView } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { byUrgency } from './deadlineOrder';

/**
 * The clusters owned by any of the given entity refs, most urgent first. The backend's owner
 * filter takes one owner, so this asks once per ref (a user has a handful) and merges.
 */
export function useOwnedClusters(owners: string[] | undefined) {
  const nkpApi = useApi(nkpApiRef);
  const key = owners?.join(',');
  return useAsyncRetry(async () => {
    if (!owners) return undefined;
    const pages = await Promise.all(
      owners.map(owner =>
        nkpApi.listClusters({ owner, orderBy: 'deadline', order: 'asc' }),
      ),
    );
    const byRef = new Map<string, NkpClusterView>();
    for (const page of pages) {
      for (const cluster of page.items) byRef.set(cluster.entityRef, cluster);
    }
    return [...byRef.values()].sort(byUrgency);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nkpApi, key]);
}
