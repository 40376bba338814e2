import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { FormEvent, ReactNode, useId, useState } from 'react';
import { FormActions } from './FormActions';
import { FormError } from './FormError';
import { useFormSubmit } from './useFormSubmit';

const FIELDS = ['reason'] as const;

/** What the backend asks of a reason (`Reason` in the OpenAPI document). */
const MIN_REASON_LENGTH = 10;

/**
 * Ends something that cannot be taken back (cancel a plan, reject or revoke an exception) with a
 * reason for the audit log and the people concerned. The backend validates; its answer is shown
 * on the field.
 */
export function ReasonDialog<T>(props: {
  title: string;
  /** What happens, in a sentence or two. */
  description: ReactNode;
  label: string;
  busyLabel: string;
  dismissLabel?: string;
  onSubmit: (reason: string) => Promise<T>;
  onClose: () => void;
  onDone: (result: T) => void;
}) {
  const { onSubmit, onClose, onDone } = props;
  const id = useId();
  const [reason, setReason] = useState('');
  const form = useFormSubmit(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON_LENGTH) {
      form.reject({
        reason: `Say why, in at least ${MIN_REASON_LENGTH} characters.`,
      });
      return;
    }
    const result = await form.submit(() => onSubmit(reason.trim()));
    if (result !== undefined) onDone(result);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText id={`${id}-description`}>
            {props.description}
          </DialogContentText>
          <FormError message={form.message} />
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            id={`${id}-reason`}
            label="Reason"
            required
            value={reason}
            onChange={e => setReason(e.target.value)}
            {...form.field(
              'reason',
              'Written to the audit log and shown with the record',
            )}
          />
        </DialogContent>
        <FormActions
          onCancel={onClose}
          submitting={form.submitting}
          label={props.label}
          busyLabel={props.busyLabel}
          dismissLabel={props.dismissLabel}
        />
      </form>
    </Dialog>
  );
}
