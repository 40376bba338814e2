/**
 * Catalog module that ingests NKP fleets (clusters, workspaces, projects) as catalog entities.
 *
 * @packageDocumentation
 */

export { catalogModuleNkp as default } from './module';
export * from './normalise';
export * from './sources';
export * from './providers';
// The exact chain a provider runs from raw objects to entities, for the nkp-lifecycle CLI.
export { buildEntities } from './providers/buildEntities';
export type { NkpSourcePart } from './providers/createSourceParts';
