/*
 * Turns a fleet model into catalog entities: cluster → Resource (kubernetes-cluster), workspace →
 * Domain, project → System in that Domain. Pure: the same fleet and options always give the
 * same entities.
 *
 * Graph: a project System dependsOn the clusters it is placed on (written from the cluster side
 * with `spec.dependencyOf`, since System has no dependsOn), a managed cluster dependsOn its
 * management cluster, and a System is part of its workspace Domain.
 */

import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  NKP_ANNOTATIONS,
  NKP_RELEASE_ANNOTATIONS,
  NKP_RELEASE_RESOURCE_TYPE,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  isApiServerAllowed,
  parseApiServerPatterns,
} from './apiServerAllowList';
import { entityName } from './entityName';
import { HOST_CLUSTER_NAME } from './labels';
import { NormaliseMemo, remember } from './NormaliseMemo';
import { resolveOwner } from './resolveOwner';
import { fleetStrings } from './StringPool';
import {
  NkpCluster,
  NkpFleet,
  NkpProject,
  NkpRelease,
  NkpWarning,
  NkpWorkspace,
} from './types';

// The annotations @backstage/plugin-kubernetes's `catalog` cluster locator reads.
export const KUBERNETES_API_SERVER = 'kubernetes.io/api-server';
export const KUBERNETES_API_SERVER_CA =
  'kubernetes.io/api-server-certificate-authority';
export const KUBERNETES_AUTH_PROVIDER = 'kubernetes.io/auth-provider';
export const KUBERNETES_OIDC_TOKEN_PROVIDER =
  'kubernetes.io/oidc-token-provider';

/** @public */
export interface FleetEntityOptions {
  sourceId: string;
  /** Prepended to every entity name; '' for none. */
  entityNamePrefix: string;
  /** Location reference recorded as managed-by-location, e.g. `nkp:demo`. */
  locationRef: string;
  dashboardUrl?: string;
  owners: {
    /** Entity reference used when nothing else names an owner. */
    default: string;
    /** Workspace name → owner entity reference; wins over labels on the objects. */
    workspaces: Record<string, string>;
  };
  /**
   * Control-plane hosts that `kubernetes.io/api-server` may point at (`allowedApiServers` of the
   * source): names, `*.domain` wildcards, IP addresses, CIDR ranges. None when unset: an endpoint
   * comes from objects that tenants can write, and the Kubernetes plugin sends viewers' tokens
   * there.
   */
  allowedApiServers?: string[];
  /** What the Kubernetes plugin needs to reach clusters; written only when known. */
  kubernetes?: {
    authProvider?: string;
    oidcTokenProvider?: string;
    /** Base64 CA bundle of the source's own cluster. */
    caData?: string;
  };
}

/**
 * With a `memo` (the one `normaliseFleet` was given), the entity of a cluster, workspace or
 * project whose model and context did not change is the entity built last time.
 *
 * @public
 */
export function fleetToEntities(
  fleet: NkpFleet,
  options: FleetEntityOptions,
  memo?: NormaliseMemo,
): { entities: Entity[]; warnings: NkpWarning[] } {
  const warnings: NkpWarning[] = [];
  // Everything an entity depends on besides its own model and its workspace.
  const context = memo ? JSON.stringify(options) : '';
  const builders = entityBuilders(fleet, options);
  const { sourceEntityName, ws } = builders;
  // `inputs`: what the entity depends on besides its model, `context` first.
  const build = <T extends object>(
    step: string,
    model: T,
    inputs: unknown[],
    make: (model: T, warn: NkpWarning[]) => Entity,
  ) =>
    remember(
      memo,
      step,
      model,
      inputs,
      warnings,
      warn => make(model, warn),
      true,
    );
  const entities = [
    ...fleet.clusters.map(c =>
      build(
        'clusterEntity',
        c,
        [context, sourceEntityName, ws(c.workspace)],
        builders.clusterEntity,
      ),
    ),
    ...fleet.workspaces.map(w =>
      build('workspaceEntity', w, [context], builders.workspaceEntity),
    ),
    ...fleet.projects.map(p =>
      build(
        'projectEntity',
        p,
        [context, ws(p.workspace)],
        builders.projectEntity,
      ),
    ),
    // Releases without a version say nothing the calendar could use.
    ...fleet.releases
      .filter(r => r.version)
      .map(r =>
        build(
          'releaseEntity',
          r,
          [context, sourceEntityName],
          builders.releaseEntity,
        ),
      ),
  ];
  return { entities: dropDuplicates(entities, warnings), warnings };
}

/**
 * How each kind of entity is built from its model, in the context of one fleet and source: the
 * cluster builder is also what FleetPatcher uses for a changed cluster.
 */
export function entityBuilders(fleet: NkpFleet, options: FleetEntityOptions) {
  const prefix = options.entityNamePrefix;
  const workspaces = new Map(fleet.workspaces.map(w => [w.name, w]));
  const ws = (name: string | undefined) =>
    name === undefined ? undefined : workspaces.get(name);
  const systemName = (workspace: string | undefined, project: string) =>
    entityName(prefix, ...(workspace ? [workspace] : []), project);
  const allowedApiServers = parseApiServerPatterns(
    options.allowedApiServers ?? [],
  );
  const source = fleet.clusters.find(c => c.isSourceCluster);
  const sourceEntityName = source && entityName(prefix, source.name);
  const sourceRef = sourceEntityName && `resource:default/${sourceEntityName}`;
  // Names and references many entities repeat are built once and shared.
  const clusterEntityNames = new Map<string, string>();
  const clusterEntityName = (name: string) => {
    let built = clusterEntityNames.get(name);
    if (built === undefined) {
      built = entityName(prefix, name);
      clusterEntityNames.set(name, built);
    }
    return built;
  };
  const systemRefs = new Map<string | undefined, Map<string, string>>();
  const systemRef = (workspace: string | undefined, project: string) => {
    let ofWorkspace = systemRefs.get(workspace);
    if (!ofWorkspace) {
      ofWorkspace = new Map();
      systemRefs.set(workspace, ofWorkspace);
    }
    let ref = ofWorkspace.get(project);
    if (ref === undefined) {
      ref = `system:default/${systemName(workspace, project)}`;
      ofWorkspace.set(project, ref);
    }
    return ref;
  };

  const owner = (
    ref: string,
    workspace: string | undefined,
    own: string | undefined,
    warn: NkpWarning[],
  ) =>
    resolveOwner(
      [
        workspace ? options.owners.workspaces[workspace] : undefined,
        own,
        workspace ? workspaces.get(workspace)?.owner : undefined,
      ],
      options.owners.default,
      value =>
        warn.push({
          object: ref,
          message: `owner "${value}" is not a valid entity reference; ignored`,
        }),
    );

  // Built by assignment: an object literal of computed keys, copied without its empty values,
  // cost several times as much per entity (the first build of a large fleet makes thousands).
  const annotationsOf = (objectName: string): Record<string, string> => {
    const annotations: Record<string, string> = {};
    annotations[ANNOTATION_LOCATION] = options.locationRef;
    annotations[ANNOTATION_ORIGIN_LOCATION] = options.locationRef;
    annotations[NKP_ANNOTATIONS.source] = options.sourceId;
    annotations[NKP_ANNOTATIONS.objectName] = objectName;
    return annotations;
  };
  const entity = (
    kind: string,
    name: string,
    annotations: Record<string, string>,
    title: string,
    spec: Entity['spec'],
    description?: string,
  ): Entity => {
    const metadata: Entity['metadata'] = { name, annotations };
    if (options.dashboardUrl) {
      metadata.links = [
        {
          url: options.dashboardUrl,
          title: 'NKP dashboard',
          type: 'dashboard',
        },
      ];
    }
    metadata.title = title;
    if (description) {
      metadata.description = description;
    }
    return { apiVersion: 'backstage.io/v1alpha1', kind, metadata, spec };
  };

  const clusterEntity = (cluster: NkpCluster, warn: NkpWarning[]): Entity => {
    const apiServer = allowedApiServer(cluster, allowedApiServers, warn);
    const k8s = options.kubernetes ?? {};
    const managedBy = cluster.isSourceCluster ? undefined : sourceRef;
    const annotations = annotationsOf(cluster.name);
    put(annotations, NKP_ANNOTATIONS.clusterType, cluster.type);
    put(
      annotations,
      NKP_ANNOTATIONS.kubernetesVersion,
      cluster.kubernetesVersion,
    );
    put(annotations, NKP_ANNOTATIONS.nkpVersion, cluster.nkpVersion);
    put(annotations, NKP_ANNOTATIONS.phase, cluster.phase);
    put(annotations, NKP_ANNOTATIONS.workspace, cluster.workspace);
    put(
      annotations,
      NKP_ANNOTATIONS.projects,
      fleetStrings.share(cluster.projects.join(',')),
    );
    put(
      annotations,
      NKP_ANNOTATIONS.managementCluster,
      cluster.managementCluster && clusterEntityName(cluster.managementCluster),
    );
    if (apiServer) {
      put(annotations, KUBERNETES_API_SERVER, apiServer);
      if (cluster.isSourceCluster) {
        put(annotations, KUBERNETES_API_SERVER_CA, k8s.caData);
      }
      put(annotations, KUBERNETES_AUTH_PROVIDER, k8s.authProvider);
      put(annotations, KUBERNETES_OIDC_TOKEN_PROVIDER, k8s.oidcTokenProvider);
    }
    const spec: Entity['spec'] = {
      type: KUBERNETES_CLUSTER_RESOURCE_TYPE,
      owner: owner(
        `Cluster ${cluster.name}`,
        cluster.workspace,
        cluster.owner,
        warn,
      ),
    };
    if (managedBy) {
      spec.dependsOn = [managedBy];
    }
    if (cluster.projects.length) {
      spec.dependencyOf = cluster.projects.map(p =>
        systemRef(cluster.workspace, p),
      );
    }
    return entity(
      'Resource',
      entityName(prefix, cluster.name),
      annotations,
      clusterTitle(cluster, options.sourceId),
      spec,
    );
  };

  const workspaceEntity = (
    workspace: NkpWorkspace,
    warn: NkpWarning[],
  ): Entity => {
    const annotations = annotationsOf(workspace.name);
    put(annotations, NKP_ANNOTATIONS.workspace, workspace.name);
    put(annotations, NKP_ANNOTATIONS.namespace, workspace.namespace);
    return entity(
      'Domain',
      entityName(prefix, workspace.name),
      annotations,
      workspace.displayName ?? workspace.name,
      {
        owner: owner(
          `Workspace ${workspace.name}`,
          workspace.name,
          workspace.owner,
          warn,
        ),
      },
      workspace.description,
    );
  };

  const projectEntity = (project: NkpProject, warn: NkpWarning[]): Entity => {
    const annotations = annotationsOf(project.name);
    put(annotations, NKP_ANNOTATIONS.workspace, project.workspace);
    const spec: Entity['spec'] = {
      owner: owner(
        `Project ${project.namespace}/${project.name}`,
        project.workspace,
        project.owner,
        warn,
      ),
    };
    if (project.workspace && workspaces.has(project.workspace)) {
      spec.domain = `domain:default/${entityName(prefix, project.workspace)}`;
    }
    return entity(
      'System',
      systemName(project.workspace, project.name),
      annotations,
      project.displayName ?? project.name,
      spec,
      project.description,
    );
  };

  const releaseEntity = (release: NkpRelease): Entity => {
    const annotations = annotationsOf(release.name);
    put(annotations, NKP_RELEASE_ANNOTATIONS.version, release.version);
    put(
      annotations,
      NKP_RELEASE_ANNOTATIONS.supportedKubernetesVersions,
      release.supportedKubernetesVersions.join(','),
    );
    put(annotations, NKP_RELEASE_ANNOTATIONS.releaseDate, release.releaseDate);
    put(
      annotations,
      NKP_RELEASE_ANNOTATIONS.endOfLifeDate,
      release.endOfLifeDate,
    );
    const spec: Entity['spec'] = {
      type: NKP_RELEASE_RESOURCE_TYPE,
      owner: options.owners.default,
    };
    if (sourceRef) {
      spec.dependencyOf = [sourceRef];
    }
    return entity(
      'Resource',
      entityName(prefix, 'release', release.name),
      annotations,
      `NKP ${release.version ?? release.name}`,
      spec,
    );
  };

  return {
    clusterEntity,
    workspaceEntity,
    projectEntity,
    releaseEntity,
    sourceEntityName,
    ws,
  };
}

/**
 * Without its CAPI Cluster the source's own cluster is known only as `host-cluster`, the same on
 * every NKP installation; name it after the source instead. The entity name stays as it is.
 */
function clusterTitle(cluster: NkpCluster, sourceId: string): string {
  if (cluster.displayName) {
    return cluster.displayName;
  }
  if (cluster.isSourceCluster && cluster.name === HOST_CLUSTER_NAME) {
    return `${sourceId} ${
      cluster.type === 'management' ? 'management cluster' : 'cluster'
    }`;
  }
  return cluster.name;
}

/** Two NKP objects can still map to one entity name (e.g. after truncation); keep the first. */
function dropDuplicates(entities: Entity[], warnings: NkpWarning[]): Entity[] {
  const seen = new Set<string>();
  return entities.filter(entity => {
    const key = `${entity.kind}:${entity.metadata.name}`;
    if (seen.has(key)) {
      warnings.push({
        object: `${entity.kind} ${entity.metadata.name}`,
        message:
          'another NKP object of this source maps to the same entity name; skipped',
      });
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * The cluster's `kubernetes.io/api-server` when its endpoint's host is allowed; an endpoint that
 * is not, when some are, is worth a warning (a typo in the list, or an object pointing elsewhere).
 */
function allowedApiServer(
  cluster: NkpCluster,
  allowed: ReturnType<typeof parseApiServerPatterns>,
  warn: NkpWarning[],
): string | undefined {
  if (!cluster.endpoint || allowed.length === 0) {
    return undefined;
  }
  const { host, port } = cluster.endpoint;
  if (!isApiServerAllowed(host, allowed)) {
    warn.push({
      object: `Cluster ${cluster.namespace ? `${cluster.namespace}/` : ''}${
        cluster.name
      }`,
      message: `control-plane host "${host}" is not in the source's allowedApiServers; kubernetes.io/api-server not set`,
    });
    return undefined;
  }
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Sets `key` to `value` unless the value is empty. */
function put(
  record: Record<string, string>,
  key: string,
  value: string | undefined,
): void {
  if (value) {
    record[key] = value;
  }
}
