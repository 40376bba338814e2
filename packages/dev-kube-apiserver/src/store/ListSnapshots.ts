/*
 * Consistent paged LISTs: the first page of a list with `limit` takes a snapshot of the
 * objects (cheap: stored objects are immutable), and its continue token names the snapshot and
 * the offset. Snapshots expire after a while and the oldest are dropped when there are too
 * many; a token whose snapshot is gone is answered 410 Expired, as etcd compaction makes
 * kube-apiserver do.
 */
import { randomUUID } from 'node:crypto';
import { statusErrors } from '../http/status';
import { KubeObject } from './ObjectStore';

interface Snapshot {
  /** Which list it is of (path without query), so a token cannot continue another list. */
  list: string;
  items: KubeObject[];
  resourceVersion: number;
  expiresAt: number;
}

interface ContinueToken {
  v: 'dev-kube-apiserver/v1';
  id: string;
  offset: number;
}

export interface ListPage {
  items: KubeObject[];
  resourceVersion: number;
  continue?: string;
  remainingItemCount?: number;
}

export class ListSnapshots {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxSnapshots: number;
      now?: () => number;
    },
  ) {}

  /** The first page of a list (all of it without a limit). */
  first(
    list: string,
    items: KubeObject[],
    resourceVersion: number,
    limit: number | undefined,
  ): ListPage {
    if (!limit || items.length <= limit) {
      return { items, resourceVersion };
    }
    this.expire();
    const id = randomUUID();
    this.snapshots.set(id, {
      list,
      items,
      resourceVersion,
      expiresAt: this.now() + this.options.ttlMs,
    });
    while (this.snapshots.size > this.options.maxSnapshots) {
      this.snapshots.delete(this.snapshots.keys().next().value!);
    }
    return this.page(id, this.snapshots.get(id)!, 0, limit);
  }

  /** The page a continue token points at; 400 for a token that is not one, 410 when expired. */
  next(list: string, token: string, limit: number | undefined): ListPage {
    const parsed = parseToken(token);
    this.expire();
    const snapshot = this.snapshots.get(parsed.id);
    if (!snapshot) {
      throw statusErrors.expired();
    }
    if (snapshot.list !== list) {
      throw statusErrors.badRequest(
        'continue: the token belongs to a list of another resource or namespace',
      );
    }
    return this.page(
      parsed.id,
      snapshot,
      parsed.offset,
      limit ?? snapshot.items.length,
    );
  }

  private page(
    id: string,
    snapshot: Snapshot,
    offset: number,
    limit: number,
  ): ListPage {
    const end = Math.min(offset + limit, snapshot.items.length);
    const remaining = snapshot.items.length - end;
    if (remaining === 0) {
      this.snapshots.delete(id);
    }
    return {
      items: snapshot.items.slice(offset, end),
      resourceVersion: snapshot.resourceVersion,
      ...(remaining > 0
        ? {
            continue: Buffer.from(
              JSON.stringify({
                v: 'dev-kube-apiserver/v1',
                id,
                offset: end,
              } satisfies ContinueToken),
            ).toString('base64url'),
            remainingItemCount: remaining,
          }
        : {}),
    };
  }

  private expire() {
    const now = this.now();
    for (const [id, snapshot] of this.snapshots) {
      if (snapshot.expiresAt <= now) {
        this.snapshots.delete(id);
      }
    }
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }
}

function parseToken(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      parsed?.v === 'dev-kube-apiserver/v1' &&
      typeof parsed.id === 'string' &&
      Number.isInteger(parsed.offset) &&
      parsed.offset >= 0
    ) {
      return parsed;
    }
  } catch {
    // reported below
  }
  throw statusErrors.badRequest('continue: the continue token is not valid');
}
