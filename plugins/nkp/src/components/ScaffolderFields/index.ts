import { nkpDeliveryPicker } from './NkpDeliveryPicker';
import { nkpManagementClusterPicker } from './NkpManagementClusterPicker';
import { nkpOwnerGroupPicker } from './NkpOwnerGroupPicker';
import { nkpPlacementPicker } from './NkpPlacementPicker';
import { nkpProjectsPicker } from './NkpProjectsPicker';
import { nkpSizePicker } from './NkpSizePicker';
import { nkpVersionPicker } from './NkpVersionPicker';
import { nkpWorkspacePicker } from './NkpWorkspacePicker';

export type { NkpScaffolderField } from './scaffolderField';
export { fieldExtensionOptions } from './scaffolderField';
export type { NkpVersionValue } from './NkpVersionPicker';

/** Every NKP field extension of the cluster request template, by its `ui:field` name. */
export const NKP_SCAFFOLDER_FIELDS = {
  NkpOwnerGroupPicker: nkpOwnerGroupPicker,
  NkpWorkspacePicker: nkpWorkspacePicker,
  NkpProjectsPicker: nkpProjectsPicker,
  NkpManagementClusterPicker: nkpManagementClusterPicker,
  NkpVersionPicker: nkpVersionPicker,
  NkpSizePicker: nkpSizePicker,
  NkpPlacementPicker: nkpPlacementPicker,
  NkpDeliveryPicker: nkpDeliveryPicker,
} as const;
