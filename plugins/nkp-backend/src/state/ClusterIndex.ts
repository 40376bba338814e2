/**
 * Lookups over one evaluation for the cluster list. A snapshot never changes, so the fleet is
 * sorted once per sort order (on first use), each cluster's owner, workspace and state are turned
 * into small numbers once, and what a conditional permission decision lets through is worked out
 * once per distinct decision; each cluster is serialised once. A request then runs one tight loop
 * over a pre-sorted order and joins its page, instead of applying permission rules to, filtering,
 * sorting and serialising 10,000 clusters (README.md, Benchmark, has the numbers). An owner filter
 * walks only the owners' own clusters: each order remembers, per owner, where their clusters are.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  ClusterEvaluation,
  NkpClusterOrderBy,
  POLICY_STATES,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ReadScope } from '../permissions/FleetAccess';
import { clusterView, ownerTenant } from '../views/clusterViews';
import { ClusterListQuery, sortClusters, versionMatches } from './clusterQuery';

/** Distinct conditional decisions remembered per snapshot; tenants share theirs by content. */
const MAX_REMEMBERED_DECISIONS = 1000;

const NONE = -1;

/** The fleet in one sort order: the results, and each one's number (its place in `clusters`). */
interface Order {
  results: readonly ClusterEvaluation[];
  ids: Int32Array;
  /** By owner number: the positions of that owner's clusters in this order, ascending. */
  byOwner?: Int32Array[];
}

/** What a conditional decision lets through. */
interface Visible {
  list: readonly ClusterEvaluation[];
  /** By cluster number: 1 when visible. */
  byId: Uint8Array;
}

/** Numbers for the distinct values of one column, and each cluster's number. */
class Column {
  private readonly numbers = new Map<string, number>();
  readonly byId: Int32Array;

  get size(): number {
    return this.numbers.size;
  }

  constructor(values: ReadonlyArray<string | undefined>) {
    this.byId = new Int32Array(values.length);
    values.forEach((value, id) => {
      let number = value === undefined ? NONE : this.numbers.get(value);
      if (number === undefined) {
        number = this.numbers.size;
        this.numbers.set(value!, number);
      }
      this.byId[id] = number;
    });
  }

  numberOf(value: string): number {
    return this.numbers.get(value) ?? NONE;
  }
}

export class ClusterIndex {
  private readonly owners: Column;
  private readonly workspaces: Column;
  /** Bit `1 << POLICY_STATES.indexOf(state)` of each cluster. */
  private readonly stateBits: Uint8Array;
  private readonly orders = new Map<string, Order>();
  private readonly byDecision = new Map<string, Visible>();
  private readonly views = new Map<ClusterEvaluation, Buffer>();
  /** Tells this evaluation's answers from every other one's, on any replica. */
  private readonly id = randomUUID();

  constructor(private readonly clusters: readonly ClusterEvaluation[]) {
    this.owners = new Column(clusters.map(ownerTenant));
    this.workspaces = new Column(clusters.map(r => r.cluster.workspace));
    this.stateBits = Uint8Array.from(
      clusters,
      r => 1 << POLICY_STATES.indexOf(r.state),
    );
  }

  /** The clusters the caller may see, in the engine's (entity ref) order. */
  visibleClusters(scope: ReadScope): readonly ClusterEvaluation[] {
    return scope.all ? this.clusters : this.visible(scope).list;
  }

  /** One page of the clusters matching a query, in its order, and how many match in all. */
  list(
    query: ClusterListQuery,
    scope: ReadScope,
  ): { items: ClusterEvaluation[]; totalCount: number } {
    const order = this.inOrder(query.orderBy, query.order);
    const end =
      query.limit === undefined
        ? order.results.length
        : query.offset + query.limit;
    const visible = scope.all ? undefined : this.visible(scope).byId;
    const owners = query.owners?.length
      ? this.positionsOf(order, query.owners)
      : undefined;
    const workspace = query.workspace
      ? this.workspaces.numberOf(query.workspace)
      : undefined;
    const states = query.states?.reduce(
      (bits, state) => bits | (1 << POLICY_STATES.indexOf(state)),
      0,
    );
    const version = query.version;

    if (
      !visible &&
      owners === undefined &&
      workspace === undefined &&
      states === undefined &&
      !version
    ) {
      return {
        items: order.results.slice(query.offset, end),
        totalCount: order.results.length,
      };
    }
    if (owners?.length === 0 || workspace === NONE) {
      return { items: [], totalCount: 0 };
    }

    const items: ClusterEvaluation[] = [];
    let totalCount = 0;
    const count = owners ? owners.length : order.ids.length;
    for (let i = 0; i < count; i++) {
      const position = owners ? owners[i] : i;
      const id = order.ids[position];
      if (visible && visible[id] === 0) continue;
      if (workspace !== undefined && this.workspaces.byId[id] !== workspace) {
        continue;
      }
      if (states !== undefined && (this.stateBits[id] & states) === 0) {
        continue;
      }
      if (version) {
        const { kubernetesVersion, nkpVersion } = this.clusters[id].cluster;
        if (
          !versionMatches(kubernetesVersion, version) &&
          !versionMatches(nkpVersion, version)
        ) {
          continue;
        }
      }
      if (totalCount >= query.offset && totalCount < end) {
        items.push(order.results[position]);
      }
      totalCount++;
    }
    return { items, totalCount };
  }

  /**
   * A cluster as the API returns it, as UTF-8 JSON: serialised once per evaluation rather than
   * once per request.
   */
  viewJson(result: ClusterEvaluation): Buffer {
    let json = this.views.get(result);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(clusterView(result)));
      this.views.set(result, json);
    }
    return json;
  }

  /**
   * A weak ETag for an answer that depends only on this evaluation and `key` (the caller's
   * decision and the query): cheaper than hashing the answer, as Express would.
   */
  etag(key: string): string {
    return `W/"${this.id}-${createHash('sha1')
      .update(key)
      .digest('base64url')}"`;
  }

  /**
   * The positions in `order` of the clusters of any of `owners`, ascending: the one owner's list
   * as it is, several owners' lists merged. Unknown owners own nothing.
   */
  private positionsOf(order: Order, owners: readonly string[]): Int32Array {
    if (!order.byOwner) {
      const counts = new Int32Array(this.owners.size);
      for (const id of order.ids) {
        const owner = this.owners.byId[id];
        if (owner !== NONE) counts[owner]++;
      }
      const lists = Array.from(counts, n => new Int32Array(n));
      counts.fill(0);
      order.ids.forEach((id, position) => {
        const owner = this.owners.byId[id];
        if (owner !== NONE) lists[owner][counts[owner]++] = position;
      });
      order.byOwner = lists;
    }
    const numbers = new Set<number>();
    for (const owner of owners) {
      const number = this.owners.numberOf(normalizeOwnerRef(owner));
      if (number !== NONE) numbers.add(number);
    }
    const lists = [...numbers].map(number => order.byOwner![number]);
    if (lists.length === 1) return lists[0];
    const merged = new Int32Array(
      lists.reduce((total, list) => total + list.length, 0),
    );
    let at = 0;
    for (const list of lists) {
      merged.set(list, at);
      at += list.length;
    }
    // A cluster has one owner, so the lists are disjoint; a typed array sorts numerically.
    return merged.sort();
  }

  private inOrder(orderBy: NkpClusterOrderBy, order: 'asc' | 'desc'): Order {
    const key = `${orderBy}:${order}`;
    let sorted = this.orders.get(key);
    if (!sorted) {
      const idOf = new Map(this.clusters.map((r, id) => [r, id]));
      const results = sortClusters(this.clusters, orderBy, order);
      sorted = { results, ids: Int32Array.from(results, r => idOf.get(r)!) };
      this.orders.set(key, sorted);
    }
    return sorted;
  }

  /**
   * What a conditional decision lets through. Permission rules are pure functions of the cluster
   * and the decision's parameters, so equal decisions see the same clusters of a snapshot.
   */
  private visible(scope: ReadScope): Visible {
    let visible = this.byDecision.get(scope.decisionKey);
    if (!visible) {
      const byId = Uint8Array.from(this.clusters, r =>
        scope.visible(r.cluster) ? 1 : 0,
      );
      visible = { list: this.clusters.filter((_, id) => byId[id]), byId };
      // A crude bound: more distinct decisions than this per snapshot is an unusual policy.
      if (this.byDecision.size >= MAX_REMEMBERED_DECISIONS) {
        this.byDecision.clear();
      }
      this.byDecision.set(scope.decisionKey, visible);
    }
    return visible;
  }
}
