/**
 * The release calendar shipped with the plugin. Every date carries its source; dates that are
 * derived rather than published are marked `inferred`. App-config and the NKP `Release` objects a
 * management cluster serves take precedence (see `buildReleaseCalendar`).
 *
 * NKP end-of-support dates are deliberately NOT shipped: Nutanix publishes none in a public source,
 * and dates derived from the N-2 rule would contradict a configured self-managed window. Without
 * one, NKP support is derived from the window; an NKP `Release` object's `endOfLifeDate` or
 * app-config supplies the real date where available.
 */
import { KubernetesMinorRelease, NkpMinorRelease } from './types';

const EOL_DATE =
  'endoflife-date/endoflife.date products/kubernetes.md @ a70eca3 (2026-08-22)';
const EOL_YAML = 'kubernetes/website data/releases/eol.yaml';
const POLICY =
  'kubernetes/website content/en/releases/patch-releases.md (12 months standard support, EOL on the 28th)';
const TAGS =
  'mesosphere/kommander-applications git tag date of x.y.0 (approximates GA; not an official GA date)';
const MATRIX =
  'mesosphere/kommander-applications upgrade-matrix.yaml (default Kubernetes minor)';

function fact(date: string, source: string, inferred?: boolean) {
  return inferred ? { date, source, inferred } : { date, source };
}

function k8s(
  minor: string,
  released: string,
  eoss: string,
  eol: string,
  eolSource = EOL_DATE,
) {
  return {
    minor,
    releaseDate: fact(released, EOL_DATE),
    endOfStandardSupport: fact(eoss, EOL_DATE),
    endOfLife: fact(eol, eolSource),
  };
}

/**
 * Upstream Kubernetes minors 1.28–1.36.
 *
 * @public
 */
export const SHIPPED_KUBERNETES_RELEASES: readonly KubernetesMinorRelease[] = [
  // endoflife.date says 2024-10-28; eol.yaml records the last patch on 2024-10-22. The later date
  // is kept so that a cluster is not called end-of-life earlier than either source says.
  k8s('1.28', '2023-08-15', '2024-08-28', '2024-10-28'),
  k8s('1.29', '2023-12-13', '2024-12-28', '2025-02-28'),
  // Actual EOLs (planned 06-28 and 10-28) as cross-checked against eol.yaml.
  k8s(
    '1.30',
    '2024-04-17',
    '2025-04-28',
    '2025-07-15',
    `${EOL_DATE}; ${EOL_YAML}`,
  ),
  k8s(
    '1.31',
    '2024-08-13',
    '2025-08-28',
    '2025-11-11',
    `${EOL_DATE}; ${EOL_YAML}`,
  ),
  k8s('1.32', '2024-12-11', '2025-12-28', '2026-02-28'),
  k8s('1.33', '2025-04-23', '2026-04-28', '2026-06-28'),
  k8s('1.34', '2025-08-27', '2026-08-27', '2026-10-27'),
  k8s('1.35', '2025-12-17', '2026-12-28', '2027-02-28'),
  {
    minor: '1.36',
    releaseDate: fact('2026-04-22', EOL_DATE),
    // Not in the source; release + 12 months, on the 28th, per the upstream support policy.
    endOfStandardSupport: fact('2027-04-28', POLICY, true),
    endOfLife: fact('2027-06-28', EOL_DATE),
  },
];

function nkp(
  minor: string,
  kubernetesMinor: string,
  tagDate: string,
): NkpMinorRelease {
  return {
    minor,
    kubernetesMinors: [kubernetesMinor],
    kubernetesSource: MATRIX,
    releaseDate: fact(tagDate, TAGS, true),
  };
}

/**
 * NKP minors with their default Kubernetes minor. DKP 2.8 was the last D2iQ release; 2.9–2.11 do
 * not exist, so 2.8 → 2.12 is one step, not four.
 *
 * @public
 */
export const SHIPPED_NKP_RELEASES: readonly NkpMinorRelease[] = [
  nkp('2.8', '1.28', '2024-05-22'),
  nkp('2.12', '1.29', '2024-08-28'),
  nkp('2.13', '1.30', '2024-12-09'),
  nkp('2.14', '1.31', '2025-03-04'),
  nkp('2.15', '1.32', '2025-05-14'),
  nkp('2.16', '1.33', '2025-09-05'),
  nkp('2.17', '1.34', '2025-12-23'),
];
