import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { NkpApi, NkpClusterQuery } from './NkpApi';
import {
  NkpCalendar,
  NkpClusterDetail,
  NkpClusterListResult,
  NkpExceptionApproval,
  NkpExceptionRequest,
  NkpExceptionView,
  NkpFleetSummary,
  NkpGoldenPathOptions,
  NkpNewPlan,
  NkpPlanChange,
  NkpPlanView,
  NkpTenants,
  NkpVersionOptions,
  NkpVersionQuery,
} from './types';

/**
 * Talks to `/api/nkp` with the signed-in user's credentials (fetchApi adds them).
 *
 * @public
 */
export class NkpClient implements NkpApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listClusters(
    query: NkpClusterQuery = {},
  ): Promise<NkpClusterListResult> {
    const params = new URLSearchParams();
    // The backend reads repeated `owner` and `state` parameters as a list (any of them).
    for (const owner of ([] as string[]).concat(query.owner ?? [])) {
      if (!owner) continue;
      params.append('owner', owner);
    }
    for (const key of ['workspace', 'version', 'orderBy', 'order'] as const) {
      if (query[key]) params.set(key, query[key]!);
    }
    for (const state of query.state ?? []) params.append('state', state);
    if (query.offset !== undefined) params.set('offset', String(query.offset));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    return this.request(`/clusters${search ? `?${search}` : ''}`);
  }

  async getCluster(ref: {
    namespace: string;
    name: string;
  }): Promise<NkpClusterDetail> {
    return this.request(
      `/clusters/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
        ref.name,
      )}`,
    );
  }

  async getSummary(): Promise<NkpFleetSummary> {
    return this.request('/summary');
  }

  async getTenants(): Promise<NkpTenants> {
    return this.request('/tenants');
  }

  async listPlans(): Promise<NkpPlanView[]> {
    return this.allPages<NkpPlanView>('/plans');
  }

  async createPlan(plan: NkpNewPlan): Promise<NkpPlanView> {
    return this.request('/plans', { method: 'POST', body: plan });
  }

  async changePlan(id: string, change: NkpPlanChange): Promise<NkpPlanView> {
    return this.request(`/plans/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: change,
    });
  }

  async cancelPlan(id: string, reason: string): Promise<NkpPlanView> {
    return this.request(`/plans/${encodeURIComponent(id)}/cancel`, {
      method: 'POST',
      body: { reason },
    });
  }

  async listExceptions(): Promise<NkpExceptionView[]> {
    return this.allPages<NkpExceptionView>('/exceptions');
  }

  async requestException(
    request: NkpExceptionRequest,
  ): Promise<NkpExceptionView> {
    return this.request('/exceptions', { method: 'POST', body: request });
  }

  async approveException(
    id: string,
    approval: NkpExceptionApproval = {},
  ): Promise<NkpExceptionView> {
    return this.request(`/exceptions/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
      body: approval,
    });
  }

  async rejectException(id: string, reason: string): Promise<NkpExceptionView> {
    return this.request(`/exceptions/${encodeURIComponent(id)}/reject`, {
      method: 'POST',
      body: { reason },
    });
  }

  async revokeException(id: string, reason: string): Promise<NkpExceptionView> {
    return this.request(`/exceptions/${encodeURIComponent(id)}/revoke`, {
      method: 'POST',
      body: { reason },
    });
  }

  async getCalendar(): Promise<NkpCalendar> {
    return this.request('/calendar');
  }

  async getGoldenPathOptions(): Promise<NkpGoldenPathOptions> {
    return this.request('/golden-path/options');
  }

  async getVersionOptions(query: NkpVersionQuery): Promise<NkpVersionOptions> {
    const params = new URLSearchParams({ operation: query.operation });
    if (query.managementCluster) {
      params.set('managementCluster', query.managementCluster);
    }
    return this.request(`/golden-path/versions?${params}`);
  }

  /**
   * Every item of a paged list, page by page at the backend's default page size (the OpenAPI
   * document says it, and the maximum, once).
   */
  private async allPages<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for (;;) {
      const page = await this.request<{ items: T[]; totalCount: number }>(
        items.length ? `${path}?offset=${items.length}` : path,
      );
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.totalCount) {
        return items;
      }
    }
  }

  private async request<T>(
    path: string,
    options: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('nkp');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      ...(options.body !== undefined
        ? {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(options.body),
          }
        : {}),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
