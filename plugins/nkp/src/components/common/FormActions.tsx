import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';

/** Cancel and submit of a form dialog; the submit button says what is happening while it runs. */
export const FormActions = (props: {
  onCancel: () => void;
  submitting: boolean;
  label: string;
  busyLabel: string;
  /** The closing button's words, where "Cancel" would be ambiguous (cancelling a plan). */
  dismissLabel?: string;
}) => (
  <DialogActions>
    <Button onClick={props.onCancel}>{props.dismissLabel ?? 'Cancel'}</Button>
    <Button
      type="submit"
      color="primary"
      variant="contained"
      disabled={props.submitting}
    >
      {props.submitting ? props.busyLabel : props.label}
    </Button>
  </DialogActions>
);
