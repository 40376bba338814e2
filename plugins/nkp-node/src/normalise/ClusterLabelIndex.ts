/*
 * Finds the clusters a Project is placed on without comparing every project with every cluster:
 * clusters are indexed once by `key=value` and by key, and a selector becomes set intersections
 * that start from its most selective term. A fleet of 10,000 clusters and 5,000 projects costs
 * the size of the matched sets, not 50 million label comparisons.
 *
 * The index is kept between reads (see NormaliseMemo), so it is kept small: labels are indexed by
 * key, then value (no `key=value` string per cluster and label), and a label only one cluster has
 * (its name, say) holds that name rather than a Set of one.
 */

import { asArray, asRecord, asString, stringMap } from './objects';
import { sortedNames } from './sortedNames';

const EMPTY: ReadonlySet<string> = new Set();

/** The clusters with a label: one name, or a Set once there are two. */
type Members = string | Set<string>;

export interface SelectionResult {
  clusters: string[];
  /** Set when the selector is invalid; an invalid selector matches nothing, as in Kubernetes. */
  error?: string;
}

export class ClusterLabelIndex {
  private readonly all = new Set<string>();
  private readonly aliases = new Map<string, string>();
  private readonly byLabel = new Map<string, Map<string, Members>>();
  private readonly byKey = new Map<string, Members>();

  /** `aliases` are other names placement may use for the cluster (its KommanderCluster name). */
  add(
    name: string,
    labels: Record<string, string>,
    aliases: string[] = [],
  ): void {
    this.all.add(name);
    this.aliases.set(name, name);
    for (const alias of aliases) {
      this.aliases.set(alias, name);
    }
    for (const key of Object.keys(labels)) {
      const value = labels[key];
      let values = this.byLabel.get(key);
      if (!values) {
        values = new Map();
        this.byLabel.set(key, values);
      }
      addTo(values, value, name);
      addTo(this.byKey, key, name);
    }
  }

  /** The cluster a placement name refers to, if it is in this index. */
  resolve(name: string): string | undefined {
    return this.aliases.get(name);
  }

  /** Evaluates a `metav1.LabelSelector` (matchLabels and matchExpressions, ANDed). */
  select(selector: unknown): SelectionResult {
    const record = asRecord(selector);
    if (!record) {
      return { clusters: [], error: 'clusterSelector is not an object' };
    }
    const required: ReadonlySet<string>[] = [];
    const excluded: ReadonlySet<string>[] = [];

    for (const [key, value] of Object.entries(stringMap(record.matchLabels))) {
      required.push(this.withLabel(key, value));
    }
    for (const expression of asArray(record.matchExpressions)) {
      const key = asString(asRecord(expression)?.key);
      const operator = asString(asRecord(expression)?.operator);
      const values = asArray(asRecord(expression)?.values).filter(
        (v): v is string => typeof v === 'string',
      );
      if (!key || !operator) {
        return {
          clusters: [],
          error: 'a matchExpression has no key or operator',
        };
      }
      switch (operator) {
        case 'In':
        case 'NotIn': {
          if (values.length === 0) {
            return {
              clusters: [],
              error: `operator ${operator} on "${key}" needs values`,
            };
          }
          const matching = this.union(key, values);
          (operator === 'In' ? required : excluded).push(matching);
          break;
        }
        case 'Exists':
          required.push(asSet(this.byKey.get(key)));
          break;
        case 'DoesNotExist':
          excluded.push(asSet(this.byKey.get(key)));
          break;
        default:
          return {
            clusters: [],
            error: `unknown operator "${operator}" on "${key}"`,
          };
      }
    }

    // An empty selector selects every cluster of the workspace, as in Kubernetes.
    if (required.length > 1) {
      required.sort((a, b) => a.size - b.size);
    }
    const candidates = required.length > 0 ? required[0] : this.all;
    const clusters: string[] = [];
    for (const name of candidates) {
      if (
        required.every(set => set === candidates || set.has(name)) &&
        !excluded.some(set => set.has(name))
      ) {
        clusters.push(name);
      }
    }
    return { clusters: sortedNames(clusters) };
  }

  private withLabel(key: string, value: string): ReadonlySet<string> {
    return asSet(this.byLabel.get(key)?.get(value));
  }

  private union(key: string, values: string[]): ReadonlySet<string> {
    const sets = values.map(value => this.withLabel(key, value));
    return sets.length === 1 ? sets[0] : new Set(sets.flatMap(set => [...set]));
  }
}

function addTo(map: Map<string, Members>, key: string, name: string) {
  const members = map.get(key);
  if (members === undefined) {
    map.set(key, name);
  } else if (typeof members === 'string') {
    if (members !== name) {
      map.set(key, new Set([members, name]));
    }
  } else {
    members.add(name);
  }
}

function asSet(members: Members | undefined): ReadonlySet<string> {
  if (members === undefined) {
    return EMPTY;
  }
  return typeof members === 'string' ? new Set([members]) : members;
}
