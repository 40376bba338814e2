/*
 * Parses the text of one `kubectl get -o yaml|json` export: a single object, a `List`, or
 * several YAML documents. Any syntax error fails the whole file: a half-read export must not
 * look like a fleet that shrank.
 */

import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { RawObject } from '../normalise';
import { flattenLists } from './flattenLists';

export function parseExport(text: string, path: string): RawObject[] {
  const documents: unknown[] = [];
  if (path.endsWith('.json')) {
    try {
      documents.push(JSON.parse(text));
    } catch (error) {
      throw new InputError(
        `Failed to parse ${path}: ${(error as Error).message}`,
      );
    }
  } else {
    for (const document of parseAllDocuments(text)) {
      const problem = document.errors[0];
      if (problem) {
        throw new InputError(`Failed to parse ${path}: ${problem.message}`);
      }
      documents.push(document.toJS({ maxAliasCount: 100 }));
    }
  }

  const objects: RawObject[] = [];
  documents.forEach((document, index) => {
    if (document === null || document === undefined) {
      return; // an empty document, e.g. a trailing `---`
    }
    if (typeof document !== 'object' || Array.isArray(document)) {
      throw new InputError(
        `Failed to parse ${path}: document ${
          index + 1
        } is not a Kubernetes object or List`,
      );
    }
    objects.push(document as RawObject);
  });
  return flattenLists(objects);
}
