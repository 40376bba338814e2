/**
 * Which catalog entities are NKP's own: only the NKP entity provider may put NKP facts in the
 * catalog. It records `nkp:<source id>` as an entity's location and origin; the catalog itself
 * overwrites both annotations on everything read from a registered location, so a user's file
 * cannot claim them. The catalog module refuses look-alikes, and the policy backend reads only
 * entities that pass `nkpProviderSourceOf`.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { NKP_ANNOTATION_PREFIX, NKP_ANNOTATIONS } from './annotations';
import { NKP_RELEASE_RESOURCE_TYPE } from './releaseFacts';

/**
 * The location type of entities the NKP entity provider emits (`nkp:<source id>`).
 *
 * @public
 */
export const NKP_LOCATION_TYPE = 'nkp';

/**
 * The location reference the NKP entity provider records on the entities of one source.
 *
 * @public
 */
export function nkpLocationRef(sourceId: string): string {
  return `${NKP_LOCATION_TYPE}:${sourceId}`;
}

/**
 * The NKP source an entity came from, when the NKP entity provider emitted it: its location and
 * origin are both `nkp:<source>`, the source its `nkp-lifecycle.io/source` annotation names.
 * `undefined` for anything else, e.g. an entity registered by a user that imitates one.
 *
 * @public
 */
export function nkpProviderSourceOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[NKP_ANNOTATIONS.source];
  if (!source) {
    return undefined;
  }
  const expected = nkpLocationRef(source);
  return annotations[ANNOTATION_LOCATION] === expected &&
    annotations[ANNOTATION_ORIGIN_LOCATION] === expected
    ? source
    : undefined;
}

/**
 * What about an entity makes it read as NKP data: its annotations under `nkp-lifecycle.io/`,
 * and `spec.type: nkp-release`. Empty when there is nothing.
 *
 * @public
 */
export function nkpFactsOf(entity: Entity): string[] {
  const facts = Object.keys(entity.metadata.annotations ?? {}).filter(key =>
    key.startsWith(`${NKP_ANNOTATION_PREFIX}/`),
  );
  if (entity.spec?.type === NKP_RELEASE_RESOURCE_TYPE) {
    facts.push(`spec.type: ${NKP_RELEASE_RESOURCE_TYPE}`);
  }
  return facts;
}
