/**
 * `nkp.calendar.feed` in app-config: which release feeds to read, from where and how often. The
 * backend and the CLI read it through here. Kubernetes is read from endoflife.date unless told
 * otherwise; NKP has no public feed, so it is read only when a location is configured (a mirror
 * in endoflife.date's format, e.g. one the platform team maintains).
 */
import { z } from 'zod';
import { PolicyInputError, parsePolicyInput } from '../policy/settings';
import { ReleaseFeedProduct, ReleaseFeedSource } from './types';

/**
 * endoflife.date's API, whose `/<product>.json` documents the format.
 *
 * @public
 */
export const DEFAULT_FEED_BASE_URL = 'https://endoflife.date/api';

/**
 * Minutes between reads of the release feeds: twice a day.
 *
 * @public
 */
export const DEFAULT_FEED_REFRESH_MINUTES = 720;

/**
 * How long a read of a release feed may take.
 *
 * @public
 */
export const DEFAULT_FEED_TIMEOUT_SECONDS = 30;

const httpUrl = z
  .string()
  .url({ message: 'must be an http(s) URL' })
  .refine(v => /^https?:\/\//i.test(v), { message: 'must be an http(s) URL' });

const productFeed = z
  .object({
    /** Default true. */
    enabled: z.boolean().default(true),
    /** The product's name under `baseUrl`: `<baseUrl>/<product>.json`. */
    product: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, {
        message: 'must be a product name such as kubernetes',
      })
      .optional(),
    /** The feed's own URL; wins over `baseUrl` and `product`. */
    url: httpUrl.optional(),
    /** A file in the same format (air-gapped mirrors); relative to the working directory. */
    file: z.string().min(1).optional(),
  })
  .strict()
  .refine(f => !(f.url && f.file), {
    message: 'give either url or file, not both',
  });

/**
 * zod schema of `nkp.calendar.feed`.
 *
 * @public
 */
const releaseFeedConfigSchema = z
  .object({
    baseUrl: httpUrl.default(DEFAULT_FEED_BASE_URL),
    refreshIntervalMinutes: z
      .number()
      .int()
      .min(5)
      .default(DEFAULT_FEED_REFRESH_MINUTES),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(300)
      .default(DEFAULT_FEED_TIMEOUT_SECONDS),
    kubernetes: productFeed.default({}),
    nkp: productFeed.optional(),
  })
  .strict();

/**
 * The feeds to read and how.
 *
 * @public
 */
export interface ReleaseFeedSettings {
  sources: ReleaseFeedSource[];
  refreshIntervalMinutes: number;
  timeoutSeconds: number;
}

/**
 * Validates `nkp.calendar.feed` and resolves each product's location. `undefined` (no feed
 * configured) reads none. Throws a `PolicyInputError` naming the key, e.g.
 * `nkp.calendar.feed.nkp: give a url, a file or a product: NKP has no public feed`.
 *
 * @public
 */
export function parseReleaseFeedSettings(
  input: unknown,
  configKey: string = 'nkp.calendar.feed',
): ReleaseFeedSettings | undefined {
  if (input === undefined || input === null) return undefined;
  const config = parsePolicyInput(
    releaseFeedConfigSchema,
    input,
    `config ${configKey}`,
    configKey,
  );
  const sources: ReleaseFeedSource[] = [];
  const add = (
    product: ReleaseFeedProduct,
    feed: z.output<typeof productFeed> | undefined,
    defaultProduct?: string,
  ) => {
    if (!feed?.enabled) return;
    if (feed.file) {
      sources.push({ product, location: { file: feed.file } });
      return;
    }
    const name = feed.product ?? defaultProduct;
    if (!feed.url && !name) {
      throw new PolicyInputError(
        `Invalid config ${configKey}: ${configKey}.${product}: give a url, a file or a product (NKP has no public feed)`,
      );
    }
    const url =
      feed.url ?? `${config.baseUrl.replace(/\/+$/, '')}/${name}.json`;
    sources.push({ product, location: { url } });
  };
  add('kubernetes', config.kubernetes, 'kubernetes');
  add('nkp', config.nkp);
  return {
    sources,
    refreshIntervalMinutes: config.refreshIntervalMinutes,
    timeoutSeconds: config.timeoutSeconds,
  };
}
