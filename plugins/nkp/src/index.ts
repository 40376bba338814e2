/**
 * NKP Lifecycle frontend plugin (legacy frontend system). The new frontend system plugin is the
 * default export of `/alpha`.
 *
 * @packageDocumentation
 */

export {
  nkpPlugin,
  NkpFleetPage,
  EntityNkpClusterCard,
  EntityNkpGroupDeadlinesCard,
} from './plugin';
export { nkpApiRef } from './api/NkpApi';
export type { NkpApi, NkpClusterQuery } from './api/NkpApi';
export type * from './api/types';
export { NkpClient } from './api/NkpClient';
export { FleetTable } from './components/Clusters';
export { NkpClusterCard } from './components/NkpClusterCard';
export { PolicyStateLabel, describeDeadline } from './components/PolicyState';
export { isNkpCluster } from '@nkp-lifecycle/backstage-plugin-nkp-common';
export {
  NkpOwnerGroupPickerFieldExtension,
  NkpWorkspacePickerFieldExtension,
  NkpProjectsPickerFieldExtension,
  NkpManagementClusterPickerFieldExtension,
  NkpVersionPickerFieldExtension,
  NkpSizePickerFieldExtension,
  NkpPlacementPickerFieldExtension,
  NkpDeliveryPickerFieldExtension,
} from './scaffolderFields';
export type { NkpVersionQuery } from './api/types';
export type { NkpVersionValue } from './components/ScaffolderFields';
