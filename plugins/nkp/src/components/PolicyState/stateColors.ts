import { Theme, darken } from '@material-ui/core/styles';
import { PolicyState } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/**
 * The fill of each state in pictures (the state bar, the tenant bars). Taken from the theme's
 * status palette so that the pictures match the status icons; unsupported is a darker red than
 * overdue. Pictures always carry the state's word too.
 */
export function stateColor(theme: Theme, state: PolicyState): string {
  const status = theme.palette.status;
  switch (state) {
    case 'compliant':
      return status.ok;
    case 'upgrade-due':
      return status.warning;
    case 'overdue':
      return status.error;
    case 'unsupported':
      return darken(status.error, 0.4);
    default:
      return status.aborted;
  }
}

/** Text colour with enough contrast on the state's fill. */
export function stateTextColor(theme: Theme, state: PolicyState): string {
  return theme.palette.getContrastText(stateColor(theme, state));
}
