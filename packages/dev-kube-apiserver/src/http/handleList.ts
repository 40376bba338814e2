/*
 * LIST of a collection: all objects of a type (in one namespace, or all), paged by `limit` and
 * `continue` over a consistent snapshot. Label and field selectors are refused: the portal's
 * source does not use them and a silently ignored selector would answer too much.
 */
import type http from 'node:http';
import { apiVersionOf } from '../resources/resourceTypes';
import { ServerContext, sendJson } from './context';
import { ResourcePath } from './resourcePath';
import { statusErrors } from './status';

function limitOf(query: URLSearchParams): number | undefined {
  const raw = query.get('limit');
  if (raw === null || raw === '' || raw === '0') return undefined;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0) {
    throw statusErrors.badRequest(
      `limit: Invalid value: "${raw}": must be a non-negative integer`,
    );
  }
  return limit;
}

export function refuseSelectors(query: URLSearchParams): void {
  for (const selector of ['labelSelector', 'fieldSelector']) {
    if (query.get(selector)) {
      throw statusErrors.badRequest(
        `${selector}: not supported by dev-kube-apiserver (see its README)`,
      );
    }
  }
}

export function handleList(
  context: ServerContext,
  target: ResourcePath,
  pathname: string,
  query: URLSearchParams,
  res: http.ServerResponse,
): void {
  refuseSelectors(query);
  const limit = limitOf(query);
  const token = query.get('continue');
  const page = token
    ? context.snapshots.next(pathname, token, limit)
    : context.snapshots.first(
        pathname,
        context.store.list(target.type, target.namespace),
        context.store.resourceVersion,
        limit,
      );
  sendJson(res, 200, {
    apiVersion: apiVersionOf(target.type),
    kind: `${target.type.kind}List`,
    metadata: {
      resourceVersion: String(page.resourceVersion),
      ...(page.continue
        ? {
            continue: page.continue,
            remainingItemCount: page.remainingItemCount,
          }
        : {}),
    },
    items: page.items,
  });
}
