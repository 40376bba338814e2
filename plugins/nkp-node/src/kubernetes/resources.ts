/*
 * The resources a Kubernetes-API source reads and how their objects are kept: slimmed to what
 * normalisation reads, keyed so that watch events find the object they are about.
 */

import { NKP_RESOURCES, RawObject, slimObject } from '../normalise';
import { asRecord, asString } from '../normalise/objects';

export type NkpResource = (typeof NKP_RESOURCES)[number];

/** A resource the server serves, at the version it is read in. */
export interface ServedResource {
  resource: NkpResource;
  version: string;
  /** `/apis/<group>/<version>/<plural>`, across all namespaces. */
  path: string;
  /** `workspaces.workspaces.kommander.mesosphere.io`, as RBAC and kubectl name it. */
  name: string;
}

export function servedResource(
  resource: NkpResource,
  version: string,
): ServedResource {
  return {
    resource,
    version,
    path: `/apis/${resource.group}/${version}/${resource.plural}`,
    name: `${resource.plural}.${resource.group}`,
  };
}

/**
 * Prepares an object from a list or watch event for the store. Typed lists may omit `kind` and
 * `apiVersion` on their items; they are filled in from the resource so normalisation can sort
 * them. Anything else about a malformed object is left for normalisation to warn about.
 */
export function storedObject(
  served: ServedResource,
  value: unknown,
): RawObject | undefined {
  const object = asRecord(value);
  if (!object) {
    return undefined;
  }
  if (object.apiVersion !== undefined && object.kind !== undefined) {
    return slimObject(object); // watch events carry both: no copy to fill them in
  }
  return slimObject({
    ...object,
    apiVersion:
      object.apiVersion ?? `${served.resource.group}/${served.version}`,
    kind: object.kind ?? served.resource.objectKind,
  });
}

/** The identity of an object across list and watch: its UID, else namespace/name. */
export function objectKey(value: unknown): string | undefined {
  const metadata = asRecord(asRecord(value)?.metadata);
  const uid = asString(metadata?.uid);
  if (uid) {
    return uid;
  }
  const name = asString(metadata?.name);
  return name && `${asString(metadata?.namespace) ?? ''}/${name}`;
}
