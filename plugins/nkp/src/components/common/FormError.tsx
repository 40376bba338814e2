import Alert from '@material-ui/lab/Alert';

/**
 * The error of a form. `role="alert"` makes screen readers announce it as soon as it appears.
 */
export const FormError = ({ message }: { message?: string }) =>
  message ? (
    <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
      {message}
    </Alert>
  ) : null;
