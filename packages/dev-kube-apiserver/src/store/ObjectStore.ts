/*
 * The objects, versioned like etcd: one resourceVersion counter for the whole server, bumped by
 * every write, and a bounded window of recent events that watches replay from. A watch from a
 * resourceVersion older than the window is answered 410 (the client lists again).
 */
import { ResourceType } from '../resources/resourceTypes';

/**
 * A stored object: plain JSON, never mutated once stored.
 *
 * @public
 */
export type KubeObject = Record<string, any>;

/** @public */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * One change, as watches report it.
 *
 * @public
 */
export interface StoreEvent {
  type: WatchEventType;
  resourceType: ResourceType;
  /** The object after the change (before it, with the new resourceVersion, for DELETED). */
  object: KubeObject;
  resourceVersion: number;
}

export function objectNamespace(object: KubeObject): string | undefined {
  return object.metadata?.namespace || undefined;
}

function keyOf(namespace: string | undefined, name: string) {
  return `${namespace ?? ''}/${name}`;
}

function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      freeze(child);
    }
  }
  return value;
}

/**
 * The server's objects and their history (see the file comment).
 *
 * @public
 */
export class ObjectStore {
  private version = 0;
  /** Events with a resourceVersion above this one are still in the window. */
  private compactedVersion = 0;
  private readonly byType = new Map<ResourceType, Map<string, KubeObject>>();
  private readonly events: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor(private readonly options: { eventWindow: number }) {}

  /** The resourceVersion of the last write. */
  get resourceVersion(): number {
    return this.version;
  }

  /** The oldest resourceVersion a watch may start from. */
  get oldestWatchableVersion(): number {
    return this.compactedVersion;
  }

  /** Objects of a type (in one namespace, or all), ordered by namespace and name. */
  list(type: ResourceType, namespace?: string): KubeObject[] {
    const objects = [...(this.byType.get(type)?.values() ?? [])].filter(
      o => namespace === undefined || objectNamespace(o) === namespace,
    );
    return objects.sort((a, b) => {
      const ka = keyOf(objectNamespace(a), a.metadata.name);
      const kb = keyOf(objectNamespace(b), b.metadata.name);
      if (ka < kb) return -1;
      return ka > kb ? 1 : 0;
    });
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.byType.get(type)?.get(keyOf(namespace, name));
  }

  /**
   * Stores an object (created or replaced) with the next resourceVersion and tells watchers.
   * `seed` stores without an event: seeded objects are where the event window starts.
   */
  put(
    type: ResourceType,
    object: KubeObject,
    options: { seed?: boolean } = {},
  ): KubeObject {
    const resourceVersion = ++this.version;
    const stored = freeze({
      ...object,
      metadata: {
        ...object.metadata,
        resourceVersion: String(resourceVersion),
      },
    });
    let objects = this.byType.get(type);
    if (!objects) {
      objects = new Map();
      this.byType.set(type, objects);
    }
    const key = keyOf(objectNamespace(stored), stored.metadata.name);
    const existed = objects.has(key);
    objects.set(key, stored);
    if (options.seed) {
      this.compactedVersion = resourceVersion;
    } else {
      this.emit({
        type: existed ? 'MODIFIED' : 'ADDED',
        resourceType: type,
        object: stored,
        resourceVersion,
      });
    }
    return stored;
  }

  /** Removes an object; returns it as it was deleted (with the deletion's resourceVersion). */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const objects = this.byType.get(type);
    const key = keyOf(namespace, name);
    const existing = objects?.get(key);
    if (!objects || !existing) {
      return undefined;
    }
    objects.delete(key);
    const resourceVersion = ++this.version;
    const deleted = freeze({
      ...existing,
      metadata: {
        ...existing.metadata,
        resourceVersion: String(resourceVersion),
      },
    });
    this.emit({
      type: 'DELETED',
      resourceType: type,
      object: deleted,
      resourceVersion,
    });
    return deleted;
  }

  /** The events after `resourceVersion`, or 'gone' when the window no longer reaches back. */
  eventsSince(resourceVersion: number): StoreEvent[] | 'gone' {
    if (resourceVersion < this.compactedVersion) {
      return 'gone';
    }
    return this.events.filter(e => e.resourceVersion > resourceVersion);
  }

  /** Calls `listener` with every event from now on; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent) {
    this.events.push(event);
    while (this.events.length > this.options.eventWindow) {
      this.compactedVersion = this.events.shift()!.resourceVersion;
    }
    for (const listener of this.listeners) {
      listener(event);
    }
  }
}
