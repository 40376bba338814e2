/**
 * Scaffolder actions for the NKP golden path: `nkp:cluster:render` checks a cluster request with
 * the NKP backend and renders its manifests into the task workspace; `nkp:cluster:apply` applies
 * them to the management cluster.
 *
 * @packageDocumentation
 */

export { scaffolderModuleNkp as default } from './module';
export { createRenderClusterAction } from './actions/renderCluster';
export { createApplyClusterAction } from './actions/applyCluster';
