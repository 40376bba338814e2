import { Entity } from '@backstage/catalog-model';
import {
  fleetToEntities,
  normaliseFleet,
  NkpFleet,
  NkpWarning,
  NormaliseMemo,
  RawObject,
} from '../normalise';
import { NkpSourcePart } from './createSourceParts';
import { NkpProviderConfig } from './NkpProviderConfig';

/**
 * Raw objects of one part → its entities, through the pure core. Pass the part's `memo` on every
 * call so that a change re-does only the work it touches.
 */
export function buildEntities(
  config: NkpProviderConfig,
  part: NkpSourcePart,
  objects: readonly RawObject[],
  memo?: NormaliseMemo,
): { fleet: NkpFleet; entities: Entity[]; warnings: NkpWarning[] } {
  const { fleet, warnings: fleetWarnings } = normaliseFleet(objects, {
    model: config.model,
    memo,
  });
  const { entities, warnings: entityWarnings } = fleetToEntities(
    fleet,
    {
      sourceId: config.id,
      entityNamePrefix: part.entityNamePrefix,
      locationRef: `nkp:${config.id}`,
      dashboardUrl: part.dashboardUrl,
      owners: config.owners,
      kubernetes: {
        ...config.kubernetes,
        caData: config.kubernetes.caData ?? part.caData,
      },
    },
    memo,
  );
  return { fleet, entities, warnings: [...fleetWarnings, ...entityWarnings] };
}
