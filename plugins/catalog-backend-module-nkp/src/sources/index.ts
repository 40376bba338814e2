export type { NkpSource, RawObjects } from './NkpSource';
export { OfflineExportSource } from './OfflineExportSource';
