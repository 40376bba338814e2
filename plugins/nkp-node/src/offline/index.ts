export { OfflineExportSource } from './OfflineExportSource';
