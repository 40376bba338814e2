/**
 * Managed skew: a cluster managed by a management cluster may be at most N Kubernetes minors
 * behind it. Once the management plane moves, managed clusters must follow (seed 001). There is
 * no deadline of its own: upgrade plans put the dates on the management plane's moves.
 */
import { minorsBehind } from '../../versions';
import { parseMinor } from '../minor';
import { PolicyRule, PolicyRuleFn } from './context';

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
        `Kubernetes version '${
          cluster.kubernetesVersion ?? ''
        }' is missing or unreadable`,
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
        `Kubernetes version of management cluster '${management.name}' is missing or unreadable`,
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
  if (behind > maxMinorsBehind) {
    return [
      {
        rule: 'managed-skew',
        state: 'unsupported',
        targetVersion: { kubernetes: lowest },
        reason: `Kubernetes ${own.minorVersion} is ${behind} minors behind management cluster '${management.name}' (${reference.minorVersion}); at most ${maxMinorsBehind} allowed`,
      },
    ];
  }
  return [
    {
      rule: 'managed-skew',
      state: 'compliant',
      reason: `Kubernetes ${own.minorVersion} is ${behind} minor(s) behind management cluster '${management.name}' (${reference.minorVersion}); at most ${maxMinorsBehind} allowed`,
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
