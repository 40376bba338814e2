import { useApi } from '@backstage/core-plugin-api';
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
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import {
  NkpVersionOption,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpVersionQuery } from '../../api/types';
import { checkVersion, formatVersion } from './fieldChecks';
import { FieldStatus } from './FieldStatus';
import {
  NkpScaffolderField,
  fieldHelp,
  fieldLabel,
  siblingValues,
} from './scaffolderField';

/**
 * The value of the version picker: full NKP and Kubernetes versions.
 *
 * @public
 */
export interface NkpVersionValue {
  nkp: string;
  kubernetes: string;
}

const schema = makeFieldSchema({
  output: z =>
    z
      .object({ nkp: z.string(), kubernetes: z.string() })
      .describe('Full NKP and Kubernetes versions'),
});

const keyOf = (v: { nkp: string; kubernetes: string }) =>
  `${v.nkp}/${v.kubernetes}`;

/** The versions route's query for the other fields, or what is missing for one. */
function versionQuery(formData: unknown): NkpVersionQuery | string {
  const { operation, managementCluster } = siblingValues(formData);
  if (!operation) return 'Choose how the cluster is operated first.';
  if (operation === 'managed' && !managementCluster) {
    return 'Choose the management cluster first.';
  }
  return operation === 'managed'
    ? { operation, managementCluster }
    : { operation };
}

/** `supported until 2027-03-01 (120 days left)` */
function supportText(option: NkpVersionOption): string {
  if (!option.supportEnds) return 'end of support not published yet';
  const left =
    option.daysLeft === undefined
      ? ''
      : ` (${plural(Math.max(option.daysLeft, 0), 'day')} left)`;
  return `supported until ${option.supportEnds}${left}`;
}

/**
 * The version: only what the lifecycle policy allows for the chosen operation and management
 * cluster (the backend's engine decides), each with its end of support; the newest allowed is
 * the default; what the policy hides is listed with the reason on request.
 */
export const NkpVersionPickerComponent = (
  props: FieldExtensionComponentProps<NkpVersionValue>,
) => {
  const { formData, onChange, required, rawErrors, idSchema } = props;
  const nkpApi = useApi(nkpApiRef);
  const query = versionQuery(props.formContext?.formData);
  const queryKey =
    typeof query === 'string' ? undefined : JSON.stringify(query);
  const { value, loading, error, retry } = useAsyncRetry(
    async () =>
      typeof query === 'string' ? undefined : nkpApi.getVersionOptions(query),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nkpApi, queryKey],
  );
  const [showHidden, setShowHidden] = useState(false);
  const offered = value?.offered ?? [];
  const hidden = value?.hidden ?? [];
  const chosen =
    formData && offered.find(o => keyOf(o) === keyOf(formData))
      ? keyOf(formData)
      : undefined;
  const recommended = offered.find(o => o.recommended) ?? offered[0];
  // The newest allowed by default; a version the new choice no longer allows is replaced.
  useEffect(() => {
    if (!value || loading) return;
    if (!chosen && recommended) {
      onChange({ nkp: recommended.nkp, kubernetes: recommended.kubernetes });
    } else if (!chosen && formData) {
      onChange(undefined);
    }
  }, [value, loading, chosen, recommended, formData, onChange]);

  const id = idSchema?.$id ?? 'nkp-version';
  const label = fieldLabel(props, 'Version');
  const invalid = !!rawErrors?.length;
  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="dense"
      required={required}
      error={invalid}
    >
      <FormLabel component="legend" id={`${id}-label`}>
        {label}
      </FormLabel>
      {typeof query === 'string' ? (
        <FormHelperText>{query}</FormHelperText>
      ) : (
        <>
          <FieldStatus
            what="the versions the policy allows"
            loading={loading}
            error={error}
            retry={retry}
            empty={
              value && !offered.length
                ? 'The lifecycle policy allows no version for this choice. The versions it does not allow are listed below with the reason.'
                : undefined
            }
          />
          {offered.length > 0 && (
            <RadioGroup
              aria-labelledby={`${id}-label`}
              name={id}
              value={chosen ?? ''}
              onChange={e => {
                const option = offered.find(o => keyOf(o) === e.target.value);
                if (option) {
                  onChange({ nkp: option.nkp, kubernetes: option.kubernetes });
                }
              }}
            >
              {offered.map(option => (
                <FormControlLabel
                  key={keyOf(option)}
                  value={keyOf(option)}
                  control={<Radio color="primary" />}
                  label={
                    <>
                      {formatVersion(option)}
                      {option.recommended && ' (recommended)'}
                      <Typography
                        variant="body2"
                        color="textSecondary"
                        component="span"
                        display="block"
                      >
                        {supportText(option)}
                      </Typography>
                    </>
                  }
                />
              ))}
            </RadioGroup>
          )}
          <FormHelperText error={false}>
            {fieldHelp(
              props,
              'Only the versions the lifecycle policy allows for a new cluster operated this way.',
            )}
          </FormHelperText>
          {value && hidden.length > 0 && (
            <FormControlLabel
              control={
                <Switch
                  checked={showHidden || !offered.length}
                  disabled={!offered.length}
                  onChange={(_, checked) => setShowHidden(checked)}
                />
              }
              label="Show versions the policy does not allow"
            />
          )}
          {value && (showHidden || !offered.length) && hidden.length > 0 && (
            <ul aria-label="Versions the policy does not allow">
              {hidden.map(h => (
                <li key={keyOf(h)}>
                  <Typography variant="body2">
                    {formatVersion(h)}: {h.reason}
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </FormControl>
  );
};

/**
 * `ui:field: NkpVersionPicker`: `{ nkp, kubernetes }`, one the policy allows for `operation`
 * and `managementCluster`.
 */
export const nkpVersionPicker: NkpScaffolderField<NkpVersionValue> = {
  name: 'NkpVersionPicker',
  component: NkpVersionPickerComponent,
  schema,
  validation: async (value, validation, { apiHolder, formData }) => {
    const query = versionQuery(formData);
    if (typeof query === 'string') {
      validation.addError(`Version: ${query}`);
      return;
    }
    const options = await apiHolder.get(nkpApiRef)!.getVersionOptions(query);
    for (const e of checkVersion(value, options)) {
      validation.addError(e.message);
    }
  },
};
