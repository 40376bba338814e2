import { Entity } from '@backstage/catalog-model';
import {
  fleetToEntities,
  normaliseFleet,
  NkpFleet,
  NkpWarning,
  RawObject,
} from '../normalise';
import { NkpSourcePart } from './createSourceParts';
import { NkpProviderConfig } from './NkpProviderConfig';

/** Raw objects of one part → its entities, through the pure core. */
export function buildEntities(
  config: NkpProviderConfig,
  part: NkpSourcePart,
  objects: readonly RawObject[],
): { fleet: NkpFleet; entities: Entity[]; warnings: NkpWarning[] } {
  const { fleet, warnings: fleetWarnings } = normaliseFleet(objects, {
    model: config.model,
  });
  const { entities, warnings: entityWarnings } = fleetToEntities(fleet, {
    sourceId: config.id,
    entityNamePrefix: part.entityNamePrefix,
    locationRef: `nkp:${config.id}`,
    dashboardUrl: part.dashboardUrl,
    owners: config.owners,
    kubernetes: {
      ...config.kubernetes,
      caData: config.kubernetes.caData ?? part.caData,
    },
  });
  return { fleet, entities, warnings: [...fleetWarnings, ...entityWarnings] };
}
