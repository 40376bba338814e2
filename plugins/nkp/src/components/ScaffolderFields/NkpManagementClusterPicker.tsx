import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { NKP_ANNOTATIONS } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useEffect } from 'react';
import { checkChoice } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import { entityTitle, loadNkpEntities, useNkpEntities } from './nkpEntities';
import {
  NkpScaffolderField,
  fieldHelp,
  fieldLabel,
  siblingValues,
} from './scaffolderField';
import { SelectField } from './SelectField';

const schema = makeFieldSchema({
  output: z =>
    z.string().describe("Entity ref of the management cluster's Resource"),
});

const MANAGEMENT_CLUSTERS = {
  kind: 'Resource',
  [`metadata.annotations.${NKP_ANNOTATIONS.clusterType}`]: 'management',
};

/** `nkp-mgmt (NKP 2.17.1, Kubernetes 1.34.3)` */
function clusterLabel(entity: Entity): string {
  const a = entity.metadata.annotations ?? {};
  const versions = [
    a[NKP_ANNOTATIONS.nkpVersion] && `NKP ${a[NKP_ANNOTATIONS.nkpVersion]}`,
    a[NKP_ANNOTATIONS.kubernetesVersion] &&
      `Kubernetes ${a[NKP_ANNOTATIONS.kubernetesVersion]}`,
  ].filter(Boolean);
  return versions.length
    ? `${entityTitle(entity)} (${versions.join(', ')})`
    : entityTitle(entity);
}

/** The management cluster of a managed cluster: the NKP management clusters in the catalog. */
export const NkpManagementClusterPickerComponent = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { formData, onChange, required, rawErrors, idSchema } = props;
  const { operation } = siblingValues(props.formContext?.formData);
  const managed = operation !== 'self-managed';
  const { entities, loading, error, retry } = useNkpEntities(
    managed ? MANAGEMENT_CLUSTERS : undefined,
  );
  const choices = (entities ?? []).map(e => ({
    value: stringifyEntityRef(e),
    label: clusterLabel(e),
  }));
  const only = choices.length === 1 ? choices[0].value : undefined;
  useEffect(() => {
    if (!managed && formData) onChange(undefined);
    else if (managed && only && !formData) onChange(only);
  }, [managed, only, formData, onChange]);
  if (!managed) return null;
  return (
    <>
      <SelectField
        id={idSchema?.$id ?? 'nkp-management-cluster'}
        label={fieldLabel(props, 'Management cluster')}
        options={choices}
        value={formData}
        onChange={onChange}
        required={required}
        disabled={!choices.length}
        error={rawErrors?.length ? rawErrors[0] : undefined}
        helperText={fieldHelp(
          props,
          'The NKP management cluster that creates and operates the new cluster; its NKP release decides the versions offered.',
        )}
      />
      <FieldStatus
        what="the management clusters"
        loading={loading}
        error={error}
        retry={retry}
        empty={
          entities && !entities.length
            ? 'The catalog knows no NKP management cluster. Choose self-managed, or ask the platform team to connect one.'
            : undefined
        }
      />
    </>
  );
};

/**
 * `ui:field: NkpManagementClusterPicker`: the entity ref of an NKP management cluster
 * (required when `operation` is `managed`).
 */
export const nkpManagementClusterPicker: NkpScaffolderField<string> = {
  name: 'NkpManagementClusterPicker',
  component: NkpManagementClusterPickerComponent,
  schema,
  validation: async (value, validation, { apiHolder, formData }) => {
    if (siblingValues(formData).operation === 'self-managed') return;
    const clusters = await loadNkpEntities(
      apiHolder.get(catalogApiRef)!,
      MANAGEMENT_CLUSTERS,
    );
    for (const e of checkChoice(
      'managementCluster',
      value,
      clusters.map(c => stringifyEntityRef(c)),
      'an NKP management cluster in the catalog',
    )) {
      validation.addError(e.message);
    }
  },
};
