/*
 * Server-side apply: `PATCH` with `Content-Type: application/apply-patch+yaml` (YAML or JSON),
 * `fieldManager` required, `force=true` to take fields over from other managers, `dryRun=All`
 * to validate and answer without storing. 201 when the apply created the object, 200 otherwise.
 */
import type http from 'node:http';
import { parse } from 'yaml';
import { applyObject } from '../apply/applyObject';
import { NAMESPACE_TYPE, qualifiedName } from '../resources/resourceTypes';
import { Caller, ServerContext, sendJson } from './context';
import { ResourcePath } from './resourcePath';
import { statusErrors } from './status';

export const APPLY_PATCH = 'application/apply-patch+yaml';

function flagOf(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw statusErrors.badRequest(
    `${name}: Invalid value: "${raw}": must be true or false`,
  );
}

export function dryRunOf(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  for (const value of values) {
    if (value !== 'All') {
      throw statusErrors.badRequest(
        `dryRun: Unsupported value: "${value}": supported values: "All"`,
      );
    }
  }
  return values.length > 0;
}

/** `namespace/name`, or the name of a cluster-scoped object. */
export function describeTarget(target: ResourcePath): string {
  return `${qualifiedName(target.type)} ${
    target.namespace ? `${target.namespace}/` : ''
  }${target.name}`;
}

export function handleApply(
  context: ServerContext,
  target: ResourcePath & { name: string },
  query: URLSearchParams,
  req: http.IncomingMessage,
  body: string,
  caller: Caller,
  res: http.ServerResponse,
): void {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (contentType !== APPLY_PATCH) {
    throw statusErrors.unsupportedMediaType(contentType);
  }
  const fieldManager = query.get('fieldManager');
  if (!fieldManager) {
    throw statusErrors.badRequest(
      'fieldManager: Required value: is required for apply patch',
    );
  }
  if (fieldManager.length > 128) {
    throw statusErrors.badRequest(
      'fieldManager: Too long: may not be more than 128 bytes',
    );
  }
  const force = flagOf(query, 'force');
  const dryRun = dryRunOf(query);
  if (!caller.canWrite) {
    throw statusErrors.forbidden(
      target.type,
      caller.user,
      'patch',
      target.name,
      target.namespace,
    );
  }
  let parsed: unknown;
  try {
    parsed = parse(body);
  } catch (error) {
    throw statusErrors.badRequest(
      `error decoding YAML: ${(error as Error).message}`,
    );
  }
  const { store } = context;
  const result = applyObject({
    type: target.type,
    namespace: target.namespace,
    name: target.name,
    body: parsed,
    fieldManager,
    force,
    existing: store.get(target.type, target.namespace, target.name),
    namespaceExists: name =>
      Boolean(store.get(NAMESPACE_TYPE, undefined, name)),
    now: new Date(),
  });
  let outcome = 'unchanged';
  if (result.created) outcome = 'created';
  else if (result.changed) outcome = 'configured';
  if (dryRun || !result.changed) {
    context.log(
      `apply${dryRun ? ' (dry run)' : ''} ${describeTarget(
        target,
      )} by ${fieldManager}: ${dryRun ? `would be ${outcome}` : outcome}`,
    );
    sendJson(res, result.created ? 201 : 200, result.object);
    return;
  }
  const stored = store.put(target.type, result.object);
  context.log(
    `apply ${describeTarget(
      target,
    )} by ${fieldManager}: ${outcome} (resourceVersion ${
      stored.metadata.resourceVersion
    })`,
  );
  sendJson(res, result.created ? 201 : 200, stored);
}
