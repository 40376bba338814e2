/**
 * Builds the calendar from its layers: shipped data < release feeds (endoflife.date-compatible,
 * read by the backend and the CLI) < app-config < NKP `Release` objects served by a management
 * cluster. Later layers win field by field, so app-config can correct one date without restating
 * the rest. Bad entries are skipped with a warning, never thrown: one typo in app-config must not
 * take the whole policy down.
 */
import { minorSortKey, parseMinor } from '../minor';
import { toDay, toIsoDate } from '../days';
import { SHIPPED_KUBERNETES_RELEASES, SHIPPED_NKP_RELEASES } from './shipped';
import {
  ConfiguredDate,
  DatedFact,
  KubernetesMinorRelease,
  NkpMinorRelease,
  ReleaseCalendar,
  ReleaseCalendarOverrides,
  ServedNkpRelease,
} from './types';

/** The dates app-config may set, per kind of release. */
const KUBERNETES_DATES = [
  'releaseDate',
  'endOfStandardSupport',
  'endOfLife',
] as const;
const NKP_DATES = ['releaseDate', 'endOfLife'] as const;

/**
 * The layers of the calendar, lowest precedence first.
 *
 * @public
 */
export interface ReleaseCalendarLayers {
  /** Defaults to the calendar shipped with the plugin. */
  shipped?: {
    kubernetes: readonly KubernetesMinorRelease[];
    nkp: readonly NkpMinorRelease[];
  };
  /**
   * From release feeds, each with the source its dates carry (which feed, read when). Feeds are
   * read outside the engine; this is their last good data.
   */
  feeds?: ReadonlyArray<{ source: string; releases: ReleaseCalendarOverrides }>;
  /** From app-config. */
  overrides?: ReleaseCalendarOverrides;
  /** From NKP `Release` objects, when the management cluster serves them. */
  served?: readonly ServedNkpRelease[];
}

const APP_CONFIG = 'app-config';

/**
 * Merges the calendar layers into one calendar.
 *
 * @public
 */
export function buildReleaseCalendar(
  layers: ReleaseCalendarLayers = {},
): ReleaseCalendar {
  const shipped = layers.shipped ?? {
    kubernetes: SHIPPED_KUBERNETES_RELEASES,
    nkp: SHIPPED_NKP_RELEASES,
  };
  const warnings: string[] = [];
  const kubernetes: Record<string, KubernetesMinorRelease> = {};
  const nkp: Record<string, NkpMinorRelease> = {};
  const calendar: ReleaseCalendar = { kubernetes, nkp, warnings };

  for (const entry of shipped.kubernetes) {
    const minor = minorOf(entry.minor, 'shipped Kubernetes', warnings);
    if (minor) {
      kubernetes[minor] = { ...entry, minor };
    }
  }
  for (const entry of shipped.nkp) {
    const minor = minorOf(entry.minor, 'shipped NKP', warnings);
    if (minor) {
      nkp[minor] = {
        ...entry,
        minor,
        kubernetesMinors: minors(entry.kubernetesMinors, warnings),
      };
    }
  }

  for (const feed of layers.feeds ?? []) {
    applyLayer(feed.releases, `feed ${feed.source}`, feed.source, calendar);
  }
  if (layers.overrides) {
    applyLayer(layers.overrides, APP_CONFIG, APP_CONFIG, calendar);
  }

  for (const [minor, served] of groupServed(layers.served ?? [], warnings)) {
    const merged: NkpMinorRelease = {
      ...(nkp[minor] ?? {
        minor,
        kubernetesMinors: [],
        kubernetesSource: served.source,
      }),
    };
    if (served.kubernetesMinors.length > 0) {
      merged.kubernetesMinors = served.kubernetesMinors;
      merged.kubernetesSource = served.source;
    }
    setDate(merged, 'releaseDate', served.releaseDate);
    setDate(merged, 'endOfLife', served.endOfLife);
    nkp[minor] = merged;
  }

  return calendar;
}

/**
 * Merges one layer of `ReleaseCalendarOverrides` over the calendar, field by field. `where` names
 * the layer in warnings; `source` is what its dates and Kubernetes mappings say they come from
 * when an entry does not say otherwise.
 */
function applyLayer(
  layer: ReleaseCalendarOverrides,
  where: string,
  source: string,
  calendar: ReleaseCalendar,
) {
  const { kubernetes, nkp, warnings } = calendar;
  for (const entry of layer.kubernetes ?? []) {
    const minor = minorOf(entry.minor, `${where} Kubernetes`, warnings);
    if (!minor) continue;
    const at = `${where} Kubernetes ${minor}`;
    const merged: KubernetesMinorRelease = {
      ...(kubernetes[minor] ?? { minor }),
    };
    for (const key of KUBERNETES_DATES) {
      setDate(merged, key, configuredDate(entry[key], at, source, warnings));
    }
    kubernetes[minor] = merged;
  }
  for (const entry of layer.nkp ?? []) {
    const minor = minorOf(entry.minor, `${where} NKP`, warnings);
    if (!minor) continue;
    const at = `${where} NKP ${minor}`;
    const merged: NkpMinorRelease = {
      ...(nkp[minor] ?? {
        minor,
        kubernetesMinors: [],
        kubernetesSource: source,
      }),
    };
    if (entry.kubernetesMinors) {
      merged.kubernetesMinors = minors(entry.kubernetesMinors, warnings);
      merged.kubernetesSource = source;
    }
    for (const key of NKP_DATES) {
      setDate(merged, key, configuredDate(entry[key], at, source, warnings));
    }
    nkp[minor] = merged;
  }
}

function minorOf(
  input: string,
  where: string,
  warnings: string[],
): string | undefined {
  const parsed = parseMinor(input);
  if (!parsed) {
    warnings.push(
      `${where} entry '${input}' skipped: expected a version like 1.34 or 2.17.1`,
    );
  }
  return parsed?.minorVersion;
}

function minors(inputs: readonly string[], warnings: string[]): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    const minor = minorOf(input, 'Kubernetes version', warnings);
    if (minor) out.add(minor);
  }
  return [...out].sort((a, b) => minorSortKey(a) - minorSortKey(b));
}

function isoDate(input: string | undefined, where: string, warnings: string[]) {
  if (input === undefined || input === '') return undefined;
  const day = toDay(input);
  if (day === undefined) {
    warnings.push(`${where}: '${input}' is not an ISO date, ignored`);
    return undefined;
  }
  return toIsoDate(day);
}

function configuredDate(
  input: ConfiguredDate | undefined,
  where: string,
  source: string,
  warnings: string[],
): DatedFact | undefined {
  if (input === undefined) return undefined;
  const raw = typeof input === 'string' ? { date: input } : input;
  const date = isoDate(raw.date, where, warnings);
  if (!date) return undefined;
  const fact: DatedFact = { date, source: raw.source ?? source };
  if (raw.inferred) fact.inferred = true;
  return fact;
}

function setDate<T extends object, K extends keyof T>(
  target: T,
  key: K,
  fact: T[K] | undefined,
) {
  if (fact !== undefined) {
    target[key] = fact;
  }
}

interface ServedMinor {
  source: string;
  kubernetesMinors: string[];
  releaseDate?: DatedFact;
  endOfLife?: DatedFact;
}

/**
 * Several served `Release` objects can describe one minor (2.17.0, 2.17.1). The minor was released
 * with its first patch and is supported until its last one's end of life, and it supports every
 * Kubernetes minor any of its patches supports.
 */
function groupServed(served: readonly ServedNkpRelease[], warnings: string[]) {
  const byMinor = new Map<string, ServedMinor>();
  for (const release of served) {
    const minor = minorOf(release.version, 'served NKP Release', warnings);
    if (!minor) continue;
    const source = release.source ?? `NKP Release ${release.version}`;
    const entry = byMinor.get(minor) ?? { source, kubernetesMinors: [] };
    entry.kubernetesMinors = minors(
      [
        ...entry.kubernetesMinors,
        ...(release.supportedKubernetesVersions ?? []),
      ],
      warnings,
    );
    const released = isoDate(release.releaseDate, source, warnings);
    if (released && (!entry.releaseDate || released < entry.releaseDate.date)) {
      entry.releaseDate = { date: released, source };
    }
    const eol = isoDate(release.endOfLifeDate, source, warnings);
    if (eol && (!entry.endOfLife || eol > entry.endOfLife.date)) {
      entry.endOfLife = { date: eol, source };
    }
    byMinor.set(minor, entry);
  }
  return byMinor;
}
