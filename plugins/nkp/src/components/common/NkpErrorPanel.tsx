import { ResponseErrorPanel } from '@backstage/core-components';
import { errorMessage } from './errors';

/**
 * A failed read: what could not be loaded and the server's own words in the visible title (the
 * panel keeps them behind a fold otherwise), with the full error below for support.
 */
export const NkpErrorPanel = ({
  title,
  error,
}: {
  title: string;
  error: Error;
}) => (
  <ResponseErrorPanel
    error={error}
    title={`${title}: ${errorMessage(error)}`}
  />
);
