import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { PolicyState } from '@nkp-lifecycle/backstage-plugin-nkp-common';

const STATUS: Record<PolicyState, (props: { children?: React.ReactNode }) => JSX.Element> = {
  compliant: StatusOK,
  'upgrade-due': StatusWarning,
  overdue: StatusError,
  unsupported: StatusAborted,
  unknown: StatusPending,
};

/**
 * A policy state as an icon plus its word, so it reads without colour and to screen readers.
 *
 * @public
 */
export const PolicyStateLabel = ({ state }: { state: PolicyState }) => {
  const Status = STATUS[state] ?? StatusPending;
  return <Status>{state}</Status>;
};

/**
 * A deadline as its date and the days left or past, e.g. `2027-01-15 (in 12 days)`.
 *
 * @public
 */
export function describeDeadline(deadline?: string, daysLeft?: number): string {
  if (!deadline) {
    return '—';
  }
  if (daysLeft === undefined) {
    return deadline;
  }
  if (daysLeft > 0) {
    return `${deadline} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'})`;
  }
  if (daysLeft === 0) {
    return `${deadline} (today)`;
  }
  return `${deadline} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago)`;
}
