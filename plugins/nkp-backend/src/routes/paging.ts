/**
 * Offset paging of the lists that are built in memory (`/plans`, `/exceptions`). The OpenAPI
 * document is the one place that says each list's default and maximum `limit`: its validator
 * refuses a larger one (400 naming `limit`) and fills in the default before a route runs.
 */

/** One page of `items`, and the paging fields of the answer. */
export function pageOf<T>(
  items: readonly T[],
  query: { offset?: number; limit?: number },
): { items: T[]; totalCount: number; offset: number; limit: number } {
  const offset = query.offset ?? 0;
  // Never absent behind the validator, which applies the document's default.
  const limit = query.limit ?? items.length;
  return {
    items: items.slice(offset, offset + limit),
    totalCount: items.length,
    offset,
    limit,
  };
}
