/*
 * Output of an evaluation: JSON in the engine's own shapes for machines, a table and a few summary
 * lines for people reading a pipeline log (no colours: CI logs keep escape codes as text).
 */

import {
  ClusterEvaluation,
  FleetEvaluation,
  POLICY_STATES,
  PolicyFinding,
  TargetVersion,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import Table from 'cli-table3';

const NONE = '-';
const REASON_WIDTH = 72;

/** The engine's `FleetEvaluation`, unchanged. */
export function renderJson(evaluation: FleetEvaluation): string {
  return `${JSON.stringify(evaluation, null, 2)}\n`;
}

export function renderTable(evaluation: FleetEvaluation): string {
  const table = new Table({
    head: [
      'cluster',
      'owner',
      'type',
      'NKP',
      'Kubernetes',
      'state',
      'deadline',
      'days left',
      'target',
      'main reason',
    ],
    colWidths: [...Array(9).fill(null), REASON_WIDTH],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const result of evaluation.clusters) {
    const c = result.cluster;
    table.push([
      c.title ?? c.name,
      c.owner ? shortOwner(c.owner) : NONE,
      c.clusterType ?? NONE,
      c.nkpVersion ?? NONE,
      c.kubernetesVersion ?? NONE,
      result.state,
      result.deadline ?? NONE,
      result.daysLeft ?? NONE,
      describeTarget(result.targetVersion),
      mainFinding(result)?.reason ?? NONE,
    ]);
  }
  return [table.toString(), ...summaryLines(evaluation), ''].join('\n');
}

/**
 * The finding that decides the cluster's state and deadline; the others are in the JSON output
 * and on the portal's cluster card.
 */
export function mainFinding(
  result: ClusterEvaluation,
): PolicyFinding | undefined {
  return (
    result.findings.find(
      f => f.state === result.state && f.deadline === result.deadline,
    ) ?? result.findings.find(f => f.state === result.state)
  );
}

function summaryLines(evaluation: FleetEvaluation): string[] {
  const { fleet } = evaluation;
  const counts = POLICY_STATES.map(s => `${fleet.counts[s]} ${s}`).join(', ');
  const nearest = fleet.nearestDeadline
    ? ` Nearest deadline: ${fleet.nearestDeadline} (${fleet.daysToNearestDeadline} days).`
    : '';
  const lines = [
    `${plural(fleet.total, 'cluster')} on ${
      evaluation.evaluatedOn
    }: ${counts}.${nearest}`,
  ];
  for (const plan of evaluation.plans) {
    const blocking = plan.blockingClusters.length
      ? `, blocked by ${plan.blockingClusters.join(', ')}`
      : '';
    if (plan.requires === 'within-skew') {
      // A management-plane plan: the tenants' duty is the skew, the move is the platform's.
      const steps = plan.platformSteps
        .map(s => `${s.entityRef} ${s.done ? 'done' : 'scheduled'}`)
        .join(', ');
      lines.push(
        `Plan ${plan.id} "${plan.title}" (management plane to NKP ${
          plan.targetVersion
        } by ${plan.deadline ?? NONE}): ${plan.pendingClusters.length} of ${
          plan.inScope
        } managed clusters outside the managed skew of the target${blocking}; platform step: ${
          steps || 'no management cluster of the plan in the export'
        }.`,
      );
      continue;
    }
    lines.push(
      `Plan ${plan.id} "${plan.title}" (NKP ${plan.targetVersion}, deadline ${
        plan.deadline ?? NONE
      }): ${plan.pendingClusters.length} of ${
        plan.inScope
      } clusters below target${blocking}.`,
    );
  }
  for (const exception of evaluation.exceptions) {
    const until = exception.endsOn ? ` until ${exception.endsOn}` : '';
    const note = exception.note ? ` (${exception.note})` : '';
    lines.push(
      `Exception ${exception.id}: ${exception.status}${until}${note}.`,
    );
  }
  return lines;
}

function describeTarget(target: TargetVersion | undefined): string {
  const parts = [
    target?.nkp && `NKP ${target.nkp}`,
    target?.kubernetes && `K8s ${target.kubernetes}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' / ') : NONE;
}

/** `group:default/team-acme` reads as `team-acme`; anything else stays a full reference. */
function shortOwner(ref: string): string {
  const prefix = 'group:default/';
  return ref.toLocaleLowerCase('en-US').startsWith(prefix)
    ? ref.slice(prefix.length)
    : ref;
}
