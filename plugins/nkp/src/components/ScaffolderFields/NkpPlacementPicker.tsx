import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import {
  NkpClusterPlacement,
  NkpPrismCentralOption,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useEffect } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { FIELD_LABELS, checkPlacement, problemsByField } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import { NkpScaffolderField, fieldHelp, fieldLabel } from './scaffolderField';
import { SelectField } from './SelectField';
import { useGoldenPathOptions } from './useGoldenPathOptions';

const schema = makeFieldSchema({
  output: z =>
    z
      .object({
        prismCentral: z.string(),
        cluster: z.string(),
        subnets: z.array(z.string()),
        image: z.string(),
        storageContainer: z.string(),
        controlPlaneEndpoint: z.string(),
      })
      .describe('Where on Nutanix the machines go'),
});

type Placement = Partial<NkpClusterPlacement>;

const only = (list: string[]) => (list.length === 1 ? list[0] : undefined);

/**
 * The placement with every list that offers one choice filled in and every choice that its
 * Prism Central or Prism Element cluster no longer offers cleared. The same placement when
 * nothing changes, so that the field settles.
 */
export function settlePlacement(
  placement: Placement,
  prismCentrals: NkpPrismCentralOption[],
): Placement {
  const next: Placement = { ...placement };
  const pcs = prismCentrals.map(p => p.name);
  if (!next.prismCentral || !pcs.includes(next.prismCentral)) {
    next.prismCentral = only(pcs);
  }
  const pc = prismCentrals.find(p => p.name === next.prismCentral);
  const clusters = pc?.clusters.map(c => c.name) ?? [];
  if (!next.cluster || !clusters.includes(next.cluster)) {
    next.cluster = only(clusters);
  }
  const cluster = pc?.clusters.find(c => c.name === next.cluster);
  const kept = (next.subnets ?? []).filter(s => cluster?.subnets.includes(s));
  next.subnets = kept.length
    ? kept
    : [only(cluster?.subnets ?? [])].filter((s): s is string => !!s);
  for (const [key, list] of [
    ['image', cluster?.images ?? []],
    ['storageContainer', cluster?.storageContainers ?? []],
  ] as const) {
    if (!next[key] || !list.includes(next[key]!)) next[key] = only(list);
  }
  const same = (Object.keys(next) as (keyof Placement)[]).every(
    key => JSON.stringify(next[key]) === JSON.stringify(placement[key]),
  );
  return same ? placement : next;
}

/**
 * The Nutanix placement: Prism Central, Prism Element cluster, subnets, image and storage
 * container from the lists app-config gives per Prism Central, and the control-plane endpoint.
 */
export const NkpPlacementPickerComponent = (
  props: FieldExtensionComponentProps<NkpClusterPlacement>,
) => {
  const { onChange, required, idSchema } = props;
  const { options, loading, error, retry } = useGoldenPathOptions();
  const prismCentrals = options?.prismCentrals;
  const placement: Placement = props.formData ?? {};
  const settled = prismCentrals
    ? settlePlacement(placement, prismCentrals)
    : placement;
  useEffect(() => {
    if (settled !== placement) onChange(settled as NkpClusterPlacement);
  }, [settled, placement, onChange]);

  const id = idSchema?.$id ?? 'nkp-placement';
  const label = fieldLabel(props, 'Nutanix placement');
  const status = (
    <FieldStatus
      what="the Prism Centrals"
      loading={loading}
      error={error}
      retry={retry}
      empty={
        prismCentrals && !prismCentrals.length
          ? 'No Prism Central is configured (nkp.goldenPath.prismCentrals). Ask the platform team to add one.'
          : undefined
      }
    />
  );
  if (!prismCentrals?.length) return status;
  const pc = prismCentrals.find(p => p.name === settled.prismCentral);
  const cluster = pc?.clusters.find(c => c.name === settled.cluster);
  const problems = problemsByField(checkPlacement(settled, prismCentrals));
  const set = (change: Placement) =>
    onChange({ ...settled, ...change } as NkpClusterPlacement);
  const list = (values: string[] = []) =>
    values.map(v => ({ value: v, label: v }));
  // Only what the user has started shows its problem; empty lists say why they are empty.
  const shown = (key: keyof typeof FIELD_LABELS, value: unknown) =>
    value !== undefined && value !== '' ? problems[key] : undefined;
  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="dense"
      required={required}
    >
      <FormLabel component="legend">{label}</FormLabel>
      <SelectField
        id={`${id}-prismCentral`}
        label={FIELD_LABELS['placement.prismCentral']}
        required
        options={prismCentrals.map(p => ({
          value: p.name,
          label: `${p.title ?? p.name} (${p.url})`,
        }))}
        value={settled.prismCentral}
        onChange={prismCentral => set({ prismCentral })}
      />
      <SelectField
        id={`${id}-cluster`}
        label={FIELD_LABELS['placement.cluster']}
        required
        disabled={!pc}
        options={list(pc?.clusters.map(c => c.name))}
        value={settled.cluster}
        onChange={c => set({ cluster: c })}
        error={shown('placement.cluster', settled.cluster)}
      />
      <SelectField
        multiple
        id={`${id}-subnets`}
        label={FIELD_LABELS['placement.subnets']}
        required
        disabled={!cluster}
        options={list(cluster?.subnets)}
        value={settled.subnets ?? []}
        onChange={subnets => set({ subnets })}
        error={
          settled.subnets?.length ? problems['placement.subnets'] : undefined
        }
      />
      <SelectField
        id={`${id}-image`}
        label={FIELD_LABELS['placement.image']}
        required
        disabled={!cluster}
        options={list(cluster?.images)}
        value={settled.image}
        onChange={image => set({ image })}
        error={shown('placement.image', settled.image)}
      />
      <SelectField
        id={`${id}-storageContainer`}
        label={FIELD_LABELS['placement.storageContainer']}
        required
        disabled={!cluster}
        options={list(cluster?.storageContainers)}
        value={settled.storageContainer}
        onChange={storageContainer => set({ storageContainer })}
        error={shown('placement.storageContainer', settled.storageContainer)}
      />
      <TextField
        fullWidth
        margin="dense"
        variant="outlined"
        id={`${id}-controlPlaneEndpoint`}
        label={FIELD_LABELS['placement.controlPlaneEndpoint']}
        required
        placeholder="10.0.0.10"
        value={settled.controlPlaneEndpoint ?? ''}
        error={
          !!shown(
            'placement.controlPlaneEndpoint',
            settled.controlPlaneEndpoint,
          )
        }
        helperText={
          shown(
            'placement.controlPlaneEndpoint',
            settled.controlPlaneEndpoint,
          ) ??
          'A free IPv4 address in the subnet for the control plane (kube-vip).'
        }
        onChange={e => set({ controlPlaneEndpoint: e.target.value.trim() })}
      />
      <FormHelperText>
        {fieldHelp(
          props,
          'The lists come from app-config (nkp.goldenPath.prismCentrals): no Prism Central API is reachable from the portal, so ask the platform team when a cluster, subnet, image or container is missing.',
        )}
      </FormHelperText>
    </FormControl>
  );
};

/**
 * `ui:field: NkpPlacementPicker`: an `NkpClusterPlacement` from the configured Prism Centrals.
 */
export const nkpPlacementPicker: NkpScaffolderField<NkpClusterPlacement> = {
  name: 'NkpPlacementPicker',
  component: NkpPlacementPickerComponent,
  schema,
  validation: async (value, validation, { apiHolder }) => {
    const { prismCentrals } = await apiHolder
      .get(nkpApiRef)!
      .getGoldenPathOptions();
    for (const e of checkPlacement(value, prismCentrals)) {
      validation.addError(e.message);
    }
  },
};
