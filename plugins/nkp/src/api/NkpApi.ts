import { createApiRef } from '@backstage/core-plugin-api';
import { NkpClusterFacts } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * Client of the NKP Lifecycle backend (`/api/nkp`).
 *
 * @public
 */
export interface NkpApi {
  listClusters(): Promise<{ items: NkpClusterFacts[]; totalCount: number }>;
}

/** @public */
export const nkpApiRef = createApiRef<NkpApi>({ id: 'plugin.nkp.api' });
