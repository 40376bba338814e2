/**
 * Release feeds: Kubernetes and NKP release dates in endoflife.date's format
 * (`/api/<product>.json`, an array of `{ cycle, releaseDate, support, eol, latest, ... }`), read
 * from a URL or a file so that the calendar stays current after the plugin ships.
 */
import { ReleaseCalendarOverrides } from '../policy/calendar/types';

/**
 * The products a feed can describe.
 *
 * @public
 */
export type ReleaseFeedProduct = 'kubernetes' | 'nkp';

/**
 * @public
 */
export const RELEASE_FEED_PRODUCTS: readonly ReleaseFeedProduct[] = [
  'kubernetes',
  'nkp',
];

/**
 * Where one product's feed is read from: an HTTP(S) URL, or a file (air-gapped mirrors).
 *
 * @public
 */
export type ReleaseFeedLocation = { url: string } | { file: string };

/**
 * One configured feed.
 *
 * @public
 */
export interface ReleaseFeedSource {
  product: ReleaseFeedProduct;
  location: ReleaseFeedLocation;
}

/**
 * What a feed said, as a calendar layer: the cycles it gave, and why others were skipped.
 *
 * @public
 */
export interface ReleaseFeedData {
  /** The usable cycles as calendar entries (bare ISO dates; the source is added when merged). */
  releases: ReleaseCalendarOverrides;
  /** Entries that were skipped, and why. A feed with warnings was read in part. */
  warnings: string[];
}

/**
 * The outcome of reading one feed once.
 *
 * @public
 */
export type ReleaseFeedResult =
  | { ok: true; source: ReleaseFeedSource; data: ReleaseFeedData }
  | { ok: false; source: ReleaseFeedSource; error: string };

/**
 * Where a feed stands, as `GET /calendar` and `nkp-lifecycle calendar` report it.
 *
 * - `ok`: the last read succeeded (possibly in part: see `warnings`);
 * - `failing`: the last read failed; the data last read (if any, see `lastSuccessAt`) stays in use;
 * - `pending`: not read yet.
 *
 * @public
 */
export interface ReleaseFeedStatus {
  product: ReleaseFeedProduct;
  /** The configured location, as `describeFeedLocation` shows it (no credentials). */
  location: string;
  state: 'ok' | 'failing' | 'pending';
  /** ISO timestamp of the last attempt. */
  lastAttemptAt?: string;
  /** ISO timestamp of the read whose data is in use. */
  lastSuccessAt?: string;
  /** Where the data in use was read, when that is not `location` (the location changed since). */
  dataLocation?: string;
  /** Why the last attempt failed. */
  error?: string;
  /** Minors in the data in use. */
  releases: number;
  /** Entries of the data in use that were skipped. */
  warnings: string[];
}

/**
 * A feed's data as the calendar merges it: its entries and the source every date will carry.
 *
 * @public
 */
export interface ReleaseFeedLayer {
  source: string;
  releases: ReleaseCalendarOverrides;
}
