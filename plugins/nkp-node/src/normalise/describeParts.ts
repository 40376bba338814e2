import type { CollectedObject } from './collectObjects';
import type { ClusterParts } from './readClusters';

/** How warnings name a cluster: the objects it was read from, e.g. `Cluster ns/a + KommanderCluster ns/a`. */
export function describeParts(parts: ClusterParts): string {
  return [parts.capi, parts.kommander, parts.nkp]
    .filter((p): p is CollectedObject => Boolean(p))
    .map(p => p.ref)
    .join(' + ');
}
