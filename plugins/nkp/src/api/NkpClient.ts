import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { NkpClusterPage } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpApi } from './NkpApi';

/**
 * Talks to `/api/nkp` with the signed-in user's credentials (fetchApi adds them).
 *
 * @public
 */
export class NkpClient implements NkpApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  async listClusters(): Promise<NkpClusterPage> {
    return this.get('/clusters?orderBy=deadline&order=asc');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('nkp');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
