import {
  AuthService,
  DiscoveryService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { NkpClusterRequest } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  entityName,
  NKP_SOURCES_CONFIG_KEY,
  readGoldenPathConfig,
  readNkpSourceSettings,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { clusterPath, pullRequestText } from '../delivery/gitopsDelivery';
import { checkClusterRequest } from '../goldenPath/checkClusterRequest';
import { clusterManifests, renderFile } from '../manifests/clusterManifests';
import { examples } from './renderCluster.examples';

/**
 * Creates the `nkp:cluster:render` action: has the NKP backend check a cluster request (on behalf
 * of the task's initiator: the same policy engine, calendar, catalog look-ups and permissions as
 * the form), then writes the NKP manifests of the cluster into the task workspace at the GitOps
 * path of `nkp.goldenPath.delivery.gitops.path`, for a publish step or `nkp:cluster:apply`.
 *
 * @public
 */
export function createRenderClusterAction(options: {
  config: Config;
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  const { config, discovery, auth } = options;
  const goldenPath = readGoldenPathConfig(config);
  return createTemplateAction({
    id: 'nkp:cluster:render',
    description:
      'Checks a request for a new NKP cluster against the lifecycle policy and renders its manifests (the CAPI Cluster on the NKP ClusterClass with its Nutanix placement) into the workspace',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string({
            description: 'Cluster name: a DNS label, unique in the workspace',
          }),
        owner: z =>
          z.string({
            description:
              'Entity ref of the owning group, e.g. group:default/team-acme',
          }),
        workspace: z =>
          z.string({
            description:
              "Entity ref of the NKP workspace's Domain, e.g. domain:default/demo-acme-retail",
          }),
        projects: z =>
          z
            .array(z.string(), {
              description: 'NKP project names in that workspace',
            })
            .optional(),
        description: z =>
          z
            .string({
              description: 'One line of plain text: what the cluster is for',
            })
            .optional(),
        operation: z =>
          z.enum(['managed', 'self-managed'], {
            description: 'managed (by a management cluster) or self-managed',
          }),
        managementCluster: z =>
          z
            .string({
              description:
                "Entity ref of the management cluster's Resource (managed only)",
            })
            .optional(),
        version: z =>
          z.object(
            { nkp: z.string(), kubernetes: z.string() },
            {
              description:
                'Full versions, e.g. { nkp: 2.17.1, kubernetes: 1.34.3 }',
            },
          ),
        size: z =>
          z.object(
            {
              preset: z.string().optional(),
              controlPlaneNodes: z.number(),
              workers: z.number(),
              vcpus: z.number(),
              memoryGiB: z.number(),
              diskGiB: z.number(),
            },
            {
              description:
                'Control-plane and worker node counts; vCPUs, memory and disk per node',
            },
          ),
        placement: z =>
          z.object(
            {
              prismCentral: z.string(),
              cluster: z.string(),
              subnets: z.array(z.string()),
              image: z.string(),
              storageContainer: z.string(),
              controlPlaneEndpoint: z.string(),
            },
            {
              description:
                'Where on Nutanix the machines go (names from nkp.goldenPath.prismCentrals)',
            },
          ),
        delivery: z =>
          z.enum(['gitops', 'direct'], {
            description:
              'gitops (a pull request to the fleet repository) or direct (nkp:cluster:apply)',
          }),
      },
      output: {
        path: z =>
          z.string({
            description: 'Workspace-relative folder of the rendered files',
          }),
        files: z =>
          z.array(z.string(), {
            description: 'Workspace-relative paths of the rendered files',
          }),
        provider: z =>
          z.enum(['github', 'gitlab'], {
            description: 'Which publish action delivers through GitOps',
          }),
        repoUrl: z =>
          z.string({ description: 'The fleet repository (publish repoUrl)' }),
        branch: z =>
          z.string({ description: 'The branch the pull request targets' }),
        title: z => z.string({ description: 'The pull request title' }),
        body: z =>
          z.string({
            description:
              'The pull request body: version, support end, days left, requester, approvals needed',
          }),
        entityRef: z =>
          z.string({
            description:
              'The catalog entity the cluster will be once the NKP provider ingests it',
          }),
        verdict: z =>
          z
            .record(z.unknown(), {
              description:
                "The NKP backend's verdict (NkpClusterRequestVerdict)",
            })
            .optional(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const request: NkpClusterRequest = {
        name: input.name,
        owner: input.owner,
        workspace: input.workspace,
        projects: input.projects,
        description: input.description,
        operation: input.operation,
        managementCluster: input.managementCluster,
        version: input.version,
        size: input.size,
        placement: input.placement,
        delivery: input.delivery,
      };
      const verdict = await checkClusterRequest(request, {
        discovery,
        auth,
        credentials: await ctx.getInitiatorCredentials(),
        signal: ctx.signal,
      });
      const checked = verdict.request;
      const prismCentral = goldenPath.prismCentrals.find(
        pc => pc.name === checked.placement.prismCentral,
      );
      if (!prismCentral) {
        throw new InputError(
          `placement.prismCentral: "${checked.placement.prismCentral}" is not configured in nkp.goldenPath.prismCentrals`,
        );
      }

      const folder = clusterPath(goldenPath.delivery.gitops.path, {
        workspace: verdict.workspaceName,
        name: checked.name,
      });
      const files: string[] = [];
      // A dry run gets its own scratch workspace, so writing there is safe too.
      for (const file of clusterManifests(verdict, prismCentral)) {
        const relative = `${folder}/${file.name}`;
        const target = resolveSafeChildPath(ctx.workspacePath, relative);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, renderFile(file), 'utf8');
        files.push(relative);
      }
      ctx.logger.info(
        `Rendered cluster ${verdict.namespace}/${checked.name} (NKP ${checked.version.nkp}, Kubernetes ${checked.version.kubernetes}) to ${folder}`,
      );

      const { title, body } = pullRequestText(verdict);
      ctx.output('path', folder);
      ctx.output('files', files);
      ctx.output('provider', goldenPath.delivery.gitops.provider);
      ctx.output('repoUrl', goldenPath.delivery.gitops.repoUrl);
      ctx.output('branch', goldenPath.delivery.gitops.branch);
      ctx.output('title', title);
      ctx.output('body', body);
      ctx.output(
        'entityRef',
        `resource:default/${entityName(
          entityNamePrefix(config, verdict.source),
          checked.name,
        )}`,
      );
      ctx.output('verdict', verdict as unknown as JsonObject);
    },
  });
}

/** The prefix the source that will ingest the cluster gives entity names ('' when unknown). */
function entityNamePrefix(config: Config, source: string | undefined) {
  const sourceConfig =
    source && config.getOptionalConfig(`${NKP_SOURCES_CONFIG_KEY}.${source}`);
  return sourceConfig
    ? readNkpSourceSettings(source, sourceConfig).entityNamePrefix
    : '';
}
