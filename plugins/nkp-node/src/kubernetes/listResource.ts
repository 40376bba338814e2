/*
 * A complete, paginated LIST of one resource across all namespaces. Pages are bounded by
 * `limit`, so no single response (or string) grows with the fleet; a run fails rather than
 * return part of a list.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { RawObject } from '../normalise';
import { asArray, asRecord, asString } from '../normalise/objects';
import { isGone, KubernetesApiError } from './errors';
import { KubernetesApiClient } from './KubernetesApiClient';
import { objectKey, ServedResource, storedObject } from './resources';

export interface ResourceList {
  /** Stored objects by objectKey. */
  objects: Map<string, RawObject>;
  /** The list's resourceVersion, where a watch continues from. */
  resourceVersion: string;
}

/** A continue token expires after a few minutes (410); the list then starts over, a few times. */
const MAX_RESTARTS = 2;

export async function listResource(
  client: KubernetesApiClient,
  served: ServedResource,
  options: { pageSize: number; signal: AbortSignal; logger: LoggerService },
): Promise<ResourceList> {
  for (let restart = 0; ; restart++) {
    try {
      return await listOnce(client, served, options);
    } catch (error) {
      if (!isGone(error) || restart >= MAX_RESTARTS) {
        throw error;
      }
      options.logger.info(
        `The continue token for ${served.name} expired; listing it again from the start`,
      );
    }
  }
}

async function listOnce(
  client: KubernetesApiClient,
  served: ServedResource,
  options: { pageSize: number; signal: AbortSignal },
): Promise<ResourceList> {
  const objects = new Map<string, RawObject>();
  let continueToken: string | undefined;
  let resourceVersion: string | undefined;
  let unnamed = 0;
  do {
    const query = new URLSearchParams({ limit: String(options.pageSize) });
    if (continueToken) {
      query.set('continue', continueToken);
    }
    const page = asRecord(
      await client.getJson(`${served.path}?${query}`, options.signal),
    );
    if (!page || !Array.isArray(page.items)) {
      throw new KubernetesApiError(
        `GET ${client.server}${served.path}: the response is not a list`,
      );
    }
    for (const item of asArray(page.items)) {
      const object = storedObject(served, item);
      // Keep even objects without an identity, so normalisation can warn about them.
      const key = objectKey(item) ?? `(unnamed) ${unnamed++}`;
      objects.set(key, object ?? (item as RawObject));
    }
    continueToken = asString(asRecord(page.metadata)?.continue);
    resourceVersion = asString(asRecord(page.metadata)?.resourceVersion);
  } while (continueToken);
  if (!resourceVersion) {
    throw new KubernetesApiError(
      `GET ${client.server}${served.path}: the list has no metadata.resourceVersion to watch from`,
    );
  }
  return { objects, resourceVersion };
}
