import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useEffect } from 'react';
import { ownerLabel } from '../common/ownerLabel';
import { checkChoice } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import {
  entityTitle,
  loadNkpEntities,
  nkpObjectName,
  useNkpEntities,
} from './nkpEntities';
import {
  NkpScaffolderField,
  fieldHelp,
  fieldLabel,
  siblingValues,
} from './scaffolderField';
import { SelectField } from './SelectField';

const schema = makeFieldSchema({
  output: z => z.string().describe("Entity ref of the workspace's Domain"),
});

/** The NKP workspace Domains the group owns. */
const workspacesOf = (owner: string) => ({
  kind: 'Domain',
  'relations.ownedBy': owner,
});

/** The workspace: one of the NKP workspace Domains that the chosen owning group owns. */
export const NkpWorkspacePickerComponent = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { formData, onChange, required, rawErrors, idSchema } = props;
  const { owner } = siblingValues(props.formContext?.formData);
  const { entities, loading, error, retry } = useNkpEntities(
    owner ? workspacesOf(owner) : undefined,
  );
  const choices = (entities ?? []).map(e => ({
    value: stringifyEntityRef(e),
    label: `${entityTitle(e)} (${nkpObjectName(e)})`,
  }));
  // A workspace of the previous owner is no choice once the owner changed.
  const stale =
    !!formData && !!entities && !choices.some(c => c.value === formData);
  const only = choices.length === 1 ? choices[0].value : undefined;
  useEffect(() => {
    if (stale) onChange(undefined);
    else if (only && !formData) onChange(only);
  }, [stale, only, formData, onChange]);
  return (
    <>
      <SelectField
        id={idSchema?.$id ?? 'nkp-workspace'}
        label={fieldLabel(props, 'Workspace')}
        options={choices}
        value={stale ? undefined : formData}
        onChange={onChange}
        required={required}
        disabled={!choices.length}
        error={rawErrors?.length ? rawErrors[0] : undefined}
        helperText={
          owner
            ? fieldHelp(
                props,
                `The NKP workspace the cluster goes into: those of ${ownerLabel(
                  owner,
                )}.`,
              )
            : 'Choose the owning group first.'
        }
      />
      {owner && (
        <FieldStatus
          what={`the workspaces of ${ownerLabel(owner)}`}
          loading={loading}
          error={error}
          retry={retry}
          empty={
            entities && !entities.length
              ? `${ownerLabel(
                  owner,
                )} owns no NKP workspace in the catalog. Ask the platform team to assign one.`
              : undefined
          }
        />
      )}
    </>
  );
};

/**
 * `ui:field: NkpWorkspacePicker`: the entity ref of a workspace Domain of `owner`.
 */
export const nkpWorkspacePicker: NkpScaffolderField<string> = {
  name: 'NkpWorkspacePicker',
  component: NkpWorkspacePickerComponent,
  schema,
  validation: async (value, validation, { apiHolder, formData }) => {
    const { owner } = siblingValues(formData);
    const workspaces = owner
      ? await loadNkpEntities(
          apiHolder.get(catalogApiRef)!,
          workspacesOf(owner),
        )
      : [];
    for (const e of checkChoice(
      'workspace',
      value,
      workspaces.map(w => stringifyEntityRef(w)),
      owner ? `an NKP workspace of ${ownerLabel(owner)}` : 'a workspace',
    )) {
      validation.addError(e.message);
    }
  },
};
