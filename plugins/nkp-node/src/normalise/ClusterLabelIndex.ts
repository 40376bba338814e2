/*
 * Finds the clusters a Project is placed on without comparing every project with every cluster:
 * clusters are indexed once by `key=value` and by key, and a selector becomes set intersections
 * that start from its most selective term. A fleet of 10,000 clusters and 5,000 projects costs
 * the size of the matched sets, not 50 million label comparisons.
 *
 * The index is kept between reads (see NormaliseMemo), so it is kept small: labels are indexed by
 * key, then value (no `key=value` string per cluster and label), and a label only one cluster has
 * (its name, say) holds that name rather than a Set of one. A key is indexed when a selector
 * first asks for it: clusters carry many labels (CAPI and NKP add their own) of which selectors
 * use a few, so indexing every label up front cost more than all the selections together.
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

/** The clusters by value of one label key, and all clusters that have the key. */
interface KeyIndex {
  byValue: Map<string, Members>;
  withKey: Members | undefined;
}

export class ClusterLabelIndex {
  private readonly all = new Set<string>();
  private readonly aliases = new Map<string, string>();
  /** The clusters added, in order, with their labels: what a key is indexed from. */
  private readonly members: Array<{
    name: string;
    labels: Record<string, string>;
  }> = [];
  private readonly keys = new Map<string, KeyIndex>();

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
    this.members.push({ name, labels });
    this.keys.clear();
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
          required.push(asSet(this.keyIndex(key).withKey));
          break;
        case 'DoesNotExist':
          excluded.push(asSet(this.keyIndex(key).withKey));
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
    return asSet(this.keyIndex(key).byValue.get(value));
  }

  private keyIndex(key: string): KeyIndex {
    let index = this.keys.get(key);
    if (!index) {
      const built: KeyIndex = { byValue: new Map(), withKey: undefined };
      for (const { name, labels } of this.members) {
        if (Object.prototype.hasOwnProperty.call(labels, key)) {
          addTo(built.byValue, labels[key], name);
          built.withKey = withMember(built.withKey, name);
        }
      }
      this.keys.set(key, built);
      index = built;
    }
    return index;
  }

  private union(key: string, values: string[]): ReadonlySet<string> {
    const sets = values.map(value => this.withLabel(key, value));
    return sets.length === 1 ? sets[0] : new Set(sets.flatMap(set => [...set]));
  }
}

function addTo(map: Map<string, Members>, key: string, name: string) {
  const members = map.get(key);
  const added = withMember(members, name);
  if (added !== members) {
    map.set(key, added);
  }
}

/** `members` with `name`: a name alone, a Set of two made from it, or the same Set grown. */
function withMember(members: Members | undefined, name: string): Members {
  if (members === undefined) {
    return name;
  }
  if (typeof members === 'string') {
    return members === name ? members : new Set([members, name]);
  }
  members.add(name);
  return members;
}

function asSet(members: Members | undefined): ReadonlySet<string> {
  if (members === undefined) {
    return EMPTY;
  }
  return typeof members === 'string' ? new Set([members]) : members;
}
