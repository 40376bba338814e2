/*
 * The checks of a cluster request that need nothing but the request and the configured lists:
 * the browser's fields run them as the user types, the backend runs them again before its
 * catalog and policy checks. Every problem is reported, each naming its field. Pure.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { NkpFieldError } from '../api';
import {
  NkpClusterRequest,
  NkpGoldenPathSizes,
  NkpPrismCentralOption,
  NkpSizeRange,
} from './types';

/**
 * The pattern of a new cluster's name: a DNS label of at most 40 characters (NKP derives longer
 * names, e.g. machine names, from it, and those must stay within 63).
 *
 * @public
 */
export const NKP_CLUSTER_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;

/**
 * What `validateClusterRequestFields` checks against: the configured sizes, Prism Centrals and
 * installable releases.
 *
 * @public
 */
export interface ClusterRequestFieldLimits {
  sizes: NkpGoldenPathSizes;
  prismCentrals: readonly NkpPrismCentralOption[];
  releases: ReadonlyArray<{ nkp: string; kubernetes: string }>;
}

const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const MAX_DESCRIPTION = 200;
const IPV4_OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

/**
 * Why a free-text value could change the structure of the YAML it is rendered into, or
 * undefined when it is one line of plain text.
 *
 * @public
 */
export function freeTextProblem(text: string): string | undefined {
  if (/[\r\n\u2028\u2029]/.test(text)) return 'must be a single line';
  if (/[\t\u0000-\u001f\u007f]/.test(text)) {
    return 'must not contain tabs or control characters';
  }
  if (/^\s*[-?:,[\]{}#&*!|>'"%@`]/.test(text)) {
    return `must not start with '${
      text.trim()[0]
    }' (it means something in YAML)`;
  }
  if (/:(\s|$)/.test(text)) {
    return "must not contain ': ' (it reads as a YAML key)";
  }
  if (/\s#/.test(text))
    return "must not contain ' #' (it starts a YAML comment)";
  if (/[{}[\]`]/.test(text)) {
    return 'must not contain { } [ ] or backticks';
  }
  return undefined;
}

function isRefOfKind(value: unknown, kind: string): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    const ref = parseEntityRef(value);
    return ref.kind.toLocaleLowerCase('en-US') === kind;
  } catch {
    return false;
  }
}

function checkRange(
  value: unknown,
  range: NkpSizeRange,
  field: string,
  unit: string,
  errors: NkpFieldError[],
) {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    errors.push({
      field,
      message: `must be a whole number from ${range.min} to ${
        range.max
      }${unit}, got ${JSON.stringify(value)}`,
    });
  }
}

function oneOf(list: readonly string[]): string {
  return list.length ? `one of ${list.join(', ')}` : 'none is configured';
}

/**
 * Every problem of a cluster request that can be told from the request and the configured
 * lists alone, each naming its field (`name`, `size.workers`, `placement.subnets[1]`, ...).
 * The catalog checks (the workspace and management cluster exist, the name is free) and the
 * policy's verdict on the version are the backend's.
 *
 * @public
 */
export function validateClusterRequestFields(
  request: Partial<NkpClusterRequest>,
  limits: ClusterRequestFieldLimits,
): NkpFieldError[] {
  const errors: NkpFieldError[] = [];
  const add = (field: string, message: string) =>
    errors.push({ field, message });

  const { name } = request;
  if (typeof name !== 'string' || !NKP_CLUSTER_NAME_PATTERN.test(name)) {
    add(
      'name',
      `must be a DNS label of at most 40 characters: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit, got ${JSON.stringify(
        name ?? '',
      )}`,
    );
  }
  if (!isRefOfKind(request.owner, 'group')) {
    add(
      'owner',
      'must be the entity ref of a group, e.g. group:default/team-acme',
    );
  }
  if (!isRefOfKind(request.workspace, 'domain')) {
    add(
      'workspace',
      'must be the entity ref of a workspace Domain, e.g. domain:default/acme',
    );
  }
  if (request.projects !== undefined) {
    if (!Array.isArray(request.projects)) {
      add('projects', 'must be a list of NKP project names');
    } else {
      request.projects.forEach((p, i) => {
        if (typeof p !== 'string' || !K8S_NAME.test(p)) {
          add(
            `projects[${i}]`,
            `must be an NKP project name, got ${JSON.stringify(p)}`,
          );
        }
      });
    }
  }
  if (request.description !== undefined) {
    if (typeof request.description !== 'string') {
      add('description', 'must be text');
    } else if (request.description.length > MAX_DESCRIPTION) {
      add(
        'description',
        `must be at most ${MAX_DESCRIPTION} characters, got ${request.description.length}`,
      );
    } else {
      const problem = freeTextProblem(request.description);
      if (problem) add('description', problem);
    }
  }

  const { operation } = request;
  if (operation !== 'managed' && operation !== 'self-managed') {
    add(
      'operation',
      `must be managed or self-managed, got ${JSON.stringify(operation ?? '')}`,
    );
  }
  if (
    operation === 'managed' &&
    !isRefOfKind(request.managementCluster, 'resource')
  ) {
    add(
      'managementCluster',
      'is required for a managed cluster: the entity ref of a management cluster, e.g. resource:default/nkp-mgmt',
    );
  }

  const version = request.version;
  if (
    !version ||
    typeof version.nkp !== 'string' ||
    typeof version.kubernetes !== 'string'
  ) {
    add('version', 'must name an NKP and a Kubernetes version');
  } else if (
    !limits.releases.some(
      r => r.nkp === version.nkp && r.kubernetes === version.kubernetes,
    )
  ) {
    add(
      'version',
      `NKP ${version.nkp} with Kubernetes ${
        version.kubernetes
      } is not an installable release here; ${oneOf(
        limits.releases.map(r => `${r.nkp}/${r.kubernetes}`),
      )}`,
    );
  }

  const size = request.size;
  const { sizes } = limits;
  if (!size || typeof size !== 'object') {
    add('size', 'is required');
  } else {
    if (!sizes.controlPlaneNodes.includes(size.controlPlaneNodes)) {
      add(
        'size.controlPlaneNodes',
        `must be ${oneOf(
          sizes.controlPlaneNodes.map(String),
        )}, got ${JSON.stringify(size.controlPlaneNodes)}`,
      );
    }
    checkRange(size.workers, sizes.workers, 'size.workers', '', errors);
    checkRange(size.vcpus, sizes.vcpus, 'size.vcpus', ' vCPUs', errors);
    checkRange(
      size.memoryGiB,
      sizes.memoryGiB,
      'size.memoryGiB',
      ' GiB',
      errors,
    );
    checkRange(size.diskGiB, sizes.diskGiB, 'size.diskGiB', ' GiB', errors);
    if (
      size.preset !== undefined &&
      !sizes.presets.some(p => p.name === size.preset)
    ) {
      add('size.preset', `must be ${oneOf(sizes.presets.map(p => p.name))}`);
    }
  }

  const placement = request.placement;
  if (!placement || typeof placement !== 'object') {
    add('placement', 'is required');
  } else {
    const pc = limits.prismCentrals.find(
      p => p.name === placement.prismCentral,
    );
    if (!pc) {
      add(
        'placement.prismCentral',
        `must be a configured Prism Central: ${oneOf(
          limits.prismCentrals.map(p => p.name),
        )}`,
      );
    } else {
      const cluster = pc.clusters.find(c => c.name === placement.cluster);
      if (!cluster) {
        add(
          'placement.cluster',
          `must be a Prism Element cluster of ${pc.name}: ${oneOf(
            pc.clusters.map(c => c.name),
          )}`,
        );
      } else {
        if (
          !Array.isArray(placement.subnets) ||
          placement.subnets.length === 0
        ) {
          add(
            'placement.subnets',
            `must name at least one subnet: ${oneOf(cluster.subnets)}`,
          );
        } else {
          placement.subnets.forEach((s, i) => {
            if (!cluster.subnets.includes(s)) {
              add(
                `placement.subnets[${i}]`,
                `must be a subnet of ${cluster.name}: ${oneOf(
                  cluster.subnets,
                )}`,
              );
            }
          });
        }
        if (!cluster.images.includes(placement.image)) {
          add(
            'placement.image',
            `must be an image of ${cluster.name}: ${oneOf(cluster.images)}`,
          );
        }
        if (!cluster.storageContainers.includes(placement.storageContainer)) {
          add(
            'placement.storageContainer',
            `must be a storage container of ${cluster.name}: ${oneOf(
              cluster.storageContainers,
            )}`,
          );
        }
      }
    }
    const endpoint = placement.controlPlaneEndpoint;
    if (
      typeof endpoint !== 'string' ||
      !IPV4.test(endpoint) ||
      /^(0|127|255)\./.test(endpoint)
    ) {
      add(
        'placement.controlPlaneEndpoint',
        `must be a usable IPv4 address such as 10.0.0.50, got ${JSON.stringify(
          endpoint ?? '',
        )}`,
      );
    }
  }

  const { delivery } = request;
  if (delivery !== 'gitops' && delivery !== 'direct') {
    add(
      'delivery',
      `must be gitops or direct, got ${JSON.stringify(delivery ?? '')}`,
    );
  } else if (delivery === 'direct' && operation === 'self-managed') {
    add(
      'delivery',
      'direct apply goes to a management cluster: a self-managed cluster is delivered by GitOps',
    );
  }
  return errors;
}
