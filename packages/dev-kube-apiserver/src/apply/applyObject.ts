/*
 * Server-side apply of one object, without storing it: checks the applied configuration the way
 * kube-apiserver's validation and field manager would (for what this server implements), merges
 * it onto the existing object and records who owns which fields. The caller stores the result,
 * or not for `dryRun=All`.
 */
import { randomUUID } from 'node:crypto';
import { StatusCause, statusErrors } from '../http/status';
import { apiVersionOf, ResourceType } from '../resources/resourceTypes';
import { KubeObject } from '../store/ObjectStore';
import {
  fieldName,
  FieldPath,
  fromFieldsV1,
  isPlainObject,
  isWithin,
  leafPaths,
  mergeConfig,
  sameValue,
  toFieldsV1,
  valueAt,
} from './fieldPaths';
import { initialStatus } from './initialStatus';

export interface ApplyRequest {
  type: ResourceType;
  /** The namespace on the URL (namespaced types). */
  namespace?: string;
  /** The name on the URL. */
  name: string;
  /** The parsed body. */
  body: unknown;
  fieldManager: string;
  force: boolean;
  existing?: KubeObject;
  namespaceExists: (name: string) => boolean;
  now: Date;
}

export interface ApplyResult {
  /** The object to store (its resourceVersion is the store's to set). */
  object: KubeObject;
  created: boolean;
  /** False when the apply changes nothing (no write, no new resourceVersion). */
  changed: boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
] as const;

interface ManagedFieldsEntry {
  manager: string;
  operation: string;
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, any>;
}

/** Who owns which fields of an object, in the order of its managedFields. */
export function ownersOf(
  object: KubeObject | undefined,
): Map<string, { entry: ManagedFieldsEntry; paths: FieldPath[] }> {
  const owners = new Map<
    string,
    { entry: ManagedFieldsEntry; paths: FieldPath[] }
  >();
  const entries: unknown = object?.metadata?.managedFields;
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (isPlainObject(entry) && typeof entry.manager === 'string') {
      owners.set(entry.manager, {
        entry: entry as ManagedFieldsEntry,
        paths: fromFieldsV1(entry.fieldsV1),
      });
    }
  }
  return owners;
}

function isStringMap(value: unknown): boolean {
  return (
    value === undefined ||
    (isPlainObject(value) &&
      Object.values(value).every(v => typeof v === 'string'))
  );
}

function validate(request: ApplyRequest, body: Record<string, any>) {
  const { type } = request;
  const apiVersion = apiVersionOf(type);
  if (body.apiVersion !== apiVersion) {
    throw statusErrors.badRequest(
      `the API version in the data (${
        body.apiVersion ?? ''
      }) does not match the expected API version (${apiVersion})`,
    );
  }
  if (body.kind !== type.kind) {
    throw statusErrors.badRequest(
      `the kind in the data (${
        body.kind ?? ''
      }) does not match the expected kind (${type.kind})`,
    );
  }
  if (body.metadata !== undefined && !isPlainObject(body.metadata)) {
    throw statusErrors.badRequest('metadata: must be an object');
  }
  const metadata = body.metadata ?? {};
  const causes: StatusCause[] = [];
  if (metadata.name === undefined || metadata.name === '') {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'metadata.name: Required value: name is required',
      field: 'metadata.name',
    });
  } else if (metadata.name !== request.name) {
    throw statusErrors.badRequest(
      `the name of the object (${metadata.name}) does not match the name on the URL (${request.name})`,
    );
  }
  if (
    typeof metadata.name !== 'string' ||
    metadata.name.length > 63 ||
    !DNS_LABEL.test(metadata.name)
  ) {
    if (metadata.name !== undefined && metadata.name !== '') {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `metadata.name: Invalid value: ${JSON.stringify(
          metadata.name,
        )}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', must start and end with an alphanumeric character and be at most 63 characters (regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        field: 'metadata.name',
      });
    }
  }
  if (type.namespaced) {
    if (
      metadata.namespace !== undefined &&
      metadata.namespace !== request.namespace
    ) {
      throw statusErrors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    if (!request.namespaceExists(request.namespace!)) {
      causes.push({
        reason: 'FieldValueNotFound',
        message: `metadata.namespace: Not found: ${JSON.stringify(
          request.namespace,
        )}: the namespace does not exist`,
        field: 'metadata.namespace',
      });
    }
  }
  for (const map of ['labels', 'annotations'] as const) {
    if (!isStringMap(metadata[map])) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `metadata.${map}: Invalid value: must be a map of strings to strings`,
        field: `metadata.${map}`,
      });
    }
  }
  if (causes.length) {
    throw statusErrors.invalid(type, request.name, causes);
  }
}

/** The applied configuration without what a client cannot set: status and server metadata. */
function configOf(body: Record<string, any>): Record<string, any> {
  const { status: _status, ...config } = body;
  const metadata = { ...(body.metadata ?? {}) };
  for (const key of SERVER_METADATA) {
    delete metadata[key];
  }
  return { ...config, metadata };
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const {
    managedFields: _m,
    resourceVersion: _rv,
    ...metadata
  } = object.metadata ?? {};
  return { ...object, metadata };
}

/**
 * Applies `request.body` (an apply configuration) as `request.fieldManager`. Throws an
 * `ApiError`: 400 for a body that does not fit the URL, 422 for invalid metadata or a
 * namespace that does not exist, 409 for a stale resourceVersion or fields another manager owns
 * with other values (unless `force`).
 */
export function applyObject(request: ApplyRequest): ApplyResult {
  const { type, existing, fieldManager, now } = request;
  if (!isPlainObject(request.body)) {
    throw statusErrors.badRequest(
      'the body must be one Kubernetes object, in YAML or JSON',
    );
  }
  const body = request.body;
  validate(request, body);
  const requestedVersion = body.metadata?.resourceVersion;
  if (
    existing &&
    requestedVersion !== undefined &&
    String(requestedVersion) !== existing.metadata.resourceVersion
  ) {
    throw statusErrors.modified(type, request.name);
  }

  const config = configOf(body);
  const applied = leafPaths(config);
  const owners = ownersOf(existing);
  const conflicts: Array<{ manager: string; field: string; owned: FieldPath }> =
    [];
  for (const [manager, { paths }] of owners) {
    if (manager === fieldManager) continue;
    for (const owned of paths) {
      const covering = applied.find(p => isWithin(owned, p));
      if (
        covering &&
        !sameValue(valueAt(config, covering), valueAt(existing, covering))
      ) {
        conflicts.push({ manager, field: fieldName(owned), owned });
      }
    }
  }
  if (conflicts.length && !request.force) {
    throw statusErrors.applyConflict(
      type,
      request.name,
      apiVersionOf(type),
      conflicts,
    );
  }

  // Ownership after the apply: ours is what we applied; forced fields leave their old owners.
  const paths = new Map<string, FieldPath[]>();
  for (const [manager, owner] of owners) {
    paths.set(
      manager,
      manager === fieldManager
        ? applied
        : owner.paths.filter(
            p => !conflicts.some(c => c.manager === manager && c.owned === p),
          ),
    );
  }
  paths.set(fieldManager, applied);

  const metadata: Record<string, any> = existing
    ? {
        ...mergeConfig(
          withoutManagedFields(existing).metadata,
          config.metadata,
        ),
      }
    : {
        ...config.metadata,
        uid: randomUUID(),
        creationTimestamp: now.toISOString().replace(/\.\d+Z$/, 'Z'),
        generation: 1,
      };
  metadata.name = request.name;
  if (type.namespaced) {
    metadata.namespace = request.namespace;
  } else {
    delete metadata.namespace;
  }
  const merged: KubeObject = existing
    ? { ...mergeConfig(withoutManagedFields(existing), config), metadata }
    : { ...config, metadata, ...initialStatus(type) };
  if (existing && !sameValue(merged.spec, existing.spec)) {
    metadata.generation = (existing.metadata.generation ?? 0) + 1;
  }

  const ownershipChanged = [...paths].some(
    ([manager, p]) => !sameValue(p, owners.get(manager)?.paths ?? []),
  );
  const changed =
    !existing ||
    ownershipChanged ||
    !sameValue(merged, withoutManagedFields(existing));
  if (!changed) {
    return { object: existing!, created: false, changed: false };
  }

  const time = now.toISOString().replace(/\.\d+Z$/, 'Z');
  metadata.managedFields = [...paths]
    .filter(([, p]) => p.length > 0)
    .map(([manager, p]): ManagedFieldsEntry => {
      const previous = owners.get(manager)?.entry;
      return {
        manager,
        operation: previous?.operation ?? 'Apply',
        apiVersion: apiVersionOf(type),
        time:
          manager === fieldManager || !previous?.time ? time : previous.time,
        fieldsType: 'FieldsV1',
        fieldsV1: toFieldsV1(p),
      };
    });
  return { object: merged, created: !existing, changed: true };
}
