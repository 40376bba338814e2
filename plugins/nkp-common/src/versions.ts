import semver from 'semver';

/**
 * A parsed `major.minor.patch` version. Kubernetes (`v1.34.3`) and NKP (`2.17.1`) versions both
 * fit, with or without the leading `v`.
 *
 * @public
 */
export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
  /** Canonical form without the `v`, e.g. `1.34.3`. */
  version: string;
  /** `major.minor`, e.g. `1.34`. */
  minorVersion: string;
}

/**
 * Parses a version the way NKP objects spell them. Returns `undefined` for anything that is not
 * a plain release version, so that callers can report it as `unknown` rather than guess.
 *
 * @public
 */
export function parseVersion(
  input: string | undefined | null,
): ParsedVersion | undefined {
  if (typeof input !== 'string') {
    return undefined;
  }
  const parsed = semver.parse(input.trim(), { loose: true });
  if (!parsed) {
    return undefined;
  }
  return {
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch,
    version: `${parsed.major}.${parsed.minor}.${parsed.patch}`,
    minorVersion: `${parsed.major}.${parsed.minor}`,
  };
}

/**
 * How many minor releases `version` is behind `reference` (0 when equal or ahead). Different
 * majors are not comparable by minors, so they return `undefined`.
 *
 * @public
 */
export function minorsBehind(
  version: ParsedVersion,
  reference: ParsedVersion,
): number | undefined {
  if (version.major !== reference.major) {
    return undefined;
  }
  return Math.max(0, reference.minor - version.minor);
}

/**
 * The NKP version a Cluster API ClusterClass name encodes, e.g. `nkp-nutanix-v2.17.1` → `2.17.1`.
 *
 * @public
 */
export function nkpVersionFromClusterClass(
  className: string | undefined,
): ParsedVersion | undefined {
  const match =
    /^nkp-[a-z0-9-]+?-v(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(
      className ?? '',
    );
  return match ? parseVersion(match[1]) : undefined;
}
