/*
 * Where a requested cluster's files go in the fleet repository and what its pull request says.
 * Pure. The path layout comes from `nkp.goldenPath.delivery.gitops.path`, so the files land where
 * the repository's Flux or Argo CD expects them.
 */

import { InputError } from '@backstage/errors';
import { NkpClusterRequestVerdict } from '@nkp-lifecycle/backstage-plugin-nkp-common';

const PLACEHOLDER = /\$\{(\w+)\}/g;
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * The configured path with `${workspace}` (the workspace's NKP name) and `${name}` (the
 * cluster's) filled in; a relative path of plain segments, or an InputError naming the key.
 */
export function clusterPath(
  template: string,
  values: { workspace: string; name: string },
): string {
  const filled = template.replace(PLACEHOLDER, (whole, key: string) => {
    if (key !== 'workspace' && key !== 'name') {
      throw new InputError(
        `nkp.goldenPath.delivery.gitops.path: unknown placeholder ${whole}; use \${workspace} and \${name}`,
      );
    }
    return values[key];
  });
  const segments = filled.split('/').filter(Boolean);
  if (
    segments.length === 0 ||
    filled.startsWith('/') ||
    segments.some(s => s === '.' || s === '..' || !SEGMENT.test(s))
  ) {
    throw new InputError(
      `nkp.goldenPath.delivery.gitops.path: "${filled}" is not a relative path of plain folder names`,
    );
  }
  return segments.join('/');
}

/** The pull request's title and body: what is asked for and what the policy said about it. */
export function pullRequestText(verdict: NkpClusterRequestVerdict): {
  title: string;
  body: string;
} {
  const { request } = verdict;
  const support = verdict.supportEnds
    ? `${verdict.supportEnds}${
        verdict.daysLeft !== undefined ? ` (${verdict.daysLeft} days left)` : ''
      }`
    : 'end of support not published yet';
  const rows: Array<[string, string]> = [
    [
      'Cluster',
      `\`${request.name}\` in workspace \`${verdict.workspaceName}\` (namespace \`${verdict.namespace}\`)`,
    ],
    ['Owner', request.owner],
    ['Requested by', verdict.requestedBy],
    [
      'Operation',
      request.operation === 'managed'
        ? `managed by ${request.managementCluster}`
        : 'self-managed',
    ],
    [
      'Version',
      `NKP ${request.version.nkp}, Kubernetes ${request.version.kubernetes} (ClusterClass \`${verdict.clusterClass}\`)`,
    ],
    ['Support ends', support],
    [
      'Size',
      `${request.size.controlPlaneNodes} control-plane + ${request.size.workers} worker nodes, ${request.size.vcpus} vCPUs, ${request.size.memoryGiB} GiB memory, ${request.size.diskGiB} GiB disk each`,
    ],
    [
      'Placement',
      `Prism Central ${request.placement.prismCentral}, cluster ${
        request.placement.cluster
      }, subnets ${request.placement.subnets.join(', ')}`,
    ],
  ];
  if (request.projects?.length) {
    rows.push(['Projects', request.projects.join(', ')]);
  }
  if (request.description) {
    rows.push(['Purpose', request.description]);
  }
  const approvals = verdict.approvalsNeeded.length
    ? verdict.approvalsNeeded.map(a => `- ${a}`).join('\n')
    : '- none configured';
  return {
    title: `New NKP cluster ${verdict.workspaceName}/${request.name} (NKP ${request.version.nkp}, Kubernetes ${request.version.kubernetes})`,
    body: [
      "Requested through the portal's golden path. The lifecycle policy allows this version for a new cluster.",
      '',
      '| | |',
      '|---|---|',
      ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`),
      '',
      'Approvals needed:',
      approvals,
    ].join('\n'),
  };
}
