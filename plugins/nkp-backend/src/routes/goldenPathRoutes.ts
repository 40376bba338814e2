/**
 * The golden path: what the cluster request form offers (`/golden-path/options`), the versions
 * the policy allows for a new cluster (`/golden-path/versions`, the fleet's own engine,
 * calendar, plans and exceptions on the hypothetical cluster) and the check of a request
 * (`/golden-path/check`: fields, catalog, policy and permissions; it changes nothing).
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  ClusterEvaluation,
  NkpClusterRequest,
  NkpClusterRequestVerdict,
  NkpFieldError,
  NkpGoldenPathOptions,
  NkpVersionOptions,
  entityRefKey,
  nkpClusterApplyPermission,
  nkpClusterRequestPermission,
  normalizeEntityRef,
  validateClusterRequestFields,
  versionOptionsFor,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpGoldenPathConfig } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { FleetAccess, actorOf } from '../permissions/FleetAccess';
import { GoldenPathAccess } from '../permissions/GoldenPathAccess';
import { clusterNameKey } from '../state/FleetReader';
import { FleetSnapshot, FleetState } from '../state/FleetState';
import {
  CatalogWorkspace,
  GoldenPathCatalog,
} from '../state/GoldenPathCatalog';
import { prismCentralView } from '../views/goldenPathViews';
import { NkpApiRouter } from './types';
import { invalidInput } from './validation';

/** What the golden path's routes need besides the fleet. */
export interface GoldenPathRouteOptions {
  config: NkpGoldenPathConfig;
  access: GoldenPathAccess;
  catalog: GoldenPathCatalog;
}

/** The management cluster `ref` names in the fleet, or undefined when it is none. */
function managementClusterOf(
  snapshot: FleetSnapshot,
  ref: string | undefined,
): ClusterEvaluation | undefined {
  const key = ref ? normalizeEntityRef(ref, 'resource') : undefined;
  const result = key ? snapshot.byRef.get(entityRefKey(key)) : undefined;
  return result?.cluster.clusterType === 'management' ? result : undefined;
}

const NOT_A_MANAGEMENT_CLUSTER = (ref: string | undefined) =>
  ref
    ? `${JSON.stringify(ref)} is not a management cluster of the NKP fleet`
    : 'is required for a managed cluster';

export function registerGoldenPathRoutes(
  router: NkpApiRouter,
  options: {
    access: FleetAccess;
    fleet: FleetState;
    goldenPath: GoldenPathRouteOptions;
  },
) {
  const { fleet } = options;
  const { config, access, catalog } = options.goldenPath;

  const versions = (
    snapshot: FleetSnapshot,
    operation: NkpClusterRequest['operation'],
    management: ClusterEvaluation | undefined,
    tenant: { owner?: string; workspace?: string } = {},
  ): NkpVersionOptions =>
    versionOptionsFor({
      ...snapshot.engine,
      operation,
      managementCluster: management?.cluster,
      releases: config.releases,
      ...tenant,
    });

  router.get('/golden-path/options', async (req, res) => {
    const credentials = await options.access.credentials(req);
    const scope = await access.requestScope(credentials);
    const [groups, mayApply] = await Promise.all([
      catalog.listGroups(),
      access.mayApply(credentials),
    ]);
    const own = scope.all ? groups : groups.filter(g => scope.mayRequestFor(g));
    if (own.length === 0) {
      throw new NotAllowedError(
        `Not allowed to request NKP clusters for any group (${nkpClusterRequestPermission.name})`,
      );
    }
    const { gitops, direct } = config.delivery;
    res.json({
      groups: own,
      sizes: config.sizes,
      prismCentrals: config.prismCentrals.map(prismCentralView),
      delivery: {
        gitops: {
          provider: gitops.provider,
          repoUrl: gitops.repoUrl,
          branch: gitops.branch,
        },
        direct: direct.enabled && mayApply,
      },
    } satisfies NkpGoldenPathOptions);
  });

  router.get('/golden-path/versions', async (req, res) => {
    const credentials = await options.access.credentials(req);
    await access.requestScope(credentials);
    const { operation, managementCluster } = req.query;
    const snapshot = await fleet.current();
    let management: ClusterEvaluation | undefined;
    if (operation === 'managed') {
      management = managementClusterOf(snapshot, managementCluster);
      if (!management) {
        throw invalidInput('version query', [
          {
            field: 'managementCluster',
            message: NOT_A_MANAGEMENT_CLUSTER(managementCluster),
          },
        ]);
      }
    }
    res.json(versions(snapshot, operation, management));
  });

  router.post('/golden-path/check', async (req, res) => {
    const credentials = await options.access.credentials(req);
    const request = req.body as NkpClusterRequest;
    const errors: NkpFieldError[] = validateClusterRequestFields(request, {
      sizes: config.sizes,
      prismCentrals: config.prismCentrals,
      releases: config.releases,
    });
    const fieldOk = (field: string) => !errors.some(e => e.field === field);

    // Permissions first: nothing of the catalog is told to someone who may not ask.
    const scope = await access.requestScope(credentials);
    if (fieldOk('owner') && !scope.mayRequestFor(request.owner)) {
      throw new NotAllowedError(
        `owner: not allowed to request NKP clusters for ${request.owner} (${nkpClusterRequestPermission.name}); you may request them for your own groups`,
      );
    }
    if (
      request.delivery === 'direct' &&
      !(await access.mayApply(credentials))
    ) {
      throw new NotAllowedError(
        `delivery: not allowed to apply clusters directly (${nkpClusterApplyPermission.name}); use GitOps delivery`,
      );
    }

    if (request.delivery === 'direct' && !config.delivery.direct.enabled) {
      errors.push({
        field: 'delivery',
        message:
          'direct apply is not configured here (nkp.goldenPath.delivery.direct.enabled); use GitOps delivery',
      });
    }

    const snapshot = await fleet.current();
    let workspace: CatalogWorkspace | undefined;
    if (fieldOk('workspace')) {
      workspace = await catalog.workspace(request.workspace);
      if (!workspace) {
        errors.push({
          field: 'workspace',
          message: `${request.workspace} is not an NKP workspace in the catalog`,
        });
      } else if (
        !scope.all &&
        !(workspace.owner && scope.mayRequestFor(workspace.owner))
      ) {
        errors.push({
          field: 'workspace',
          message: `${request.workspace} is not a workspace of your groups`,
        });
        workspace = undefined;
      }
    }
    let management: ClusterEvaluation | undefined;
    if (request.operation === 'managed' && fieldOk('managementCluster')) {
      management = managementClusterOf(snapshot, request.managementCluster);
      if (!management) {
        errors.push({
          field: 'managementCluster',
          message: NOT_A_MANAGEMENT_CLUSTER(request.managementCluster),
        });
      }
    }
    if (
      workspace &&
      fieldOk('name') &&
      snapshot.takenNames.has(clusterNameKey(workspace.name, request.name))
    ) {
      errors.push({
        field: 'name',
        message: `a cluster named ${request.name} already exists in workspace ${workspace.name}`,
      });
    }

    let offered: NkpVersionOptions['offered'][number] | undefined;
    const canJudgeVersion =
      fieldOk('version') &&
      (request.operation === 'self-managed' || management !== undefined);
    if (canJudgeVersion) {
      const choice = versions(snapshot, request.operation, management, {
        owner: request.owner,
        workspace: workspace?.name,
      });
      const same = (v: { nkp: string; kubernetes: string }) =>
        v.nkp === request.version.nkp &&
        v.kubernetes === request.version.kubernetes;
      offered = choice.offered.find(same);
      if (!offered) {
        const hidden = choice.hidden.find(same);
        const allowed = choice.offered.map(v => `${v.nkp}/${v.kubernetes}`);
        errors.push({
          field: 'version',
          message: `NKP ${request.version.nkp} with Kubernetes ${
            request.version.kubernetes
          } is not allowed: ${
            hidden?.reason ?? 'the policy does not allow it'
          }; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
        });
      }
    }

    if (errors.length > 0 || !workspace || !offered) {
      throw invalidInput('cluster request', errors);
    }
    res.json(
      verdictOf(request, workspace, offered, management, credentials, config),
    );
  });
}

function verdictOf(
  request: NkpClusterRequest,
  workspace: CatalogWorkspace,
  version: NkpVersionOptions['offered'][number],
  management: ClusterEvaluation | undefined,
  credentials: BackstageCredentials,
  config: NkpGoldenPathConfig,
): NkpClusterRequestVerdict {
  const checked: NkpClusterRequest = {
    ...request,
    owner: normalizeEntityRef(request.owner, 'group')!,
    workspace: normalizeEntityRef(request.workspace, 'domain')!,
    projects: request.projects ?? [],
    ...(request.description !== undefined
      ? { description: request.description.trim() }
      : {}),
    ...(request.operation === 'managed'
      ? {
          managementCluster: normalizeEntityRef(
            request.managementCluster!,
            'resource',
          ),
        }
      : { managementCluster: undefined }),
  };
  if (checked.managementCluster === undefined) delete checked.managementCluster;
  return {
    request: checked,
    namespace: workspace.namespace,
    workspaceName: workspace.name,
    clusterClass: version.clusterClass,
    ...(version.supportEnds
      ? { supportEnds: version.supportEnds, daysLeft: version.daysLeft }
      : {}),
    requestedBy: actorOf(credentials),
    approvalsNeeded: config.approvers,
    ...(management?.cluster.source
      ? { source: management.cluster.source }
      : {}),
  };
}
