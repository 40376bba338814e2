/**
 * UTC calendar-day arithmetic. The policy works at day granularity: every date it reads is reduced
 * to its UTC day, and every date it writes is an ISO date (`2026-03-01`). Internally days are
 * integers (days since 1970-01-01 UTC) so that comparing and subtracting them is exact and cheap;
 * luxon does the parsing and formatting, memoised because a fleet repeats the same few dates.
 */
import { DateTime } from 'luxon';

const MS_PER_DAY = 86_400_000;
const dayCache = new Map<string, number | undefined>();
const isoCache = new Map<number, string>();

/** A UTC day as an integer: days since 1970-01-01. */
export type DayNumber = number;

/**
 * The UTC day of an ISO date or timestamp (`2026-03-01`, `2026-03-01T23:30:00+02:00`), or
 * `undefined` when the input is not a valid ISO date: callers report that as `unknown`.
 */
export function toDay(input: string | undefined | null): DayNumber | undefined {
  if (typeof input !== 'string') {
    return undefined;
  }
  if (dayCache.has(input)) {
    return dayCache.get(input);
  }
  const dt = DateTime.fromISO(input.trim(), {
    zone: 'utc',
    setZone: false,
  }).toUTC();
  const day = dt.isValid
    ? Math.floor(dt.startOf('day').toMillis() / MS_PER_DAY)
    : undefined;
  // The cache is bounded in practice (dates in a fleet repeat), but guard against unbounded input.
  if (dayCache.size > 100_000) {
    dayCache.clear();
  }
  dayCache.set(input, day);
  return day;
}

/** The UTC day of `now` as the engine's callers pass it (a `Date` or an ISO string). */
export function dayOf(now: Date | string): DayNumber | undefined {
  if (now instanceof Date) {
    const ms = now.getTime();
    return Number.isNaN(ms) ? undefined : Math.floor(ms / MS_PER_DAY);
  }
  return toDay(now);
}

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function toIsoDate(day: DayNumber): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = DateTime.fromMillis(day * MS_PER_DAY, { zone: 'utc' }).toISODate()!;
    if (isoCache.size > 100_000) {
      isoCache.clear();
    }
    isoCache.set(day, iso);
  }
  return iso;
}

/**
 * The UTC day of `now` as an ISO date (`2026-03-01`): the day the engine evaluates on, and the
 * "today" every part of the suite counts deadlines from.
 *
 * @public
 */
export function utcDay(now: Date | string = new Date()): string {
  const day = dayOf(now);
  if (day === undefined) {
    throw new TypeError(`Not a date: '${String(now)}'`);
  }
  return toIsoDate(day);
}

/**
 * True when `input` is an ISO date or timestamp of a real calendar day (`2027-02-30` is not).
 *
 * @public
 */
export function isIsoDay(input: string | undefined | null): boolean {
  return toDay(input) !== undefined;
}

/**
 * Whole UTC days from `from` to `to` (ISO dates or timestamps); negative when `to` is earlier.
 *
 * @public
 */
export function daysBetween(from: string, to: string): number {
  const a = toDay(from);
  const b = toDay(to);
  if (a === undefined || b === undefined) {
    throw new TypeError(`Not an ISO date: '${a === undefined ? from : to}'`);
  }
  return b - a;
}

/**
 * The ISO date `days` after the UTC day of `iso` (before it when negative).
 *
 * @public
 */
export function addDays(iso: string, days: number): string {
  const day = toDay(iso);
  if (day === undefined) throw new TypeError(`Not an ISO date: '${iso}'`);
  return toIsoDate(day + days);
}
