import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  NkpClusterSize,
  NkpGoldenPathSizes,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useEffect } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { FIELD_LABELS, checkSize, problemsByField } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import { NkpScaffolderField, fieldHelp, fieldLabel } from './scaffolderField';
import { SelectField } from './SelectField';
import { useGoldenPathOptions } from './useGoldenPathOptions';

const schema = makeFieldSchema({
  output: z =>
    z
      .object({
        preset: z.string().optional(),
        controlPlaneNodes: z.number(),
        workers: z.number(),
        vcpus: z.number(),
        memoryGiB: z.number(),
        diskGiB: z.number(),
      })
      .describe('Node counts; vCPUs, memory and disk per node'),
});

const NUMBERS = ['workers', 'vcpus', 'memoryGiB', 'diskGiB'] as const;
const CUSTOM = 'custom';

/** The size a new form starts from: the `medium` preset if configured, else the defaults. */
export function defaultSize(sizes: NkpGoldenPathSizes): NkpClusterSize {
  const medium = sizes.presets.find(p => p.name === 'medium');
  if (medium) {
    const { name, title: _title, ...values } = medium;
    return { preset: name, ...values };
  }
  return {
    controlPlaneNodes: sizes.controlPlaneNodes.includes(3)
      ? 3
      : sizes.controlPlaneNodes[0],
    workers: sizes.workers.default,
    vcpus: sizes.vcpus.default,
    memoryGiB: sizes.memoryGiB.default,
    diskGiB: sizes.diskGiB.default,
  };
}

function isEmptySize(size: Partial<NkpClusterSize> | undefined) {
  return (
    !size ||
    (size.controlPlaneNodes === undefined &&
      NUMBERS.every(key => size[key] === undefined))
  );
}

/** The size: a preset, or node counts and per-node resources within the configured ranges. */
export const NkpSizePickerComponent = (
  props: FieldExtensionComponentProps<NkpClusterSize>,
) => {
  const { onChange, required, idSchema } = props;
  // The scaffolder's form starts an object field as `{}`: that is as empty as no value.
  const formData = isEmptySize(props.formData) ? undefined : props.formData;
  const { options, loading, error, retry } = useGoldenPathOptions();
  const sizes = options?.sizes;
  useEffect(() => {
    if (sizes && !formData) onChange(defaultSize(sizes));
  }, [sizes, formData, onChange]);
  const id = idSchema?.$id ?? 'nkp-size';
  const label = fieldLabel(props, 'Size');
  if (!sizes || !formData) {
    return (
      <FieldStatus
        what="the cluster sizes"
        loading={loading || !!sizes}
        error={error}
        retry={retry}
      />
    );
  }
  const problems = problemsByField(checkSize(formData, sizes));
  // Editing a value leaves the preset: the size is the user's own then.
  const set = (change: Partial<NkpClusterSize>) =>
    onChange({ ...formData, ...change, preset: undefined });
  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="dense"
      required={required}
    >
      <FormLabel component="legend">{label}</FormLabel>
      <SelectField
        id={`${id}-preset`}
        label="Preset"
        options={[
          ...sizes.presets.map(p => ({
            value: p.name,
            label: `${p.title}: ${p.controlPlaneNodes} control-plane, ${p.workers} workers, ${p.vcpus} vCPUs, ${p.memoryGiB} GiB memory, ${p.diskGiB} GiB disk`,
          })),
          { value: CUSTOM, label: 'Custom' },
        ]}
        value={formData.preset ?? CUSTOM}
        onChange={name => {
          const preset = sizes.presets.find(p => p.name === name);
          if (!preset) {
            onChange({ ...formData, preset: undefined });
            return;
          }
          const { name: presetName, title: _title, ...values } = preset;
          onChange({ preset: presetName, ...values });
        }}
      />
      <Grid container spacing={2}>
        <Grid item xs={12} sm={4}>
          <SelectField
            id={`${id}-controlPlaneNodes`}
            label={FIELD_LABELS['size.controlPlaneNodes']}
            options={sizes.controlPlaneNodes.map(n => ({
              value: String(n),
              label: String(n),
            }))}
            value={String(formData.controlPlaneNodes ?? '')}
            onChange={v => set({ controlPlaneNodes: Number(v) })}
            required
            error={problems['size.controlPlaneNodes']}
            helperText="Odd, for etcd quorum"
          />
        </Grid>
        {NUMBERS.map(key => {
          const range = sizes[key];
          const value = formData[key];
          return (
            <Grid item xs={12} sm={4} key={key}>
              <TextField
                fullWidth
                margin="dense"
                variant="outlined"
                type="number"
                id={`${id}-${key}`}
                label={FIELD_LABELS[`size.${key}`]}
                required
                value={value ?? ''}
                inputProps={{ min: range.min, max: range.max, step: 1 }}
                error={!!problems[`size.${key}`]}
                helperText={
                  problems[`size.${key}`] ?? `${range.min} to ${range.max}`
                }
                onChange={e =>
                  set({
                    // An emptied input is no number: the checks ask for one.
                    [key]:
                      e.target.value === ''
                        ? undefined
                        : Number(e.target.value),
                  })
                }
              />
            </Grid>
          );
        })}
      </Grid>
      <FormHelperText>
        {fieldHelp(
          props,
          'Memory and disk are per node; the ranges come from nkp.goldenPath.sizes.',
        )}
      </FormHelperText>
    </FormControl>
  );
};

/**
 * `ui:field: NkpSizePicker`: an `NkpClusterSize` within `nkp.goldenPath.sizes`.
 */
export const nkpSizePicker: NkpScaffolderField<NkpClusterSize> = {
  name: 'NkpSizePicker',
  component: NkpSizePickerComponent,
  schema,
  validation: async (value, validation, { apiHolder }) => {
    const { sizes } = await apiHolder.get(nkpApiRef)!.getGoldenPathOptions();
    for (const e of checkSize(value, sizes)) validation.addError(e.message);
  },
};
