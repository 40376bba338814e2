import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { nkpClusterApplyPermission } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { stringify } from 'yaml';
import { managementClusterClient } from '../apply/managementClusterClient';
import { readManifests } from '../apply/readManifests';
import { NKP_SCAFFOLDER_TASK } from '../manifests/clusterManifests';
import { examples } from './applyCluster.examples';

/** The field manager of every server-side apply, as `kubectl get --show-managed-fields` shows it. */
export const NKP_FIELD_MANAGER = 'nkp-lifecycle';

/**
 * Creates the `nkp:cluster:apply` action: server-side applies what `nkp:cluster:render` wrote to
 * the management cluster, through the connection of the catalog source that ingests it (the same
 * client, authentication and timeouts). Needs `nkp.cluster.apply` for the task's initiator;
 * refuses a cluster that already exists; `dryRun=All` in a dry run; each object is applied once
 * per task, also across retries.
 *
 * @public
 */
export function createApplyClusterAction(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
}) {
  const { config, catalog, auth, permissions } = options;
  return createTemplateAction({
    id: 'nkp:cluster:apply',
    description:
      'Server-side applies the manifests nkp:cluster:render wrote to the management cluster (direct delivery, instead of a GitOps pull request)',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z.string({
            description:
              'Workspace folder nkp:cluster:render wrote to (its path output)',
          }),
        managementCluster: z =>
          z.string({
            description:
              "Entity ref of the management cluster's Resource, e.g. resource:default/demo-nkp-mgmt",
          }),
      },
      output: {
        server: z =>
          z.string({
            description: 'The API server applied to (no credentials)',
          }),
        applied: z =>
          z.array(z.string(), {
            description:
              'What was applied, e.g. "Cluster acme-retail-x7k2p/acme-dev-2"',
          }),
        dryRun: z =>
          z.boolean({
            description: 'True when the server only validated (dryRun=All)',
          }),
      },
    },
    async handler(ctx) {
      const credentials = await ctx.getInitiatorCredentials();
      const [decision] = await permissions.authorize(
        [{ permission: nkpClusterApplyPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Direct apply needs the ${
            nkpClusterApplyPermission.name
          } permission, which ${
            ctx.user?.ref ?? 'the initiator'
          } does not have; deliver through GitOps (delivery: gitops) instead`,
        );
      }
      const manifests = await readManifests(ctx.workspacePath, ctx.input.path);
      const { client } = await managementClusterClient(
        ctx.input.managementCluster,
        { config, catalog, auth },
      );
      const signal = ctx.signal ?? new AbortController().signal;
      const dryRun = Boolean(ctx.isDryRun);
      const applied: string[] = [];

      for (const manifest of manifests) {
        const where = `${manifest.kind} ${
          manifest.namespace ? `${manifest.namespace}/` : ''
        }${manifest.name}`;
        const object = {
          ...manifest.object,
          metadata: {
            ...manifest.object.metadata,
            annotations: {
              ...manifest.object.metadata.annotations,
              [NKP_SCAFFOLDER_TASK]: ctx.task.id,
            },
          },
        };
        const apply = async () => {
          const existing = (await client.getOptionalJson(
            manifest.path,
            signal,
          )) as
            | { metadata?: { annotations?: Record<string, string> } }
            | undefined;
          if (existing) {
            // A retry of this task after its apply went through: nothing left to do.
            if (
              existing.metadata?.annotations?.[NKP_SCAFFOLDER_TASK] ===
              ctx.task.id
            ) {
              return where;
            }
            throw new ConflictError(
              `${manifest.resource} "${manifest.name}" already exists in namespace ${manifest.namespace} on ${client.server}; choose another cluster name`,
            );
          }
          await client.apply(
            {
              path: manifest.path,
              resource: manifest.resource,
              namespace: manifest.namespace,
            },
            stringify(object),
            { fieldManager: NKP_FIELD_MANAGER, dryRun, signal },
          );
          return where;
        };
        try {
          applied.push(
            dryRun
              ? await apply()
              : await ctx.checkpoint({
                  key: `nkp.cluster.apply.${manifest.path}`,
                  fn: apply,
                }),
          );
        } catch (error) {
          ctx.logger.warn(
            `Applying ${where} to ${client.server} failed: ${error}`,
          );
          throw error;
        }
        ctx.logger.info(
          `${dryRun ? 'Validated (dryRun=All)' : 'Applied'} ${where} on ${
            client.server
          }`,
        );
      }
      ctx.output('server', client.server);
      ctx.output('applied', applied);
      ctx.output('dryRun', dryRun);
    },
  });
}
