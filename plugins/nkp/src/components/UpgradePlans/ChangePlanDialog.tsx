import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { addDays } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { FormEvent, useState } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpPlanChange, NkpPlanView } from '../../api/types';
import { FormActions } from '../common/FormActions';
import { FormError } from '../common/FormError';
import { useFormSubmit } from '../common/useFormSubmit';

const FIELDS = ['title', 'targetVersion', 'windowDays'] as const;

/**
 * Changes an active plan's title, target or window; only what was changed is sent. Scope, kind
 * and announcement day stay: to change those, cancel the plan and announce another.
 */
export const ChangePlanDialog = (props: {
  plan: NkpPlanView;
  onClose: () => void;
  onChanged: (plan: NkpPlanView) => void;
}) => {
  const { plan, onClose, onChanged } = props;
  const nkpApi = useApi(nkpApiRef);
  const [title, setTitle] = useState(plan.title);
  const [targetVersion, setTargetVersion] = useState(plan.targetVersion);
  const [windowDays, setWindowDays] = useState(
    plan.windowDays !== undefined ? String(plan.windowDays) : '',
  );
  const form = useFormSubmit(FIELDS);
  const days = Number(windowDays);
  const announced = plan.announcedAt.slice(0, 10);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const change: NkpPlanChange = {
      ...(title.trim() !== plan.title ? { title: title.trim() } : {}),
      ...(targetVersion.trim() !== plan.targetVersion
        ? { targetVersion: targetVersion.trim() }
        : {}),
      ...(windowDays.trim() && days !== plan.windowDays
        ? { windowDays: days }
        : {}),
    };
    if (Object.keys(change).length === 0) {
      onClose();
      return;
    }
    const changed = await form.submit(() => nkpApi.changePlan(plan.id, change));
    if (changed) onChanged(changed);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="nkp-change-plan-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="nkp-change-plan-title">
          Change the upgrade plan
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Announced on {announced}. Owners in scope see the change at once; to
            change the scope or the announcement day, cancel the plan and
            announce another.
          </DialogContentText>
          <FormError message={form.message} />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-change-plan-title-field"
            label="Title"
            required
            value={title}
            onChange={e => setTitle(e.target.value)}
            {...form.field('title')}
          />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-change-plan-target"
            label="Target NKP version"
            required
            value={targetVersion}
            onChange={e => setTargetVersion(e.target.value)}
            {...form.field(
              'targetVersion',
              'A minor (2.17) or a patch (2.17.1) of the release calendar',
            )}
          />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-change-plan-window"
            label="Window (days)"
            type="number"
            inputProps={{ min: 1 }}
            value={windowDays}
            onChange={e => setWindowDays(e.target.value)}
            {...form.field(
              'windowDays',
              days > 0
                ? `Deadline ${addDays(announced, days)}`
                : "Empty: the policy's default window",
            )}
          />
        </DialogContent>
        <FormActions
          onCancel={onClose}
          submitting={form.submitting}
          label="Save changes"
          busyLabel="Saving…"
        />
      </form>
    </Dialog>
  );
};
