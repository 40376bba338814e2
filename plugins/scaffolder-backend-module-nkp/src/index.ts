/**
 * Scaffolder actions that render, validate and deliver NKP cluster manifests.
 *
 * @packageDocumentation
 */

export { scaffolderModuleNkp as default } from './module';
export { createRenderClusterAction } from './actions/renderCluster';
