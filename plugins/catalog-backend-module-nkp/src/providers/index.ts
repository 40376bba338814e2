export { NkpEntityProvider } from './NkpEntityProvider';
export type { NkpRefreshResult } from './NkpEntityProvider';
export { readNkpProviderConfigs } from './NkpProviderConfig';
export type { NkpProviderConfig } from './NkpProviderConfig';
export type { NkpSourcePart } from './createSourceParts';
