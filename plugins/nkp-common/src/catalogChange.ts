/**
 * What the NKP catalog module tells the policy backend after it applied a change
 * (`NKP_CATALOG_CHANGED_TOPIC`). A small delta names the clusters it touched, each with a digest
 * of the facts the policy reads, so the policy backend can read just those clusters until the
 * catalog serves them (processing and stitching take a moment) and evaluate at once, instead of
 * reading the whole fleet after fixed delays.
 *
 * The event is a hint, never data: the facts are always read from the catalog, from entities
 * the NKP provider emitted. A payload that does not parse is treated as "something changed".
 */
import { Entity } from '@backstage/catalog-model';
import { KUBERNETES_CLUSTER_RESOURCE_TYPE } from './annotations';
import { NkpClusterFacts, clusterFactsFromEntity } from './clusterFacts';

/**
 * A cluster a delta changed: `facts` is `clusterFactsDigest` of the entity as emitted, or null
 * when the delta removed the entity.
 *
 * @public
 */
export interface NkpChangedCluster {
  entityRef: string;
  facts: string | null;
}

/**
 * The payload of `NKP_CATALOG_CHANGED_TOPIC`.
 *
 * @public
 */
export interface NkpCatalogChange {
  provider: string;
  mutation: 'full' | 'delta';
  /** Entities added, updated or removed (full: entities applied). */
  entities: number;
  /**
   * Deltas only: the clusters it changed (removed entities of any kind are named with null
   * facts). Absent when the change is too large to name, or when it touched something that is
   * not a cluster but matters to the policy (an NKP release): then the whole fleet is read.
   */
  clusters?: NkpChangedCluster[];
}

/**
 * At most this many clusters are named; a larger change is read as a whole fleet.
 *
 * @public
 */
export const MAX_NAMED_CLUSTER_CHANGES = 500;

/**
 * A digest of the facts the policy reads from a cluster entity, equal for equal facts on both
 * sides of the event bus (cyrb53 over the facts' JSON; the facts are built in a fixed key order).
 *
 * @public
 */
export function clusterFactsDigest(facts: NkpClusterFacts): string {
  const text = JSON.stringify(facts);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The clusters a delta changed, or undefined when it cannot be named: more than
 * `MAX_NAMED_CLUSTER_CHANGES`, or an added entity that is a resource other than a cluster
 * (an NKP release changes the calendar). Workspaces and projects are not evaluated, and are
 * left out.
 *
 * @public
 */
export function namedClusterChanges(
  added: readonly Entity[],
  removed: readonly string[],
): NkpChangedCluster[] | undefined {
  const clusters: NkpChangedCluster[] = [];
  for (const entity of added) {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'resource') {
      continue;
    }
    if (entity.spec?.type !== KUBERNETES_CLUSTER_RESOURCE_TYPE) {
      return undefined;
    }
    const facts = clusterFactsFromEntity(entity);
    clusters.push({
      entityRef: facts.entityRef,
      facts: clusterFactsDigest(facts),
    });
  }
  for (const entityRef of removed) {
    clusters.push({ entityRef, facts: null });
  }
  return clusters.length <= MAX_NAMED_CLUSTER_CHANGES ? clusters : undefined;
}

/**
 * The payload as sent, or undefined when it is not one (then: read the whole fleet).
 *
 * @public
 */
export function parseNkpCatalogChange(
  payload: unknown,
): NkpCatalogChange | undefined {
  if (typeof payload !== 'object' || payload === null) {
    return undefined;
  }
  const p = payload as Record<string, unknown>;
  if (
    typeof p.provider !== 'string' ||
    (p.mutation !== 'full' && p.mutation !== 'delta') ||
    typeof p.entities !== 'number'
  ) {
    return undefined;
  }
  const change: NkpCatalogChange = {
    provider: p.provider,
    mutation: p.mutation,
    entities: p.entities,
  };
  if (p.mutation === 'delta' && Array.isArray(p.clusters)) {
    const clusters = p.clusters.filter(
      (c): c is NkpChangedCluster =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.entityRef === 'string' &&
        (c.facts === null || typeof c.facts === 'string'),
    );
    if (
      clusters.length === p.clusters.length &&
      clusters.length <= MAX_NAMED_CLUSTER_CHANGES
    ) {
      change.clusters = clusters;
    }
  }
  return change;
}
