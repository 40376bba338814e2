/**
 * The NKP field extensions of the cluster request template for apps on the legacy frontend
 * system: mount them inside `<ScaffolderFieldExtensions>` under the scaffolder's route.
 */
import { scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  NKP_SCAFFOLDER_FIELDS,
  NkpScaffolderField,
  fieldExtensionOptions,
} from './components/ScaffolderFields';

const legacy = <T>(field: NkpScaffolderField<T>) =>
  scaffolderPlugin.provide(
    createScaffolderFieldExtension(fieldExtensionOptions(field)),
  );

/**
 * `ui:field: NkpOwnerGroupPicker`: the owning group's entity ref, one of the groups the user may
 * request a cluster for.
 *
 * @public
 */
export const NkpOwnerGroupPickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpOwnerGroupPicker,
);

/**
 * `ui:field: NkpWorkspacePicker`: the entity ref of an NKP workspace `Domain` the chosen `owner`
 * owns.
 *
 * @public
 */
export const NkpWorkspacePickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpWorkspacePicker,
);

/**
 * `ui:field: NkpProjectsPicker`: NKP project names (`System`s) of the chosen `workspace`.
 *
 * @public
 */
export const NkpProjectsPickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpProjectsPicker,
);

/**
 * `ui:field: NkpManagementClusterPicker`: the entity ref of an NKP management cluster.
 *
 * @public
 */
export const NkpManagementClusterPickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpManagementClusterPicker,
);

/**
 * `ui:field: NkpVersionPicker`: `{ nkp, kubernetes }`, a version the lifecycle policy allows for
 * the chosen `operation` and `managementCluster`.
 *
 * @public
 */
export const NkpVersionPickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpVersionPicker,
);

/**
 * `ui:field: NkpSizePicker`: node counts and per-node resources within `nkp.goldenPath.sizes`.
 *
 * @public
 */
export const NkpSizePickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpSizePicker,
);

/**
 * `ui:field: NkpPlacementPicker`: Prism Central, Prism Element cluster, subnets, image, storage
 * container and control-plane endpoint.
 *
 * @public
 */
export const NkpPlacementPickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpPlacementPicker,
);

/**
 * `ui:field: NkpDeliveryPicker`: `gitops`, or `direct` when the user may apply directly.
 *
 * @public
 */
export const NkpDeliveryPickerFieldExtension = legacy(
  NKP_SCAFFOLDER_FIELDS.NkpDeliveryPicker,
);
