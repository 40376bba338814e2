import { RawObject } from '../normalise';

/**
 * Expands `List` / `*List` documents into their items. Typed lists straight from the API
 * (`WorkspaceList`) omit `apiVersion` and `kind` on the items, so they inherit them from the list.
 */
export function flattenLists(documents: RawObject[]): RawObject[] {
  return documents.flatMap(document => {
    const kind = typeof document.kind === 'string' ? document.kind : '';
    if (!kind.endsWith('List') || !Array.isArray(document.items)) {
      return [document];
    }
    const itemKind =
      kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    return flattenLists(
      document.items.map(item =>
        typeof item === 'object' &&
        item !== null &&
        !Array.isArray(item) &&
        itemKind
          ? {
              apiVersion: document.apiVersion,
              kind: itemKind,
              ...(item as RawObject),
            }
          : (item as RawObject),
      ),
    );
  });
}
