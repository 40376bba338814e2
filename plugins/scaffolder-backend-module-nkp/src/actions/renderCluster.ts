import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseVersion } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Creates the `nkp:cluster:render` action: writes the Cluster API `Cluster` manifest of a new NKP
 * workload cluster into the task workspace, for a later step to deliver through GitOps.
 *
 * @public
 */
export function createRenderClusterAction() {
  return createTemplateAction({
    id: 'nkp:cluster:render',
    description:
      'Renders the Cluster API manifest of a new NKP workload cluster into the workspace',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string({ description: 'Cluster name (a DNS label)' }),
        workspaceNamespace: z =>
          z.string({
            description:
              'Namespace of the NKP workspace the cluster belongs to',
          }),
        kubernetesVersion: z =>
          z.string({ description: 'Kubernetes version, e.g. v1.34.3' }),
        nkpVersion: z =>
          z.string({
            description: 'NKP version whose ClusterClass to use, e.g. 2.17.1',
          }),
        controlPlaneReplicas: z =>
          z
            .number({ description: 'Control plane nodes (1, 3 or 5)' })
            .default(3),
        workerReplicas: z =>
          z.number({ description: 'Worker nodes' }).default(3),
        targetPath: z =>
          z
            .string({
              description: 'Path in the workspace to write the manifest to',
            })
            .default('cluster.yaml'),
      },
      output: {
        manifestPath: z =>
          z.string({ description: 'Workspace-relative path of the manifest' }),
      },
    },
    async handler(ctx) {
      const {
        name,
        workspaceNamespace,
        controlPlaneReplicas,
        workerReplicas,
        targetPath,
      } = ctx.input;
      if (!DNS_LABEL.test(name)) {
        throw new InputError(
          `Cluster name '${name}' is not a DNS label: use lower-case letters, digits and '-', at most 63 characters`,
        );
      }
      if (!DNS_LABEL.test(workspaceNamespace)) {
        throw new InputError(
          `Workspace namespace '${workspaceNamespace}' is not a DNS label`,
        );
      }
      const kubernetes = parseVersion(ctx.input.kubernetesVersion);
      if (!kubernetes) {
        throw new InputError(
          `Kubernetes version '${ctx.input.kubernetesVersion}' is not a version like v1.34.3`,
        );
      }
      const nkp = parseVersion(ctx.input.nkpVersion);
      if (!nkp) {
        throw new InputError(
          `NKP version '${ctx.input.nkpVersion}' is not a version like 2.17.1`,
        );
      }
      if (![1, 3, 5].includes(controlPlaneReplicas)) {
        throw new InputError(
          `controlPlaneReplicas must be 1, 3 or 5 (an odd etcd quorum), not ${controlPlaneReplicas}`,
        );
      }
      if (!Number.isInteger(workerReplicas) || workerReplicas < 1) {
        throw new InputError(
          `workerReplicas must be a whole number of at least 1`,
        );
      }

      const manifest = {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Cluster',
        metadata: {
          name,
          namespace: workspaceNamespace,
          labels: { 'cluster.x-k8s.io/provider': 'nutanix' },
        },
        spec: {
          topology: {
            class: `nkp-nutanix-v${nkp.version}`,
            version: `v${kubernetes.version}`,
            controlPlane: { replicas: controlPlaneReplicas },
            workers: {
              machineDeployments: [
                {
                  class: 'default-worker',
                  name: 'md-0',
                  replicas: workerReplicas,
                },
              ],
            },
          },
        },
      };

      // A dry run gets its own scratch workspace, so writing there is safe too.
      const outputPath = resolveSafeChildPath(ctx.workspacePath, targetPath);
      await fs.mkdir(path.dirname(outputPath), { recursive: true });
      await fs.writeFile(outputPath, stringify(manifest), 'utf8');
      ctx.logger.info(
        `Rendered Cluster ${workspaceNamespace}/${name} to ${targetPath}`,
      );
      ctx.output('manifestPath', targetPath);
    },
  });
}
