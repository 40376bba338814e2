/**
 * The browser's checks of a cluster request's fields, pure and in one place: the field
 * extensions show them under their inputs and run them as their `validation`, and the backend
 * runs the same rules again (`POST /golden-path/check`). When nkp-common's
 * `validateClusterRequestFields` lands, these become calls to it; the field paths
 * (`size.workers`, `placement.subnets`, ...) are already the backend's.
 */
import {
  NkpClusterDelivery,
  NkpClusterOperation,
  NkpClusterPlacement,
  NkpClusterSize,
  NkpFieldError,
  NkpGoldenPathOptions,
  NkpGoldenPathSizes,
  NkpPrismCentralOption,
  NkpVersionOptions,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** The labels the messages use for each checked field, as the form shows them. */
export const FIELD_LABELS = {
  owner: 'Owning group',
  workspace: 'Workspace',
  projects: 'Projects',
  managementCluster: 'Management cluster',
  version: 'Version',
  'size.controlPlaneNodes': 'Control-plane nodes',
  'size.workers': 'Workers',
  'size.vcpus': 'vCPUs per node',
  'size.memoryGiB': 'Memory per node (GiB)',
  'size.diskGiB': 'Disk per node (GiB)',
  'placement.prismCentral': 'Prism Central',
  'placement.cluster': 'Prism Element cluster',
  'placement.subnets': 'Subnets',
  'placement.image': 'Image',
  'placement.storageContainer': 'Storage container',
  'placement.controlPlaneEndpoint': 'Control-plane endpoint',
  delivery: 'Delivery',
} as const;

/** A field the checks know. */
export type CheckedField = keyof typeof FIELD_LABELS;

const problem = (field: CheckedField, message: string): NkpFieldError => ({
  field,
  message: `${FIELD_LABELS[field]}: ${message}`,
});

/** The first problem with each field, by field path. */
export function problemsByField(
  errors: NkpFieldError[],
): Partial<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { field, message } of errors) out[field] ??= message;
  return out;
}

/** A value chosen from a list: required, and one of the list. */
export function checkChoice(
  field: CheckedField,
  value: string | undefined,
  allowed: readonly string[],
  what: string,
): NkpFieldError[] {
  if (!value) return [problem(field, `choose ${what}`)];
  if (!allowed.includes(value)) {
    return [
      problem(
        field,
        `"${value}" is not ${what}${
          allowed.length ? ` (one of: ${allowed.join(', ')})` : ''
        }`,
      ),
    ];
  }
  return [];
}

/** Every part of the size is a whole number within the configured ranges. */
export function checkSize(
  size: Partial<NkpClusterSize> | undefined,
  sizes: NkpGoldenPathSizes,
): NkpFieldError[] {
  const errors: NkpFieldError[] = [];
  const cp = size?.controlPlaneNodes;
  if (cp === undefined || !sizes.controlPlaneNodes.includes(cp)) {
    errors.push(
      problem(
        'size.controlPlaneNodes',
        `must be one of ${sizes.controlPlaneNodes.join(', ')}${
          cp === undefined ? '' : `, not ${cp}`
        }`,
      ),
    );
  }
  for (const key of ['workers', 'vcpus', 'memoryGiB', 'diskGiB'] as const) {
    const value = size?.[key];
    const { min, max } = sizes[key];
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < min ||
      value > max
    ) {
      errors.push(
        problem(
          `size.${key}`,
          `must be a whole number from ${min} to ${max}${
            value === undefined || Number.isNaN(value) ? '' : `, not ${value}`
          }`,
        ),
      );
    }
  }
  return errors;
}

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 address in dotted-decimal form, e.g. `10.0.0.10`. */
export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

/** The placement names a configured Prism Central and only what app-config lists for it. */
export function checkPlacement(
  placement: Partial<NkpClusterPlacement> | undefined,
  prismCentrals: NkpPrismCentralOption[],
): NkpFieldError[] {
  const errors: NkpFieldError[] = [];
  const pcErrors = checkChoice(
    'placement.prismCentral',
    placement?.prismCentral,
    prismCentrals.map(pc => pc.name),
    'a configured Prism Central',
  );
  errors.push(...pcErrors);
  const pc = prismCentrals.find(p => p.name === placement?.prismCentral);
  if (pc) {
    const clusterErrors = checkChoice(
      'placement.cluster',
      placement?.cluster,
      pc.clusters.map(c => c.name),
      `a Prism Element cluster of ${pc.name}`,
    );
    errors.push(...clusterErrors);
    const cluster = pc.clusters.find(c => c.name === placement?.cluster);
    if (cluster) {
      const subnets = placement?.subnets ?? [];
      const unknown = subnets.filter(s => !cluster.subnets.includes(s));
      if (!subnets.length) {
        errors.push(problem('placement.subnets', 'choose at least one subnet'));
      } else if (unknown.length) {
        errors.push(
          problem(
            'placement.subnets',
            `${unknown.join(', ')} not configured for ${cluster.name}`,
          ),
        );
      }
      errors.push(
        ...checkChoice(
          'placement.image',
          placement?.image,
          cluster.images,
          `an image of ${cluster.name}`,
        ),
        ...checkChoice(
          'placement.storageContainer',
          placement?.storageContainer,
          cluster.storageContainers,
          `a storage container of ${cluster.name}`,
        ),
      );
    }
  }
  const endpoint = placement?.controlPlaneEndpoint?.trim() ?? '';
  if (!isIpv4(endpoint)) {
    errors.push(
      problem(
        'placement.controlPlaneEndpoint',
        endpoint
          ? `"${endpoint}" is not an IPv4 address such as 10.0.0.10`
          : 'enter the IPv4 address of the control-plane endpoint',
      ),
    );
  }
  return errors;
}

/** `NKP 2.17.1 / Kubernetes 1.34.3` */
export function formatVersion(version: {
  nkp: string;
  kubernetes: string;
}): string {
  return `NKP ${version.nkp} / Kubernetes ${version.kubernetes}`;
}

/** The version is one the policy offers; a hidden one is refused with the policy's reason. */
export function checkVersion(
  version: { nkp?: string; kubernetes?: string } | undefined,
  options: NkpVersionOptions,
): NkpFieldError[] {
  if (!version?.nkp || !version.kubernetes) {
    return [problem('version', 'choose a version')];
  }
  const same = (o: { nkp: string; kubernetes: string }) =>
    o.nkp === version.nkp && o.kubernetes === version.kubernetes;
  if (options.offered.some(same)) return [];
  const allowed = options.offered.length
    ? `allowed: ${options.offered.map(formatVersion).join(', ')}`
    : 'the policy allows no version for this choice';
  const hidden = options.hidden.find(same);
  const chosen = formatVersion(version as { nkp: string; kubernetes: string });
  return [
    problem(
      'version',
      hidden
        ? `${chosen} is not allowed: ${hidden.reason} (${allowed})`
        : `${chosen} is not an installable release (${allowed})`,
    ),
  ];
}

/** Direct apply only when the backend offers it and a management cluster applies it. */
export function directDeliveryOffered(
  options: Pick<NkpGoldenPathOptions, 'delivery'>,
  operation: NkpClusterOperation | undefined,
): boolean {
  return options.delivery.direct && operation === 'managed';
}

/** The delivery is GitOps, or a direct apply the caller is offered. */
export function checkDelivery(
  delivery: NkpClusterDelivery | undefined,
  options: Pick<NkpGoldenPathOptions, 'delivery'>,
  operation: NkpClusterOperation | undefined,
): NkpFieldError[] {
  if (delivery === 'gitops') return [];
  if (delivery === 'direct') {
    if (directDeliveryOffered(options, operation)) return [];
    return [
      problem(
        'delivery',
        operation !== 'managed'
          ? 'a direct apply needs a management cluster; choose the GitOps pull request'
          : 'you may not apply directly (nkp.cluster.apply); choose the GitOps pull request',
      ),
    ];
  }
  return [problem('delivery', 'choose how the cluster is delivered')];
}
