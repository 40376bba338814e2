/**
 * Reads the body of an endoflife.date-compatible feed (`/api/<product>.json`): an array of
 * release cycles such as
 * `{ "cycle": "1.34", "releaseDate": "2025-08-27", "support": "2026-08-27", "eol": "2026-10-27", "latest": "1.34.1" }`.
 * `support` (end of active support) becomes the end of standard support, `eol` the end of life;
 * a boolean instead of a date says whether it has passed without saying when, so it gives no date.
 * NKP feeds may carry `supportedKubernetesVersions` (a list, `"1.33, 1.34"` or `"1.32 - 1.34"`),
 * which becomes the Kubernetes minors the NKP minor ships.
 *
 * A cycle that makes no sense (no readable version, a date that is not a date, an end before its
 * release, the wrong product) is skipped with a warning and the rest is used. A body that is not
 * a list of cycles, or has no usable one, is refused as a whole: the caller keeps its last good
 * data.
 */
import { toDay, toIsoDate } from '../policy/days';
import { parseMinor } from '../policy/minor';
import { ReleaseCalendarOverrides } from '../policy/calendar/types';
import { plural } from '../text/plural';
import { ReleaseFeedData, ReleaseFeedProduct } from './types';

/**
 * A feed that cannot be used at all.
 *
 * @public
 */
export class ReleaseFeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseFeedError';
  }
}

type KubernetesEntry = NonNullable<
  ReleaseCalendarOverrides['kubernetes']
>[number];
type NkpEntry = NonNullable<ReleaseCalendarOverrides['nkp']>[number];

/** The majors each product's minors have: a Kubernetes feed of 2.x cycles is the wrong feed. */
const MAJOR_OK: Record<ReleaseFeedProduct, (major: number) => boolean> = {
  kubernetes: major => major === 1,
  nkp: major => major >= 2,
};

/**
 * The usable cycles of a feed body (already parsed from JSON), with a warning per skipped entry.
 * Throws `ReleaseFeedError` when nothing in it can be used.
 *
 * @public
 */
export function parseReleaseFeed(
  product: ReleaseFeedProduct,
  body: unknown,
): ReleaseFeedData {
  if (!Array.isArray(body)) {
    throw new ReleaseFeedError(
      `expected a JSON array of release cycles (endoflife.date's /api/<product>.json), got ${describe(
        body,
      )}`,
    );
  }
  if (body.length === 0) {
    throw new ReleaseFeedError('the feed lists no release cycles');
  }
  const warnings: string[] = [];
  const kubernetes: KubernetesEntry[] = [];
  const nkp: NkpEntry[] = [];
  const seen = new Set<string>();
  body.forEach((raw, index) => {
    const skip = (why: string) =>
      warnings.push(`entry [${index}] skipped: ${why}`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      skip(`expected an object, got ${describe(raw)}`);
      return;
    }
    const cycle = (raw as Record<string, unknown>).cycle;
    if (typeof cycle !== 'string') {
      // A number cannot tell 1.3 from 1.30.
      skip(`cycle must be a string such as "1.34", got ${describe(cycle)}`);
      return;
    }
    const version = parseMinor(cycle);
    if (!version) {
      skip(`cycle "${cycle}" is not a version such as 1.34`);
      return;
    }
    if (!MAJOR_OK[product](version.major)) {
      skip(
        `cycle "${cycle}" is not ${
          product === 'nkp' ? 'an NKP' : 'a Kubernetes'
        } version`,
      );
      return;
    }
    const minor = version.minorVersion;
    if (seen.has(minor)) {
      skip(`cycle ${minor} is listed twice; the first is used`);
      return;
    }
    const entry = raw as Record<string, unknown>;
    const dates: Record<'releaseDate' | 'support' | 'eol', string | undefined> =
      { releaseDate: undefined, support: undefined, eol: undefined };
    for (const key of ['releaseDate', 'support', 'eol'] as const) {
      const value = entry[key];
      if (value === undefined || value === null || typeof value === 'boolean')
        continue;
      const day = typeof value === 'string' ? toDay(value) : undefined;
      if (day === undefined) {
        skip(`cycle ${minor}: ${key} ${describe(value)} is not an ISO date`);
        return;
      }
      dates[key] = toIsoDate(day);
    }
    const { releaseDate, support, eol } = dates;
    const before = (a?: string, b?: string) => a && b && b < a;
    if (before(releaseDate, eol) || before(releaseDate, support)) {
      skip(`cycle ${minor} ends before it was released`);
      return;
    }
    if (before(support, eol)) {
      skip(
        `cycle ${minor}: eol ${eol} is before the end of support ${support}`,
      );
      return;
    }
    seen.add(minor);
    if (product === 'kubernetes') {
      kubernetes.push({
        minor,
        ...(releaseDate ? { releaseDate } : {}),
        ...(support ? { endOfStandardSupport: support } : {}),
        ...(eol ? { endOfLife: eol } : {}),
      });
      return;
    }
    const k8s = kubernetesMinors(entry.supportedKubernetesVersions);
    if (k8s === 'invalid') {
      skip(
        `cycle ${minor}: supportedKubernetesVersions must be a list of versions, "1.33, 1.34" or "1.32 - 1.34"`,
      );
      return;
    }
    nkp.push({
      minor,
      ...(k8s ? { kubernetesMinors: k8s } : {}),
      ...(releaseDate ? { releaseDate } : {}),
      ...(eol ? { endOfLife: eol } : {}),
    });
  });
  const used = kubernetes.length + nkp.length;
  if (used === 0) {
    throw new ReleaseFeedError(
      `none of its ${plural(
        body.length,
        'entry',
        'entries',
      )} is usable: ${warnings.slice(0, 3).join('; ')}${
        warnings.length > 3 ? '; …' : ''
      }`,
    );
  }
  return {
    releases: product === 'kubernetes' ? { kubernetes } : { nkp },
    warnings,
  };
}

/** `undefined` when absent; the minors, oldest first; `'invalid'` when unreadable. */
function kubernetesMinors(value: unknown): string[] | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  let versions: string[];
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
    versions = value;
  } else if (typeof value === 'string') {
    const range = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(value);
    if (range) {
      const [from, to] = [parseMinor(range[1]), parseMinor(range[2])];
      if (!from || !to || from.major !== to.major || from.minor > to.minor)
        return 'invalid';
      versions = [];
      for (let m = from.minor; m <= to.minor; m++)
        versions.push(`${from.major}.${m}`);
    } else {
      versions = value.split(',').map(v => v.trim());
    }
  } else {
    return 'invalid';
  }
  const minors = versions.map(v => parseMinor(v)?.minorVersion);
  if (minors.length === 0 || minors.some(m => m === undefined))
    return 'invalid';
  return [...new Set(minors as string[])];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
