import { useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpExceptionView } from '../../api/types';
import { FormActions } from '../common/FormActions';
import { FormError } from '../common/FormError';
import { useFormSubmit } from '../common/useFormSubmit';
import { describeTarget } from './describeTarget';

const FIELDS = ['expiresAt', 'comment'] as const;

/** Approves a requested exception, optionally with a shorter expiry and a comment for the audit log. */
export const ApproveExceptionDialog = (props: {
  exception: NkpExceptionView;
  onClose: () => void;
  onApproved: (exception: NkpExceptionView) => void;
}) => {
  const { exception, onClose, onApproved } = props;
  const nkpApi = useApi(nkpApiRef);
  const [expiresAt, setExpiresAt] = useState(exception.expiresAt.slice(0, 10));
  const [comment, setComment] = useState('');
  const form = useFormSubmit(FIELDS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const approved = await form.submit(() =>
      nkpApi.approveException(exception.id, {
        ...(expiresAt && expiresAt !== exception.expiresAt.slice(0, 10)
          ? { expiresAt }
          : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    );
    if (approved) onApproved(approved);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="nkp-approve-exception-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="nkp-approve-exception-title">
          Approve exception
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {describeTarget(exception.target)}, requested by{' '}
            {exception.requestedBy}: “{exception.reason}”
          </DialogContentText>
          <FormError message={form.message} />
          <TextField
            fullWidth
            margin="normal"
            id="nkp-approve-expires"
            label="Ends on"
            type="date"
            value={expiresAt}
            onChange={e => setExpiresAt(e.target.value)}
            {...form.field(
              'expiresAt',
              'Shorten the requested end if you like',
            )}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            id="nkp-approve-comment"
            label="Comment (audit log)"
            value={comment}
            onChange={e => setComment(e.target.value)}
            {...form.field('comment')}
          />
        </DialogContent>
        <FormActions
          onCancel={onClose}
          submitting={form.submitting}
          label="Approve"
          busyLabel="Approving…"
        />
      </form>
    </Dialog>
  );
};
