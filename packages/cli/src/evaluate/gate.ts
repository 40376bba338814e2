import {
  ClusterEvaluation,
  FleetEvaluation,
  PolicyState,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** The clusters whose state is one that `--fail-on` lists. */
export function gateFailures(
  evaluation: FleetEvaluation,
  failOn: readonly PolicyState[],
): ClusterEvaluation[] {
  return evaluation.clusters.filter(result => failOn.includes(result.state));
}

export function describeGateFailure(failures: ClusterEvaluation[]): string {
  const clusters = failures
    .map(f => `${f.cluster.title ?? f.cluster.name} (${f.state})`)
    .join(', ');
  return `${failures.length} ${
    failures.length === 1 ? 'cluster fails' : 'clusters fail'
  } the gate: ${clusters}`;
}
