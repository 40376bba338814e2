import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { ownerLabel } from '../common/ownerLabel';
import { checkChoice } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import { NkpScaffolderField, fieldHelp, fieldLabel } from './scaffolderField';
import { SelectField } from './SelectField';
import { useGoldenPathOptions } from './useGoldenPathOptions';

const schema = makeFieldSchema({
  output: z => z.string().describe('Entity ref of the owning group'),
});

/** The owning group: one of the groups the backend says the user may request a cluster for. */
export const NkpOwnerGroupPickerComponent = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { formData, onChange, required, rawErrors, idSchema } = props;
  const { options, loading, error, retry } = useGoldenPathOptions();
  const groups = options?.groups ?? [];
  const only = groups.length === 1 ? groups[0] : undefined;
  useEffect(() => {
    if (only && !formData) onChange(only);
  }, [only, formData, onChange]);
  return (
    <>
      <SelectField
        id={idSchema?.$id ?? 'nkp-owner'}
        label={fieldLabel(props, 'Owning group')}
        options={groups.map(g => ({ value: g, label: ownerLabel(g) }))}
        value={formData}
        onChange={onChange}
        required={required}
        disabled={!groups.length}
        error={rawErrors?.length ? rawErrors[0] : undefined}
        helperText={fieldHelp(
          props,
          'The group that will own the cluster: one of yours (the platform team may choose any group).',
        )}
      />
      <FieldStatus
        what="the groups you may request a cluster for"
        loading={loading}
        error={error}
        retry={retry}
        empty={
          options && !groups.length
            ? 'You are not in a group that may request a cluster. Ask the platform team to add you to one.'
            : undefined
        }
      />
    </>
  );
};

/**
 * `ui:field: NkpOwnerGroupPicker`: the owning group's entity ref.
 */
export const nkpOwnerGroupPicker: NkpScaffolderField<string> = {
  name: 'NkpOwnerGroupPicker',
  component: NkpOwnerGroupPickerComponent,
  schema,
  validation: async (value, validation, { apiHolder }) => {
    const { groups } = await apiHolder.get(nkpApiRef)!.getGoldenPathOptions();
    for (const e of checkChoice('owner', value, groups, 'a group of yours')) {
      validation.addError(e.message);
    }
  },
};
