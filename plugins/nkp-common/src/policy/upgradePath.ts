/**
 * The upgrade path from a cluster's version to its target. NKP does not skip minors (its upgrade
 * matrix only lists paths to the next minor), and neither does kube-apiserver, so the path is
 * every minor in between, in order, each with the Kubernetes minor that NKP release ships.
 */
import { NkpClusterFacts } from '../clusterFacts';
import {
  PreparedCalendar,
  defaultKubernetesMinor,
  nkpMinorForKubernetes,
} from './calendar/prepared';
import { compareVersions, parseMinor } from './minor';
import { PolicyFinding, TargetVersion } from './types';

/**
 * One step of an upgrade path.
 *
 * @public
 */
export interface UpgradeStep {
  /** NKP minor to upgrade to, for clusters on NKP. */
  nkp?: string;
  /** Kubernetes minor this step brings. */
  kubernetes?: string;
}

/**
 * The most demanding target among the findings that ask for an upgrade, completed through the
 * calendar so that it names both the NKP and the Kubernetes version where they are known.
 */
export function combinedTarget(
  cluster: NkpClusterFacts,
  findings: readonly PolicyFinding[],
  calendar: PreparedCalendar,
): TargetVersion | undefined {
  let nkp: string | undefined;
  let kubernetes: string | undefined;
  for (const f of findings) {
    if (f.state === 'compliant' || !f.targetVersion) continue;
    nkp = higher(nkp, f.targetVersion.nkp);
    kubernetes = higher(kubernetes, f.targetVersion.kubernetes);
  }
  if (!nkp && !kubernetes) return undefined;
  const onNkp = parseMinor(cluster.nkpVersion) !== undefined;
  if (kubernetes && onNkp) {
    nkp = higher(nkp, nkpMinorForKubernetes(calendar, kubernetes));
  }
  if (nkp) {
    kubernetes = higher(
      kubernetes,
      defaultKubernetesMinor(calendar.nkp.get(parseMinor(nkp)!.minorVersion)),
    );
  }
  return { ...(nkp ? { nkp } : {}), ...(kubernetes ? { kubernetes } : {}) };
}

function higher(
  a: string | undefined,
  b: string | undefined,
): string | undefined {
  const pa = parseMinor(a);
  const pb = parseMinor(b);
  if (!pb) return pa ? a : undefined;
  if (!pa) return b;
  return compareVersions(pb, pa) > 0 ? b : a;
}

/** Steps from the cluster's current version to `target`, excluding the current one. */
export function upgradePath(
  cluster: NkpClusterFacts,
  target: TargetVersion | undefined,
  calendar: PreparedCalendar,
): UpgradeStep[] {
  if (!target) return [];
  const nkp = parseMinor(cluster.nkpVersion);
  if (nkp) {
    const from = calendar.nkp.get(nkp.minorVersion)?.index;
    const targetMinor = parseMinor(target.nkp)?.minorVersion;
    const to = targetMinor ? calendar.nkp.get(targetMinor)?.index : undefined;
    if (from === undefined || to === undefined || to <= from) return [];
    return calendar.nkpReleased.slice(from + 1, to + 1).map(minor => {
      const kubernetes = defaultKubernetesMinor(calendar.nkp.get(minor));
      return kubernetes ? { nkp: minor, kubernetes } : { nkp: minor };
    });
  }
  const k8s = parseMinor(cluster.kubernetesVersion);
  const targetK8s = parseMinor(target.kubernetes);
  if (!k8s || !targetK8s || k8s.major !== targetK8s.major) return [];
  const steps: UpgradeStep[] = [];
  for (let minor = k8s.minor + 1; minor <= targetK8s.minor; minor++) {
    steps.push({ kubernetes: `${k8s.major}.${minor}` });
  }
  return steps;
}
