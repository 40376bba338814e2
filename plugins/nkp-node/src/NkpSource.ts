import { RawObject } from './normalise';

/**
 * A change of a followed source: its complete, current object set, and how it was learned.
 *
 * @public
 */
export interface NkpSourceChange {
  /**
   * With cause `events`, listed when first read: the objects as they are then, which may
   * include events of a later change (that change follows, with its own events).
   */
  objects: RawObject[];
  /**
   * `events`: the server reported each change one by one (`ADDED`, `MODIFIED`, `DELETED` watch
   * events), so what is gone was really deleted. `read`: the source was read again from
   * scratch (after a `410 Gone`, or to start following it), which is as untrusted as a
   * scheduled read: a server restored from a backup or pointed at the wrong cluster looks
   * exactly like one whose objects were deleted.
   */
  cause: 'events' | 'read';
  /**
   * With cause `events`: the watch events since the previous change, in order, each with the
   * object it replaced (`previous`, the same JavaScript object as in the previous change's
   * `objects`). Lets a consumer patch what it built instead of building it again.
   */
  events?: NkpObjectEvent[];
}

/**
 * One watch event, as applied to a followed source's objects.
 *
 * @public
 */
export interface NkpObjectEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: RawObject;
  /** The object this one replaced or deleted; absent for a new object. */
  previous?: RawObject;
}

/**
 * Everything a source read in one run. A source resolves only when it has read every resource
 * type completely; anything less must reject, so that a partial read never reaches the catalog.
 *
 * @public
 */
export interface RawObjects {
  objects: RawObject[];
  /**
   * Present when the source can follow changes (a Kubernetes API server): follows the server
   * from exactly this read and calls `onChange` whenever its objects changed, until `signal`
   * aborts. Resolves once it has stopped.
   */
  watch?(
    onChange: (change: NkpSourceChange) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

/**
 * Where NKP objects come from: an offline export or a Kubernetes API server. All sources feed
 * the same normalisation.
 *
 * @public
 */
export interface NkpSource {
  /** Reads the whole source; rejects on any failure or when `signal` aborts. */
  read(signal: AbortSignal): Promise<RawObjects>;
  /**
   * Present when the source can be followed: follows it without a read to start from (the last
   * one failed). Reads it, retrying with backoff until a read succeeds, reports that read as a
   * change with cause `read`, then follows it as `RawObjects.watch` does, until `signal` aborts.
   */
  follow?(
    onChange: (change: NkpSourceChange) => void,
    signal: AbortSignal,
  ): Promise<void>;
}
