/**
 * The calendar turned into lookup tables for one evaluation (`today` fixed), so that rules answer
 * in O(1) per cluster: day numbers instead of date strings, and NKP minors in release order.
 */
import { DayNumber, toDay } from '../days';
import { minorSortKey } from '../minor';
import {
  KubernetesMinorRelease,
  NkpMinorRelease,
  ReleaseCalendar,
} from './types';

/** A Kubernetes minor with its dates as day numbers. */
export interface PreparedKubernetesMinor {
  entry: KubernetesMinorRelease;
  releaseDay?: DayNumber;
  endOfStandardSupportDay?: DayNumber;
  endOfLifeDay?: DayNumber;
}

/** An NKP minor with its dates as day numbers and its place in the release order. */
export interface PreparedNkpMinor {
  entry: NkpMinorRelease;
  releaseDay?: DayNumber;
  endOfLifeDay?: DayNumber;
  /** Position among released NKP minors, oldest first; `undefined` if not released yet. */
  index?: number;
}

/** Lookup tables over a calendar, as of one day. */
export interface PreparedCalendar {
  today: DayNumber;
  kubernetes: Map<string, PreparedKubernetesMinor>;
  nkp: Map<string, PreparedNkpMinor>;
  /** Released NKP minors, oldest first. NKP does not skip minors, so this is also the upgrade order. */
  nkpReleased: string[];
  /** Known Kubernetes minors, oldest first. */
  kubernetesOrder: string[];
}

/** Builds the lookup tables for `today`. */
export function prepareCalendar(
  calendar: ReleaseCalendar,
  today: DayNumber,
): PreparedCalendar {
  const kubernetes = new Map<string, PreparedKubernetesMinor>();
  for (const entry of Object.values(calendar.kubernetes)) {
    kubernetes.set(entry.minor, {
      entry,
      releaseDay: toDay(entry.releaseDate?.date),
      endOfStandardSupportDay: toDay(entry.endOfStandardSupport?.date),
      endOfLifeDay: toDay(entry.endOfLife?.date),
    });
  }
  const nkp = new Map<string, PreparedNkpMinor>();
  for (const entry of Object.values(calendar.nkp)) {
    nkp.set(entry.minor, {
      entry,
      releaseDay: toDay(entry.releaseDate?.date),
      endOfLifeDay: toDay(entry.endOfLife?.date),
    });
  }
  // A minor without a release date is taken as released: it is only in the calendar because
  // someone (app-config, a served Release) said it exists.
  const nkpReleased = [...nkp.values()]
    .filter(n => n.releaseDay === undefined || n.releaseDay <= today)
    .map(n => n.entry.minor)
    .sort((a, b) => minorSortKey(a) - minorSortKey(b));
  nkpReleased.forEach((minor, index) => {
    nkp.get(minor)!.index = index;
  });
  const kubernetesOrder = [...kubernetes.keys()].sort(
    (a, b) => minorSortKey(a) - minorSortKey(b),
  );
  return { today, kubernetes, nkp, nkpReleased, kubernetesOrder };
}

/** The newest released NKP minor, if any. */
export function newestNkpMinor(calendar: PreparedCalendar): string | undefined {
  return calendar.nkpReleased[calendar.nkpReleased.length - 1];
}

/** The default (newest) Kubernetes minor an NKP minor ships. */
export function defaultKubernetesMinor(
  nkpMinor: PreparedNkpMinor | undefined,
): string | undefined {
  const list = nkpMinor?.entry.kubernetesMinors;
  return list && list.length > 0 ? list[list.length - 1] : undefined;
}

/**
 * The oldest released NKP minor whose default Kubernetes minor is at least `kubernetesMinor`:
 * the NKP release a cluster must reach to run that Kubernetes minor.
 */
export function nkpMinorForKubernetes(
  calendar: PreparedCalendar,
  kubernetesMinor: string,
): string | undefined {
  const wanted = minorSortKey(kubernetesMinor);
  for (const minor of calendar.nkpReleased) {
    const k8s = defaultKubernetesMinor(calendar.nkp.get(minor));
    if (k8s !== undefined && minorSortKey(k8s) >= wanted) {
      return minor;
    }
  }
  return undefined;
}
