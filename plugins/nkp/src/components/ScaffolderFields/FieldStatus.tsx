import { Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { errorMessage } from '../common/errors';

/**
 * The loading, error and empty states of a picker, the same in every field: a progress bar with
 * a label, an announced error with the server's words and a retry, or a sentence that says why
 * there is nothing to choose. Renders nothing when the picker has its choices.
 */
export const FieldStatus = ({
  what,
  loading,
  error,
  retry,
  empty,
}: {
  /** What was loaded, for the messages: `your groups`, `the workspaces of team-acme`. */
  what: string;
  loading: boolean;
  error?: Error;
  retry?: () => void;
  /** Why there is nothing to choose, when there is nothing. */
  empty?: string;
}) => {
  if (loading) {
    return <Progress aria-label={`Loading ${what}`} />;
  }
  if (error) {
    return (
      <Alert
        severity="error"
        role="alert"
        action={
          retry && (
            <Button color="inherit" size="small" onClick={retry}>
              Retry
            </Button>
          )
        }
      >
        Could not load {what}: {errorMessage(error)}
      </Alert>
    );
  }
  if (empty) {
    return (
      <Alert severity="warning" role="status">
        {empty}
      </Alert>
    );
  }
  return null;
};
