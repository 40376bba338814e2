/**
 * Minor-version handling for the policy. Builds on `parseVersion` and only adds what the policy
 * needs beyond it: accepting a bare `major.minor` (calendars, plan targets and app-config spell
 * minors that way) and memoising, because a fleet of 100,000 clusters repeats a handful of versions.
 */
import { ParsedVersion, parseVersion } from '../versions';

/** A version reduced to what the policy compares. */
export interface MinorVersion {
  major: number;
  minor: number;
  /** `undefined` when only `major.minor` was given. */
  patch?: number;
  /** `major.minor`, e.g. `1.34`. */
  minorVersion: string;
  /** As given, canonicalised: `1.34.3` or `1.34`. */
  version: string;
}

const cache = new Map<string, MinorVersion | undefined>();
const MINOR_ONLY = /^v?(\d+)\.(\d+)$/;

/**
 * Parses `1.34.3`, `v1.34.3` or `1.34`; `undefined` for anything else.
 */
export function parseMinor(
  input: string | undefined | null,
): MinorVersion | undefined {
  if (typeof input !== 'string') {
    return undefined;
  }
  if (cache.has(input)) {
    return cache.get(input);
  }
  let result: MinorVersion | undefined;
  const full: ParsedVersion | undefined = parseVersion(input);
  if (full) {
    result = { ...full };
  } else {
    const m = MINOR_ONLY.exec(input.trim());
    if (m) {
      const major = Number(m[1]);
      const minor = Number(m[2]);
      result = {
        major,
        minor,
        minorVersion: `${major}.${minor}`,
        version: `${major}.${minor}`,
      };
    }
  }
  if (cache.size > 10_000) {
    cache.clear();
  }
  cache.set(input, result);
  return result;
}

/** Compares two minors (and patches where both have one); negative when `a` is older. */
export function compareVersions(a: MinorVersion, b: MinorVersion): number {
  return (
    a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0)
  );
}

/**
 * Sort key of a version or minor: `1.9` before `1.10`, `1.34.2` before `1.34.10`, a minor before
 * its patches. `undefined` for a missing or unreadable version.
 *
 * @public
 */
export function versionSortKey(
  version: string | undefined | null,
): number | undefined {
  const v = parseMinor(version);
  return v === undefined
    ? undefined
    : (v.major * 10_000 + v.minor) * 100_000 + (v.patch ?? 0);
}

/** Sort key of the minor of a version (patches ignored), unreadable ones last. */
export function minorSortKey(minorVersion: string): number {
  const v = parseMinor(minorVersion);
  return v ? v.major * 10_000 + v.minor : Number.MAX_SAFE_INTEGER;
}
