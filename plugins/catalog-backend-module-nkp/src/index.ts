/**
 * Catalog module that ingests NKP fleets (clusters, workspaces, projects) as catalog entities.
 * The normalisation, the sources and the source config it runs are in
 * `@nkp-lifecycle/backstage-plugin-nkp-node`.
 *
 * @packageDocumentation
 */

export { catalogModuleNkp as default } from './module';
export { NkpEntityProvider, readNkpProviderConfigs } from './providers';
export { NkpEntityOriginProcessor } from './processors';
export { AppliedPartsStore } from './database/AppliedPartsStore';
export type { AppliedPart } from './database/AppliedPartsStore';
export type {
  NkpProviderConfig,
  NkpRefreshResult,
  NkpSourcePart,
} from './providers';
