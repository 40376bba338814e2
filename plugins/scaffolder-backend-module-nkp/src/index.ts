/**
 * Scaffolder actions for NKP cluster manifests: `nkp:cluster:render` renders and validates one
 * into the task workspace.
 *
 * @packageDocumentation
 */

export { scaffolderModuleNkp as default } from './module';
export { createRenderClusterAction } from './actions/renderCluster';
