export type { NkpSource, RawObjects } from './NkpSource';
export { OfflineExportSource } from './OfflineExportSource';
export * from './kubernetes';
