/**
 * The release calendar: which Kubernetes and NKP minors exist, when they were released and when
 * support ends. Plain, serialisable data so that the backend can serve it as-is.
 */

/**
 * One dated fact and where it comes from.
 *
 * @public
 */
export interface DatedFact {
  /** ISO date, UTC (`YYYY-MM-DD`). */
  date: string;
  /** Where the date comes from: a document, a repository, app-config or an NKP `Release` object. */
  source: string;
  /** True when the date is derived rather than published (e.g. a git tag date standing in for GA). */
  inferred?: boolean;
}

/**
 * An upstream Kubernetes minor.
 *
 * @public
 */
export interface KubernetesMinorRelease {
  /** `major.minor`, e.g. `1.34`. */
  minor: string;
  releaseDate?: DatedFact;
  /** End of standard support: from here on the minor is in maintenance mode (critical fixes only). */
  endOfStandardSupport?: DatedFact;
  /** End of life: no more patches upstream. */
  endOfLife?: DatedFact;
}

/**
 * An NKP minor and the Kubernetes minors it ships.
 *
 * @public
 */
export interface NkpMinorRelease {
  /** `major.minor`, e.g. `2.17`. */
  minor: string;
  /** Kubernetes minors this NKP minor supports; the last one is its default (newest). */
  kubernetesMinors: string[];
  /** Where the Kubernetes mapping comes from. */
  kubernetesSource: string;
  releaseDate?: DatedFact;
  /**
   * End of NKP support for this minor, when known (an NKP `Release` object's
   * `timeline.endOfLifeDate`, or app-config). When absent, support is derived from the
   * self-managed window (how many NKP minors behind the newest one it is).
   */
  endOfLife?: DatedFact;
}

/**
 * The merged calendar, keyed by `major.minor`.
 *
 * @public
 */
export interface ReleaseCalendar {
  kubernetes: Record<string, KubernetesMinorRelease>;
  nkp: Record<string, NkpMinorRelease>;
  /** Entries that were skipped while merging (bad version or date), for the backend to log. */
  warnings: string[];
}

/**
 * A date as app-config spells it: a bare ISO date (the source becomes `app-config`), or with its
 * own source.
 *
 * @public
 */
export type ConfiguredDate =
  | string
  | { date: string; source?: string; inferred?: boolean };

/**
 * App-config overrides and extensions of the shipped calendar. Arrays rather than maps because
 * app-config keys cannot conveniently contain dots.
 *
 * @public
 */
export interface ReleaseCalendarOverrides {
  kubernetes?: Array<{
    minor: string;
    releaseDate?: ConfiguredDate;
    endOfStandardSupport?: ConfiguredDate;
    endOfLife?: ConfiguredDate;
  }>;
  nkp?: Array<{
    minor: string;
    kubernetesMinors?: string[];
    releaseDate?: ConfiguredDate;
    endOfLife?: ConfiguredDate;
  }>;
}

/**
 * What an NKP `Release` object (`release.nkp.nutanix.com/v1alpha1`) served by a management cluster
 * says, reduced to plain data: `spec.version`, `spec.supportedKubernetesVersions` and
 * `spec.timeline.{releaseDate,endOfLifeDate}`.
 *
 * @public
 */
export interface ServedNkpRelease {
  /** e.g. `2.17.1` */
  version: string;
  supportedKubernetesVersions?: string[];
  releaseDate?: string;
  endOfLifeDate?: string;
  /** Where it was read, e.g. `Release 2.17.1 on mgmt-1`; defaults to `NKP Release <version>`. */
  source?: string;
}
