import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import {
  PolicyState,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { ComponentType, PropsWithChildren } from 'react';

// overdue and unsupported share the error icon; the word next to it tells them apart.
const STATUS: Record<PolicyState, ComponentType<PropsWithChildren<{}>>> = {
  compliant: StatusOK,
  'upgrade-due': StatusWarning,
  overdue: StatusError,
  unsupported: StatusError,
  unknown: StatusPending,
};

/**
 * A policy state as an icon plus its word, so it reads without colour and to screen readers.
 *
 * @public
 */
export const PolicyStateLabel = ({ state }: { state: PolicyState }) => {
  const Status = (STATUS[state] ?? StatusPending) as ComponentType<
    PropsWithChildren<{ 'aria-hidden'?: boolean }>
  >;
  // core-components marks its status labels aria-hidden; here the word is the information, so
  // it must reach assistive technology.
  return <Status aria-hidden={false}>{state}</Status>;
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
    return `${deadline} (in ${plural(daysLeft, 'day')})`;
  }
  if (daysLeft === 0) {
    return `${deadline} (today)`;
  }
  return `${deadline} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago)`;
}
