/**
 * The calendar as lists in version order (1.9 before 1.10), the way the API serves it and the
 * CLI prints it.
 */
import { minorSortKey } from '../minor';
import {
  KubernetesMinorRelease,
  NkpMinorRelease,
  ReleaseCalendar,
} from './types';

/**
 * The Kubernetes and NKP minors of a calendar, oldest first.
 *
 * @public
 */
export function releasesInVersionOrder(calendar: ReleaseCalendar): {
  kubernetes: KubernetesMinorRelease[];
  nkp: NkpMinorRelease[];
} {
  const byMinor = (a: { minor: string }, b: { minor: string }) =>
    minorSortKey(a.minor) - minorSortKey(b.minor);
  return {
    kubernetes: Object.values(calendar.kubernetes).sort(byMinor),
    nkp: Object.values(calendar.nkp).sort(byMinor),
  };
}
