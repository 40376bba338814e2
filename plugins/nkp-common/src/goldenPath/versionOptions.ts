/*
 * Which releases a new cluster may be created from: for each configured release, the new
 * cluster's facts as they would be once it exists, evaluated by the same engine, calendar, plans,
 * exceptions and policy config as the fleet. A release the engine rates `compliant` is offered,
 * with the support end the engine reports; any other is hidden with the engine's reason. Pure.
 */
import { NkpClusterFacts } from '../clusterFacts';
import { EvaluateFleetInput, evaluateFleet } from '../policy/evaluate';
import { parseVersion } from '../versions';
import {
  NkpClusterOperation,
  NkpHiddenVersion,
  NkpVersionOption,
  NkpVersionOptions,
} from './types';

/**
 * An installable release, as `nkp.goldenPath.releases` configures it.
 *
 * @public
 */
export interface NkpInstallableRelease {
  nkp: string;
  kubernetes: string;
  clusterClass: string;
}

/**
 * What `versionOptionsFor` needs: the engine's input without the fleet, the operation, the
 * management cluster (for `managed`) and the configured releases.
 *
 * @public
 */
export interface VersionOptionsInput
  extends Omit<EvaluateFleetInput, 'clusters'> {
  operation: NkpClusterOperation;
  /** The management cluster's facts; required for `managed`. */
  managementCluster?: NkpClusterFacts;
  releases: readonly NkpInstallableRelease[];
  /** The new cluster's owner and workspace, when known: plans and exceptions scoped to them count. */
  owner?: string;
  workspace?: string;
}

/** Entity refs no real cluster has: the hypothetical clusters never meet real exceptions by ref. */
const NEW_CLUSTER_REF = 'resource:default/nkp-golden-path-new-cluster';

const byNewestFirst = (
  a: { nkp: string; kubernetes: string },
  b: { nkp: string; kubernetes: string },
) => compare(b.nkp, a.nkp) || compare(b.kubernetes, a.kubernetes);

function compare(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/** Why the calendar says the pair cannot exist, or undefined when it can. */
function pairProblem(
  release: NkpInstallableRelease,
  calendar: EvaluateFleetInput['calendar'],
): string | undefined {
  const nkp = parseVersion(release.nkp);
  const kubernetes = parseVersion(release.kubernetes);
  if (!nkp) return `'${release.nkp}' is not an NKP version`;
  if (!kubernetes) return `'${release.kubernetes}' is not a Kubernetes version`;
  const entry = calendar.nkp[nkp.minorVersion];
  if (!entry) return `NKP ${nkp.minorVersion} is not in the release calendar`;
  if (!entry.kubernetesMinors.includes(kubernetes.minorVersion)) {
    return `NKP ${nkp.minorVersion} does not ship Kubernetes ${
      kubernetes.minorVersion
    } (it ships ${entry.kubernetesMinors.join(', ')})`;
  }
  return undefined;
}

/** Why a managed cluster cannot run this NKP release under that management cluster. */
function managedProblem(
  release: NkpInstallableRelease,
  management: NkpClusterFacts | undefined,
): string | undefined {
  if (!management) return 'No management cluster chosen';
  const own = parseVersion(management.nkpVersion);
  if (!own) {
    return `Management cluster '${management.name}' has no known NKP version`;
  }
  const wanted = parseVersion(release.nkp)!;
  if (wanted.minorVersion !== own.minorVersion) {
    return `Managed clusters run their management cluster's NKP minor: '${management.name}' is on NKP ${own.minorVersion}, not ${wanted.minorVersion}`;
  }
  return undefined;
}

/**
 * The versions a new cluster may be created with, newest first, the first one `recommended`,
 * and those it may not, each with the reason.
 *
 * @public
 */
export function versionOptionsFor(
  input: VersionOptionsInput,
): NkpVersionOptions {
  const hidden: NkpHiddenVersion[] = [];
  const candidates: NkpInstallableRelease[] = [];
  for (const release of input.releases) {
    const problem =
      pairProblem(release, input.calendar) ??
      (input.operation === 'managed'
        ? managedProblem(release, input.managementCluster)
        : undefined);
    if (problem) {
      hidden.push({
        nkp: release.nkp,
        kubernetes: release.kubernetes,
        reason: problem,
      });
    } else {
      candidates.push(release);
    }
  }

  const management = input.managementCluster;
  const clusters: NkpClusterFacts[] = candidates.map((release, i) => ({
    entityRef: `${NEW_CLUSTER_REF}-${i}`,
    name: `nkp-golden-path-new-cluster-${i}`,
    owner: input.owner,
    workspace: input.workspace,
    clusterType: input.operation,
    nkpVersion: release.nkp,
    kubernetesVersion: release.kubernetes,
    managementCluster:
      input.operation === 'managed' ? management?.name : undefined,
    projects: [],
  }));
  const evaluation = evaluateFleet({
    calendar: input.calendar,
    config: input.config,
    plans: input.plans,
    exceptions: input.exceptions,
    now: input.now,
    clusters:
      input.operation === 'managed' && management
        ? [...clusters, management]
        : clusters,
  });

  const offered: NkpVersionOption[] = [];
  candidates.forEach((release, i) => {
    const result = evaluation.clusters[i];
    if (result.state === 'compliant') {
      offered.push({
        nkp: release.nkp,
        kubernetes: release.kubernetes,
        clusterClass: release.clusterClass,
        ...(result.deadline
          ? { supportEnds: result.deadline, daysLeft: result.daysLeft }
          : {}),
        recommended: false,
      });
    } else {
      const worst = result.findings.filter(f => f.state === result.state);
      hidden.push({
        nkp: release.nkp,
        kubernetes: release.kubernetes,
        reason:
          worst.map(f => f.reason).join('; ') ||
          `The policy rates it ${result.state}`,
      });
    }
  });
  offered.sort(byNewestFirst);
  if (offered.length > 0) offered[0].recommended = true;
  hidden.sort(byNewestFirst);
  return { offered, hidden };
}
