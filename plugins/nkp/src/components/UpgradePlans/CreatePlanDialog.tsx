import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import {
  MAX_ANNOUNCEMENT_AGE_DAYS,
  UpgradePlanRequirement,
  UpgradePlanScope,
  addDays,
  daysBetween,
  isIsoDay,
  planRequirement,
  utcDay,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpPlanView } from '../../api/types';
import { FormActions } from '../common/FormActions';
import { FormError } from '../common/FormError';
import { useFormSubmit } from '../common/useFormSubmit';

const FIELDS = [
  'title',
  'targetVersion',
  'announcedAt',
  'windowDays',
  'scope',
  'requires',
  'backdated',
] as const;
type Field = (typeof FIELDS)[number];

/** The two kinds of plan, in the words of the form. */
export const REQUIREMENT_LABELS: Record<
  UpgradePlanRequirement,
  { label: string; hint: string }
> = {
  'within-skew': {
    label: 'Management-plane upgrade: managed clusters within the skew',
    hint: 'The management clusters in scope move to the target; that is the platform team’s step. Each cluster they manage must be within the managed skew of the target by the deadline; those that are not block the upgrade.',
  },
  'reach-target': {
    label: 'Every cluster in scope reaches the target',
    hint: 'Each cluster in scope below the target must be upgraded to it by the deadline.',
  },
};

/**
 * Announces an upgrade plan: a target NKP version, the clusters it applies to, what it requires
 * of them, the day it is announced and how long tenants have. The backend validates; its answer
 * is shown per field.
 */
export const CreatePlanDialog = (props: {
  onClose: () => void;
  onCreated: (plan: NkpPlanView) => void;
}) => {
  const { onClose, onCreated } = props;
  const nkpApi = useApi(nkpApiRef);
  // Only a hint for the target field; the form works without it.
  const calendar = useAsync(() => nkpApi.getCalendar(), [nkpApi]);
  const [title, setTitle] = useState('');
  const [targetVersion, setTargetVersion] = useState('');
  const [scopeKind, setScopeKind] = useState<UpgradePlanScope['kind']>('fleet');
  const [scopeName, setScopeName] = useState('');
  const [announcedAt, setAnnouncedAt] = useState(utcDay());
  const [windowDays, setWindowDays] = useState('');
  const [backdated, setBackdated] = useState(false);
  // Until chosen, the kind follows the scope's default.
  const [requiresChoice, setRequiresChoice] =
    useState<UpgradePlanRequirement>();
  const form = useFormSubmit(FIELDS);
  const requires =
    requiresChoice ??
    planRequirement({
      scope:
        scopeKind === 'fleet'
          ? { kind: 'fleet' }
          : { kind: scopeKind, name: scopeName },
    });

  const days = Number(windowDays);
  // An announcement further back than this needs the backdated flag (the backend says why).
  const daysAgo = isIsoDay(announcedAt)
    ? daysBetween(announcedAt, utcDay())
    : 0;
  const needsBackdated = daysAgo > MAX_ANNOUNCEMENT_AGE_DAYS;
  const knownMinors = calendar.value?.nkp.map(r => r.minor).join(', ');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!title.trim())
      missing.title = 'Give the plan a title tenants will recognise.';
    if (!targetVersion.trim())
      missing.targetVersion = 'Enter the NKP version to upgrade to.';
    if (!announcedAt) missing.announcedAt = 'Choose the announcement day.';
    if (scopeKind !== 'fleet' && !scopeName.trim())
      missing.scope = 'Enter the name.';
    if (Object.keys(missing).length) {
      form.reject(missing);
      return;
    }
    const scope: UpgradePlanScope =
      scopeKind === 'fleet'
        ? { kind: 'fleet' }
        : { kind: scopeKind, name: scopeName.trim() };
    const created = await form.submit(() =>
      nkpApi.createPlan({
        title: title.trim(),
        targetVersion: targetVersion.trim(),
        announcedAt,
        scope,
        requires,
        ...(windowDays.trim() ? { windowDays: days } : {}),
        ...(needsBackdated && backdated ? { backdated: true } : {}),
      }),
    );
    if (created) onCreated(created);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="nkp-create-plan-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="nkp-create-plan-title">
          Announce an upgrade plan
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The clusters the plan concerns get a deadline: the announcement day
            plus the window. Owners are reminded before it and lose support
            after it.
          </DialogContentText>
          <FormError message={form.message} />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-plan-title"
            label="Title"
            required
            value={title}
            onChange={e => setTitle(e.target.value)}
            {...form.field(
              'title',
              'e.g. Fleet to NKP 2.17 before the 1.33 end of life',
            )}
          />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-plan-target"
            label="Target NKP version"
            required
            value={targetVersion}
            onChange={e => setTargetVersion(e.target.value)}
            {...form.field(
              'targetVersion',
              `A minor (2.17) or a patch (2.17.1)${
                knownMinors ? `; known minors: ${knownMinors}` : ''
              }`,
            )}
          />
          <Grid container spacing={2}>
            <Grid item xs={12} sm={5}>
              <TextField
                select
                fullWidth
                margin="normal"
                id="nkp-plan-scope"
                label="Scope"
                value={scopeKind}
                onChange={e =>
                  setScopeKind(e.target.value as UpgradePlanScope['kind'])
                }
              >
                <MenuItem value="fleet">Whole fleet</MenuItem>
                <MenuItem value="management-cluster">
                  Management cluster
                </MenuItem>
                <MenuItem value="workspace">Workspace</MenuItem>
              </TextField>
            </Grid>
            <Grid item xs={12} sm={7}>
              {scopeKind !== 'fleet' && (
                <TextField
                  fullWidth
                  margin="normal"
                  id="nkp-plan-scope-name"
                  label={
                    scopeKind === 'workspace'
                      ? 'Workspace name'
                      : 'Management cluster name'
                  }
                  required
                  value={scopeName}
                  onChange={e => setScopeName(e.target.value)}
                  {...form.field(
                    'scope',
                    scopeKind === 'workspace'
                      ? 'The NKP workspace, e.g. acme-retail'
                      : 'The catalog name of the management cluster, e.g. demo-nkp-mgmt',
                  )}
                />
              )}
            </Grid>
          </Grid>
          <FormControl
            component="fieldset"
            margin="normal"
            fullWidth
            error={form.field('requires').error}
          >
            <FormLabel component="legend">The plan requires</FormLabel>
            <RadioGroup
              name="nkp-plan-requires"
              aria-describedby="nkp-plan-requires-hint"
              value={requires}
              onChange={e =>
                setRequiresChoice(e.target.value as UpgradePlanRequirement)
              }
            >
              {(['within-skew', 'reach-target'] as const).map(kind => (
                <FormControlLabel
                  key={kind}
                  value={kind}
                  control={<Radio color="primary" />}
                  label={REQUIREMENT_LABELS[kind].label}
                />
              ))}
            </RadioGroup>
            <FormHelperText id="nkp-plan-requires-hint">
              {form.field('requires').error
                ? form.field('requires').helperText
                : `${REQUIREMENT_LABELS[requires].hint}${
                    requiresChoice
                      ? ''
                      : ' (the default for this scope; choose the other to change it)'
                  }`}
            </FormHelperText>
          </FormControl>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6}>
              <TextField
                fullWidth
                margin="normal"
                id="nkp-plan-announced"
                label="Announced on"
                type="date"
                required
                value={announcedAt}
                onChange={e => setAnnouncedAt(e.target.value)}
                {...form.field('announcedAt', 'Day 0 of the window')}
                InputLabelProps={{ shrink: true }}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                fullWidth
                margin="normal"
                id="nkp-plan-window"
                label="Window (days)"
                type="number"
                inputProps={{ min: 1 }}
                value={windowDays}
                onChange={e => setWindowDays(e.target.value)}
                {...form.field(
                  'windowDays',
                  announcedAt && days > 0
                    ? `Deadline ${addDays(announcedAt, days)}`
                    : "Empty: the policy's default window",
                )}
              />
            </Grid>
          </Grid>
          {needsBackdated && (
            <FormControl
              margin="normal"
              fullWidth
              error={form.field('backdated').error}
            >
              <FormControlLabel
                control={
                  <Checkbox
                    color="primary"
                    checked={backdated}
                    onChange={e => setBackdated(e.target.checked)}
                    inputProps={{
                      'aria-describedby': 'nkp-plan-backdated-hint',
                    }}
                  />
                }
                label={`Backdated: it was announced ${daysAgo} days ago`}
              />
              <FormHelperText id="nkp-plan-backdated-hint">
                {form.field('backdated').helperText ??
                  `An announcement more than ${MAX_ANNOUNCEMENT_AGE_DAYS} days back gives every owner in scope, at once, the reminders and the shorter deadline of a plan they never saw. Confirm only for a plan that was announced elsewhere on that day.`}
              </FormHelperText>
            </FormControl>
          )}
        </DialogContent>
        <FormActions
          onCancel={onClose}
          submitting={form.submitting}
          label="Announce plan"
          busyLabel="Announcing…"
        />
      </form>
    </Dialog>
  );
};
