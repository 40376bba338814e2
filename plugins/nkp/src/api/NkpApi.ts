import { createApiRef } from '@backstage/core-plugin-api';
import { NkpClusterPage } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * Client of the NKP Lifecycle backend (`/api/nkp`).
 *
 * @public
 */
export interface NkpApi {
  /** Every cluster the signed-in user may read, with its policy evaluation. */
  listClusters(): Promise<NkpClusterPage>;
}

/** @public */
export const nkpApiRef = createApiRef<NkpApi>({ id: 'plugin.nkp.api' });
