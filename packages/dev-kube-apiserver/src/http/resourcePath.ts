/*
 * What a resource URL names: `/api/v1/<plural>[/<name>]`, `/apis/<group>/<version>/<plural>[/<name>]`
 * and the same with `namespaces/<namespace>/` before the plural for namespaced resources.
 */
import { ResourceType, typeAt } from '../resources/resourceTypes';
import { statusErrors } from './status';

export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  /** Absent for a collection. */
  name?: string;
}

/** The resource a path names, `undefined` when it is not a resource path, 404 when not served. */
export function resourcePath(pathname: string): ResourcePath | undefined {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return undefined;
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = typeAt(group, version, rest[2]);
    if (!type || !type.namespaced || rest.length > 4) {
      throw statusErrors.noSuchResource();
    }
    return { type, namespace: rest[1], name: rest[3] };
  }
  const type = typeAt(group, version, rest[0]);
  if (!type || rest.length > 2 || (type.namespaced && rest.length === 2)) {
    throw statusErrors.noSuchResource();
  }
  return { type, name: rest[1] };
}
