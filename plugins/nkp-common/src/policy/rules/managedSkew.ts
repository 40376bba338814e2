/**
 * Managed skew: a cluster managed by a management cluster may be at most N Kubernetes minors
 * behind it. Once the management plane moves, managed clusters must follow (seed 001). There is
 * no deadline of its own: upgrade plans put the dates on the management plane's moves.
 */
import { plural } from '../../text/plural';
import { minorsBehind } from '../../versions';
import { parseMinor } from '../minor';
import { PolicyRule, PolicyRuleFn } from './context';
import { minorsBehindText, sentence, versionUnknown } from './reasons';

const evaluate: PolicyRuleFn = (cluster, { config, managementClusters }) => {
  const { enabled, maxMinorsBehind, clusterTypes } = config.managedSkew;
  if (!enabled) return [];
  if (!cluster.clusterType) {
    return [
      {
        rule: 'managed-skew',
        state: 'unknown',
        reason:
          'Cluster type unknown: cannot tell whether it is managed by a management cluster',
      },
    ];
  }
  if (!clusterTypes.includes(cluster.clusterType)) return [];

  const own = parseMinor(cluster.kubernetesVersion);
  if (!own) {
    return [
      unknown(
        sentence(versionUnknown('Kubernetes', cluster.kubernetesVersion)),
      ),
    ];
  }
  if (!cluster.managementCluster) {
    return [unknown('Management cluster unknown')];
  }
  const management = managementClusters.get(cluster.managementCluster);
  if (!management) {
    return [
      unknown(
        `Management cluster '${cluster.managementCluster}' is not in the fleet`,
      ),
    ];
  }
  const reference = parseMinor(management.kubernetesVersion);
  if (!reference) {
    return [
      unknown(
        `Management cluster '${management.name}': ${versionUnknown(
          'Kubernetes',
          management.kubernetesVersion,
        )}`,
      ),
    ];
  }
  const behind = minorsBehind(
    { ...own, patch: own.patch ?? 0 },
    { ...reference, patch: 0 },
  );
  if (behind === undefined) {
    return [
      unknown(
        `Kubernetes ${own.version} and ${reference.version} have different majors`,
      ),
    ];
  }
  const lowest = `${reference.major}.${Math.max(
    0,
    reference.minor - maxMinorsBehind,
  )}`;
  const skew = `Kubernetes ${own.minorVersion} is ${minorsBehindText(
    behind,
  )} management cluster '${management.name}' (${
    reference.minorVersion
  }); at most ${plural(maxMinorsBehind, 'minor')} allowed`;
  if (behind > maxMinorsBehind) {
    return [
      {
        rule: 'managed-skew',
        state: 'unsupported',
        targetVersion: { kubernetes: lowest },
        // No date: the engine cannot tell when the management cluster moved, only that it did.
        reason: `${skew}; unsupported since management cluster '${management.name}' moved to Kubernetes ${reference.minorVersion}`,
      },
    ];
  }
  return [
    {
      rule: 'managed-skew',
      state: 'compliant',
      reason: skew,
    },
  ];
};

function unknown(reason: string) {
  return { rule: 'managed-skew' as const, state: 'unknown' as const, reason };
}

export const managedSkewRule: PolicyRule = {
  id: 'managed-skew',
  evaluate,
  inputsKey: c =>
    `${c.clusterType}|${c.kubernetesVersion}|${c.managementCluster}`,
};
