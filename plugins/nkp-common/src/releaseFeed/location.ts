/**
 * How a feed location is shown and cited: a URL without credentials or query (either can hold a
 * secret), or the file path.
 */
import { ReleaseFeedLocation } from './types';

/**
 * The location as logs, the calendar page and date sources show it.
 *
 * @public
 */
export function describeFeedLocation(location: ReleaseFeedLocation): string {
  if ('file' in location) return location.file;
  try {
    const url = new URL(location.url);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}

/**
 * The source a feed's dates carry in the calendar, e.g.
 * `release feed https://endoflife.date/api/kubernetes.json, read 2026-03-01`.
 *
 * @public
 */
export function feedDateSource(
  location: ReleaseFeedLocation | string,
  readAt: string,
): string {
  const where =
    typeof location === 'string' ? location : describeFeedLocation(location);
  return `release feed ${where}, read ${readAt.slice(0, 10)}`;
}
