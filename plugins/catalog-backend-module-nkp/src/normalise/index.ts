export { normaliseFleet } from './normaliseFleet';
export type { NormaliseFleetOptions } from './normaliseFleet';
export type { NkpSourceModel } from './readClusters';
export { fleetToEntities } from './fleetToEntities';
export type { FleetEntityOptions } from './fleetToEntities';
export { NKP_RESOURCES } from './kinds';
export type { NkpKind } from './kinds';
export { NKP_OWNER_KEY } from './labels';
export * from './types';
