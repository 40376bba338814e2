/*
 * Error answers shaped like kube-apiserver's: a `Status` object (kind Status, status Failure)
 * with reason, message, code and details, so clients that read `message` or `reason` behave as
 * they do against a real server.
 */
import { qualifiedName, ResourceType } from '../resources/resourceTypes';

/**
 * One problem of an Invalid or Conflict answer (`details.causes[]`).
 *
 * @public
 */
export interface StatusCause {
  reason?: string;
  type?: string;
  message: string;
  field?: string;
}

/**
 * A kube-apiserver `Status` body.
 *
 * @public
 */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: StatusCause[];
  };
  code: number;
}

/** A request that fails with a `Status` answer. */
export class ApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
  }
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: KubeStatus['details'],
): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}

function objectDetails(type: ResourceType, name?: string) {
  return {
    ...(name ? { name } : {}),
    group: type.group,
    kind: type.plural,
  };
}

export const statusErrors = {
  badRequest: (message: string) => failure(400, 'BadRequest', message),

  unauthorized: () => failure(401, 'Unauthorized', 'Unauthorized'),

  forbidden: (
    type: ResourceType,
    user: string,
    verb: string,
    name?: string,
    namespace?: string,
  ) =>
    failure(
      403,
      'Forbidden',
      `${qualifiedName(type)}${
        name ? ` "${name}"` : ''
      } is forbidden: User "${user}" cannot ${verb} resource "${
        type.plural
      }" in API group "${type.group}"${
        namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'
      }`,
      objectDetails(type, name),
    ),

  /** A path that names no resource this server serves. */
  noSuchResource: () =>
    failure(
      404,
      'NotFound',
      'the server could not find the requested resource',
    ),

  notFound: (type: ResourceType, name: string) =>
    failure(
      404,
      'NotFound',
      `${qualifiedName(type)} "${name}" not found`,
      objectDetails(type, name),
    ),

  methodNotAllowed: (method: string) =>
    failure(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource (${method})`,
    ),

  /** An optimistic-concurrency conflict (a stale metadata.resourceVersion). */
  modified: (type: ResourceType, name: string) =>
    failure(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedName(
        type,
      )} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      objectDetails(type, name),
    ),

  /** Server-side apply touching fields another field manager owns with other values. */
  applyConflict: (
    type: ResourceType,
    name: string,
    apiVersion: string,
    conflicts: Array<{ manager: string; field: string }>,
  ) =>
    failure(
      409,
      'Conflict',
      `Apply failed with ${conflicts.length} conflict${
        conflicts.length === 1 ? '' : 's'
      }: ${conflicts
        .map(
          c => `conflict with "${c.manager}" using ${apiVersion}: ${c.field}`,
        )
        .join('\n')}`,
      {
        ...objectDetails(type, name),
        causes: conflicts.map(c => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}" using ${apiVersion}`,
          field: c.field,
        })),
      },
    ),

  invalid: (type: ResourceType, name: string, causes: StatusCause[]) =>
    failure(
      422,
      'Invalid',
      `${type.kind}${
        type.group ? `.${type.group}` : ''
      } "${name}" is invalid: ${
        causes.length === 1
          ? causes[0].message
          : `[${causes.map(c => c.message).join(', ')}]`
      }`,
      { ...objectDetails(type, name), kind: type.kind, causes },
    ),

  /** Query parameters a LIST or WATCH does not accept, as kube-apiserver's ListOptions check. */
  invalidListOptions: (causes: Array<{ field: string; message: string }>) =>
    failure(
      422,
      'Invalid',
      `ListOptions.meta.k8s.io "" is invalid: ${
        causes.length === 1
          ? `${causes[0].field}: ${causes[0].message}`
          : `[${causes.map(c => `${c.field}: ${c.message}`).join(', ')}]`
      }`,
      {
        group: 'meta.k8s.io',
        kind: 'ListOptions',
        causes: causes.map(c => ({
          reason: 'FieldValueForbidden',
          message: c.message,
          field: c.field,
        })),
      },
    ),

  unsupportedMediaType: (contentType: string) =>
    failure(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml (got "${contentType}")`,
    ),

  tooLarge: () =>
    failure(413, 'RequestEntityTooLarge', 'the request entity is too large'),

  /** A continue token whose snapshot is gone. */
  expired: () =>
    failure(
      410,
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
    ),

  /** A watch from a resourceVersion older than the event window. */
  gone: (resourceVersion: string) =>
    failure(410, 'Expired', `too old resource version: ${resourceVersion}`),
};
