/*
 * What changed between the entities last applied and a new set, so that a watch event becomes a
 * small delta mutation instead of a full one. Entities are compared by a fingerprint of their
 * JSON, which keeps the memory held between changes to a few dozen bytes per entity.
 */

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/** Entity reference → fingerprint of the entity as applied. */
export type EntityFingerprints = Map<string, string>;

export function fingerprintsOf(entities: Entity[]): EntityFingerprints {
  return new Map(entities.map(e => [stringifyEntityRef(e), fingerprint(e)]));
}

export function entityDelta(
  previous: EntityFingerprints,
  entities: Entity[],
): { added: Entity[]; removed: string[]; fingerprints: EntityFingerprints } {
  const fingerprints = new Map<string, string>();
  const added: Entity[] = [];
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    const print = fingerprint(entity);
    fingerprints.set(ref, print);
    if (previous.get(ref) !== print) {
      added.push(entity);
    }
  }
  const removed = [...previous.keys()].filter(ref => !fingerprints.has(ref));
  return { added, removed, fingerprints };
}

function fingerprint(entity: Entity): string {
  // The entities are built by the same code every time, so key order is stable.
  return createHash('sha1').update(JSON.stringify(entity)).digest('base64');
}
