import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { useEffect } from 'react';
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
  output: z => z.array(z.string()).describe('NKP project names'),
});

/** The project Systems of a workspace Domain. */
const projectsOf = (workspace: string) => ({
  kind: 'System',
  'relations.partOf': workspace,
});

const workspaceName = (ref: string) => {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
};

/** Projects (optional): NKP projects of the chosen workspace, by their NKP names. */
export const NkpProjectsPickerComponent = (
  props: FieldExtensionComponentProps<string[]>,
) => {
  const { formData, onChange, rawErrors, idSchema } = props;
  const { workspace } = siblingValues(props.formContext?.formData);
  const { entities, loading, error, retry } = useNkpEntities(
    workspace ? projectsOf(workspace) : undefined,
  );
  const choices = (entities ?? []).map(e => ({
    value: nkpObjectName(e),
    label: entityTitle(e),
  }));
  const value = formData ?? [];
  // Projects of another workspace are no choice once the workspace changed.
  const kept = entities
    ? value.filter(p => choices.some(c => c.value === p))
    : value;
  const changed = kept.length !== value.length;
  useEffect(() => {
    if (changed) onChange(kept);
  }, [changed, kept, onChange]);
  return (
    <>
      <SelectField
        multiple
        id={idSchema?.$id ?? 'nkp-projects'}
        label={fieldLabel(props, 'Projects')}
        options={choices}
        value={kept}
        onChange={onChange}
        disabled={!choices.length}
        error={rawErrors?.length ? rawErrors[0] : undefined}
        helperText={
          workspace
            ? fieldHelp(
                props,
                'Optional: the NKP projects of the workspace whose workloads run on the cluster.',
              )
            : 'Choose the workspace first.'
        }
      />
      {workspace && (
        <FieldStatus
          what={`the projects of ${workspaceName(workspace)}`}
          loading={loading}
          error={error}
          retry={retry}
          empty={
            entities && !entities.length
              ? `Workspace ${workspaceName(
                  workspace,
                )} has no NKP projects; projects can be placed on the cluster later.`
              : undefined
          }
        />
      )}
    </>
  );
};

/**
 * `ui:field: NkpProjectsPicker`: NKP project names of `workspace` (optional).
 */
export const nkpProjectsPicker: NkpScaffolderField<string[]> = {
  name: 'NkpProjectsPicker',
  component: NkpProjectsPickerComponent,
  schema,
  validation: async (value, validation, { apiHolder, formData }) => {
    if (!value?.length) return;
    const { workspace } = siblingValues(formData);
    const projects = workspace
      ? (
          await loadNkpEntities(
            apiHolder.get(catalogApiRef)!,
            projectsOf(workspace),
          )
        ).map(nkpObjectName)
      : [];
    const unknown = value.filter(p => !projects.includes(p));
    if (unknown.length) {
      validation.addError(
        `Projects: ${unknown.join(', ')} ${
          unknown.length === 1 ? 'is not a project' : 'are not projects'
        } of workspace ${
          workspace ? workspaceName(workspace) : '(none chosen)'
        }`,
      );
    }
  },
};
