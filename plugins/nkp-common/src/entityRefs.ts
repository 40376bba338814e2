/**
 * Entity refs as the suite compares them: complete (`kind:namespace/name`, the defaults filled
 * in) and in lower case, because entity refs are case-insensitive. One cache for every caller: a
 * fleet repeats a handful of owners, and the engine, the permission rules and the routes compare
 * them per cluster.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const MAX_CACHED = 100_000;
const cache = new Map<string, string | null>();

/**
 * The key two entity refs are equal under: the same string in lower case.
 *
 * @public
 */
export function entityRefKey(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * `ref` complete and in lower case, `defaultKind` and namespace `default` where it leaves them
 * out: `team-a`, `group:team-a` and `Group:default/team-a` are all `group:default/team-a`.
 * `undefined` when `ref` is no entity ref.
 *
 * @public
 */
export function normalizeEntityRef(
  ref: string,
  defaultKind: string,
): string | undefined {
  const key = `${defaultKind}\n${ref}`;
  let normalized = cache.get(key);
  if (normalized === undefined) {
    try {
      normalized = entityRefKey(
        stringifyEntityRef(
          parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
        ),
      );
    } catch {
      normalized = null;
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, normalized);
  }
  return normalized ?? undefined;
}

/**
 * An owner as the suite compares owners: a group unless the ref says otherwise; a ref that does
 * not parse is compared as it is, in lower case.
 *
 * @public
 */
export function normalizeOwnerRef(ref: string): string {
  return normalizeEntityRef(ref, 'group') ?? entityRefKey(ref);
}
