import {
  ClusterEvaluation,
  NkpClusterOrderBy,
  NkpClusterFacts,
  NkpClusterType,
  PolicyState,
  buildReleaseCalendar,
  evaluateFleet,
  parsePolicyConfig,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ReadScope } from '../permissions/FleetAccess';
import { ClusterIndex } from './ClusterIndex';
import { clusterView } from '../views/clusterViews';
import { ClusterListQuery, sortClusters, versionMatches } from './clusterQuery';

const TYPES: NkpClusterType[] = [
  'management',
  'managed',
  'self-managed',
  'attached',
];
const NKP = ['2.13.1', '2.14.0', '2.15.2', '2.16.1', '2.17.0', undefined];
const K8S = ['1.30.4', '1.31.2', '1.32.5', '1.33.1', '1.34.0', undefined];

/** A fleet with every combination the filters and sort orders care about, ties included. */
function fleet(): ClusterEvaluation[] {
  const clusters: NkpClusterFacts[] = [];
  for (let i = 0; i < 240; i++) {
    const clusterType = TYPES[i % TYPES.length];
    clusters.push({
      entityRef: `resource:default/c-${String(i).padStart(3, '0')}`,
      // Names repeat across namespaces' worth of clusters: ties broken by entity ref
      name: `cluster-${i % 60}`,
      ...(i % 11 === 0
        ? {}
        : { owner: i % 2 ? `team-${i % 5}` : `group:default/team-${i % 5}` }),
      clusterType,
      ...(clusterType === 'managed' ? { managementCluster: 'c-000' } : {}),
      ...(NKP[i % NKP.length] ? { nkpVersion: NKP[i % NKP.length] } : {}),
      ...(K8S[(i * 7) % K8S.length]
        ? { kubernetesVersion: K8S[(i * 7) % K8S.length] }
        : {}),
      ...(i % 13 === 0 ? {} : { workspace: `ws-${i % 9}` }),
      projects: [],
    });
  }
  return evaluateFleet({
    clusters,
    calendar: buildReleaseCalendar(),
    config: parsePolicyConfig({}),
    plans: [
      {
        id: 'p1',
        title: 'Fleet to 2.17',
        targetVersion: '2.17',
        announcedAt: '2026-01-15',
        scope: { kind: 'fleet' },
      },
    ],
    exceptions: [],
    now: '2026-03-01',
  }).clusters;
}

/** The list as the route computed it before the index: filter everything, sort, slice. */
function naive(
  results: ClusterEvaluation[],
  query: ClusterListQuery,
  visible: (r: ClusterEvaluation) => boolean,
) {
  const matching = results.filter(
    r =>
      visible(r) &&
      (!query.owners ||
        (r.cluster.owner !== undefined &&
          query.owners.some(
            owner =>
              normalizeOwnerRef(owner) === normalizeOwnerRef(r.cluster.owner!),
          ))) &&
      (!query.workspace || r.cluster.workspace === query.workspace) &&
      (!query.states || query.states.includes(r.state)) &&
      (!query.version ||
        versionMatches(r.cluster.kubernetesVersion, query.version) ||
        versionMatches(r.cluster.nkpVersion, query.version)),
  );
  const sorted = sortClusters(matching, query.orderBy, query.order);
  const end =
    query.limit === undefined ? undefined : query.offset + query.limit;
  return {
    items: sorted.slice(query.offset, end).map(r => r.entityRef),
    totalCount: matching.length,
  };
}

const allowAll: ReadScope = {
  credentials: {} as ReadScope['credentials'],
  all: true,
  visible: () => true,
  decisionKey: '',
};

function conditional(owner: string) {
  const visible = jest.fn(
    (c: NkpClusterFacts) =>
      c.owner !== undefined &&
      normalizeOwnerRef(c.owner) === normalizeOwnerRef(owner),
  );
  const scope: ReadScope = {
    credentials: {} as ReadScope['credentials'],
    all: false,
    visible,
    decisionKey: JSON.stringify({ owner }),
  };
  return { scope, visible };
}

describe('ClusterIndex', () => {
  const results = fleet();
  const orders: Array<[NkpClusterOrderBy, 'asc' | 'desc']> = [
    ['name', 'asc'],
    ['name', 'desc'],
    ['deadline', 'asc'],
    ['deadline', 'desc'],
    ['state', 'asc'],
    ['state', 'desc'],
    ['kubernetesVersion', 'asc'],
    ['kubernetesVersion', 'desc'],
  ];
  const filters: Array<Partial<ClusterListQuery>> = [
    {},
    { owners: ['team-3'] },
    { owners: ['group:default/team-3'], workspace: 'ws-4' },
    { owners: ['nobody'] },
    // Several owners: any of them, however spelled, unknown ones and repeats included
    { owners: ['team-1', 'group:default/team-4'] },
    { owners: ['team-0', 'nobody', 'team-2', 'group:default/team-0'] },
    { owners: ['nobody', 'user:default/someone'] },
    { owners: ['team-1', 'team-3'], states: ['compliant'] as PolicyState[] },
    { owners: ['team-2', 'team-4'], workspace: 'ws-5', version: '1.3' },
    { workspace: 'ws-2' },
    { workspace: 'ws-none' },
    { states: ['overdue', 'unsupported'] as PolicyState[] },
    { states: ['compliant'] as PolicyState[], version: '1.33' },
    { version: '2.15' },
    { version: 'v1.3' },
  ];
  const pages = [
    { offset: 0, limit: 10 },
    { offset: 7, limit: 5 },
    { offset: 200, limit: 50 },
    { offset: 0 },
  ];

  it('answers every query as filtering and sorting the whole fleet would', () => {
    // The fixture exercises every filter and sort key, missing values included
    expect(new Set(results.map(r => r.state)).size).toBeGreaterThanOrEqual(4);
    expect(results.filter(r => r.deadline).length).toBeGreaterThan(10);
    expect(results.filter(r => !r.deadline).length).toBeGreaterThan(10);
    const index = new ClusterIndex(results);
    const { scope: tenant, visible } = conditional('team-2');
    for (const [orderBy, order] of orders) {
      for (const filter of filters) {
        for (const page of pages) {
          const query = {
            orderBy,
            order,
            ...filter,
            ...page,
          } as ClusterListQuery;
          for (const [scope, who] of [
            [allowAll, 'all'],
            [tenant, 'tenant'],
          ] as const) {
            const got = index.list(query, scope);
            const expected = naive(results, query, r =>
              scope.visible(r.cluster),
            );
            expect([
              who,
              query,
              got.items.map(r => r.entityRef),
              got.totalCount,
            ]).toEqual([who, query, expected.items, expected.totalCount]);
          }
        }
      }
    }
    // The permission rules ran once per cluster for the tenant's decision, not once per query
    // (the reference implementation above calls `visible` itself, hence the subtraction).
    const perQuery =
      results.length * orders.length * filters.length * pages.length;
    expect(visible.mock.calls.length - perQuery).toBe(results.length);
  });

  it('shares what a decision lets through between callers with the same decision', () => {
    const index = new ClusterIndex(results);
    const first = conditional('team-1');
    const second = conditional('team-1');
    const other = conditional('team-4');
    expect(index.visibleClusters(first.scope)).toBe(
      index.visibleClusters(second.scope),
    );
    expect(second.visible).not.toHaveBeenCalled();
    expect(index.visibleClusters(other.scope)).not.toEqual(
      index.visibleClusters(first.scope),
    );
    expect(index.visibleClusters(allowAll)).toBe(results);
  });

  it('serialises each cluster once, as the API shapes it', () => {
    const index = new ClusterIndex(results);
    const json = index.viewJson(results[3]);
    expect(JSON.parse(json.toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(clusterView(results[3]))),
    );
    expect(index.viewJson(results[3])).toBe(json);
  });
});
