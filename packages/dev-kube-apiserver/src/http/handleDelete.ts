/*
 * DELETE of one object, at once (no finalizers, no graceful deletion); answers the object as it
 * was deleted. `dryRun=All` answers without deleting.
 */
import type http from 'node:http';
import { Caller, ServerContext, sendJson } from './context';
import { describeTarget, dryRunOf } from './handleApply';
import { ResourcePath } from './resourcePath';
import { statusErrors } from './status';

export function handleDelete(
  context: ServerContext,
  target: ResourcePath & { name: string },
  query: URLSearchParams,
  caller: Caller,
  res: http.ServerResponse,
): void {
  const dryRun = dryRunOf(query);
  if (!caller.canWrite) {
    throw statusErrors.forbidden(
      target.type,
      caller.user,
      'delete',
      target.name,
      target.namespace,
    );
  }
  const { store } = context;
  const existing = store.get(target.type, target.namespace, target.name);
  if (!existing) {
    throw statusErrors.notFound(target.type, target.name);
  }
  if (dryRun) {
    context.log(`delete (dry run) ${describeTarget(target)}: would be deleted`);
    sendJson(res, 200, existing);
    return;
  }
  const deleted = store.delete(target.type, target.namespace, target.name)!;
  context.log(
    `delete ${describeTarget(target)}: deleted (resourceVersion ${
      deleted.metadata.resourceVersion
    })`,
  );
  sendJson(res, 200, deleted);
}
