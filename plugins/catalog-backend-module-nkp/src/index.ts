/**
 * Catalog module that ingests NKP fleets (clusters, workspaces, projects) as catalog entities.
 *
 * @packageDocumentation
 */

export { catalogModuleNkp as default } from './module';
export * from './normalise';
export * from './sources';
export * from './providers';
