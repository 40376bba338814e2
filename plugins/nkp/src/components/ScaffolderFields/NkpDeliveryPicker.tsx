import {
  FieldExtensionComponentProps,
  makeFieldSchema,
} from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import {
  NkpClusterDelivery,
  NkpGoldenPathOptions,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useEffect } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { checkDelivery, directDeliveryOffered } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import {
  NkpScaffolderField,
  fieldHelp,
  fieldLabel,
  siblingValues,
} from './scaffolderField';
import { useGoldenPathOptions } from './useGoldenPathOptions';

const schema = makeFieldSchema({
  output: z =>
    z.enum(['gitops', 'direct']).describe('How the cluster is delivered'),
});

/** `github.com?owner=nkp-demo&repo=fleet` → `github.com/nkp-demo/fleet` */
export function repositoryName(repoUrl: string): string {
  const [host, query = ''] = repoUrl.split('?');
  const params = new URLSearchParams(query);
  const path = [
    params.get('owner') ?? params.get('organization'),
    params.get('repo'),
  ]
    .filter(Boolean)
    .join('/');
  return path ? `${host}/${path}` : repoUrl;
}

function gitopsHelp(gitops: NkpGoldenPathOptions['delivery']['gitops']) {
  const request =
    gitops.provider === 'gitlab' ? 'merge request' : 'pull request';
  return `A ${request} to ${repositoryName(gitops.repoUrl)} (branch ${
    gitops.branch
  }); the fleet's GitOps controller applies it once it is approved and merged.`;
}

/** Delivery: a GitOps pull request (the default), or a direct apply when the caller may. */
export const NkpDeliveryPickerComponent = (
  props: FieldExtensionComponentProps<NkpClusterDelivery>,
) => {
  const { formData, onChange, required, rawErrors, idSchema } = props;
  const { operation } = siblingValues(props.formContext?.formData);
  const { options, loading, error, retry } = useGoldenPathOptions();
  const direct = !!options && directDeliveryOffered(options, operation);
  useEffect(() => {
    if (!options) return;
    if (!formData || (formData === 'direct' && !direct)) onChange('gitops');
  }, [options, formData, direct, onChange]);
  if (!options) {
    return (
      <FieldStatus
        what="the deliveries"
        loading={loading}
        error={error}
        retry={retry}
      />
    );
  }
  const id = idSchema?.$id ?? 'nkp-delivery';
  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="dense"
      required={required}
      error={!!rawErrors?.length}
    >
      <FormLabel component="legend" id={`${id}-label`}>
        {fieldLabel(props, 'Delivery')}
      </FormLabel>
      <RadioGroup
        aria-labelledby={`${id}-label`}
        name={id}
        value={formData ?? 'gitops'}
        onChange={e => onChange(e.target.value as NkpClusterDelivery)}
      >
        <FormControlLabel
          value="gitops"
          control={<Radio color="primary" />}
          label={
            <>
              GitOps pull request (recommended)
              <Typography
                variant="body2"
                color="textSecondary"
                component="span"
                display="block"
              >
                {gitopsHelp(options.delivery.gitops)}
              </Typography>
            </>
          }
        />
        {direct && (
          <FormControlLabel
            value="direct"
            control={<Radio color="primary" />}
            label={
              <>
                Apply directly to the management cluster
                <Typography
                  variant="body2"
                  color="textSecondary"
                  component="span"
                  display="block"
                >
                  Server-side apply now, without a review; the cluster appears
                  in the catalog as it provisions.
                </Typography>
              </>
            }
          />
        )}
      </RadioGroup>
      <FormHelperText error={false}>
        {fieldHelp(
          props,
          direct
            ? 'How the rendered manifests reach the fleet.'
            : 'How the rendered manifests reach the fleet. A direct apply is offered only for managed clusters and to those allowed to apply (nkp.cluster.apply).',
        )}
      </FormHelperText>
    </FormControl>
  );
};

/**
 * `ui:field: NkpDeliveryPicker`: `gitops`, or `direct` when offered.
 */
export const nkpDeliveryPicker: NkpScaffolderField<NkpClusterDelivery> = {
  name: 'NkpDeliveryPicker',
  component: NkpDeliveryPickerComponent,
  schema,
  validation: async (value, validation, { apiHolder, formData }) => {
    const options = await apiHolder.get(nkpApiRef)!.getGoldenPathOptions();
    for (const e of checkDelivery(
      value,
      options,
      siblingValues(formData).operation,
    )) {
      validation.addError(e.message);
    }
  },
};
