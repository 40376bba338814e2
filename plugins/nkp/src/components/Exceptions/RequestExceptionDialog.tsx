import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import {
  POLICY_RULE_IDS,
  PolicyRuleId,
  addDays,
  utcDay,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { FormEvent, useState } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpExceptionView } from '../../api/types';
import { ownerLabel } from '../common/ownerLabel';
import { FormActions } from '../common/FormActions';
import { FormError } from '../common/FormError';
import { RULE_LABELS } from '../common/ruleLabels';
import { useFormSubmit } from '../common/useFormSubmit';

const FIELDS = ['target', 'rule', 'reason', 'expiresAt'] as const;

/**
 * Asks for a time-boxed exception for one cluster, or for every cluster of its owner. The
 * backend judges the request (reason long enough, expiry in the future, target visible) and its
 * answer is shown as is: one source of truth for the rules.
 */
export const RequestExceptionDialog = (props: {
  open: boolean;
  cluster: { entityRef: string; name: string; title?: string; owner?: string };
  onClose: () => void;
  onRequested: (exception: NkpExceptionView) => void;
}) => {
  const { open, cluster, onClose, onRequested } = props;
  const nkpApi = useApi(nkpApiRef);
  const [targetKind, setTargetKind] = useState<'cluster' | 'owner'>('cluster');
  const [rule, setRule] = useState<PolicyRuleId | ''>('');
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState(addDays(utcDay(), 30));
  const form = useFormSubmit(FIELDS);
  const name = cluster.title ?? cluster.name;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!reason.trim())
      missing.reason = 'Say why the cluster cannot be upgraded in time.';
    if (!expiresAt) missing.expiresAt = 'Choose the day the exception ends.';
    if (Object.keys(missing).length) {
      form.reject(missing);
      return;
    }
    const created = await form.submit(() =>
      nkpApi.requestException({
        target:
          targetKind === 'owner' && cluster.owner
            ? { owner: cluster.owner }
            : { cluster: cluster.entityRef },
        ...(rule ? { rule } : {}),
        reason: reason.trim(),
        expiresAt,
      }),
    );
    if (created) onRequested(created);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="nkp-request-exception-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="nkp-request-exception-title">
          Request an exception for {name}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            An exception keeps the cluster supported past its deadline until the
            day it ends. It counts once the platform team approves it, and it is
            never permanent.
          </DialogContentText>
          <FormError message={form.message} />
          {cluster.owner && (
            <FormControl component="fieldset" margin="normal" fullWidth>
              <FormLabel component="legend">Applies to</FormLabel>
              <RadioGroup
                row
                name="target"
                value={targetKind}
                onChange={e =>
                  setTargetKind(e.target.value as 'cluster' | 'owner')
                }
              >
                <FormControlLabel
                  value="cluster"
                  control={<Radio />}
                  label={`This cluster (${name})`}
                />
                <FormControlLabel
                  value="owner"
                  control={<Radio />}
                  label={`Every cluster of ${ownerLabel(cluster.owner)}`}
                />
              </RadioGroup>
            </FormControl>
          )}
          <TextField
            select
            fullWidth
            margin="normal"
            id="nkp-exception-rule"
            label="Rule"
            value={rule}
            onChange={e => setRule(e.target.value as PolicyRuleId | '')}
            {...form.field(
              'rule',
              'The rule the exception lets the cluster break',
            )}
            SelectProps={{ displayEmpty: true }}
            InputLabelProps={{ shrink: true }}
          >
            <MenuItem value="">Every rule</MenuItem>
            {POLICY_RULE_IDS.map(id => (
              <MenuItem key={id} value={id}>
                {RULE_LABELS[id]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            id="nkp-exception-reason"
            label="Reason"
            required
            value={reason}
            onChange={e => setReason(e.target.value)}
            {...form.field(
              'reason',
              'Why the cluster cannot be upgraded in time, and what happens meanwhile',
            )}
          />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-exception-expires"
            label="Ends on"
            type="date"
            required
            value={expiresAt}
            onChange={e => setExpiresAt(e.target.value)}
            {...form.field(
              'expiresAt',
              'The first day the exception no longer counts; the policy may cap its length',
            )}
            InputLabelProps={{ shrink: true }}
          />
        </DialogContent>
        <FormActions
          onCancel={onClose}
          submitting={form.submitting}
          label="Request exception"
          busyLabel="Requesting…"
        />
      </form>
    </Dialog>
  );
};
