import { RawObject } from './normalise';

/**
 * Everything a source read in one run. A source resolves only when it has read every resource
 * type completely; anything less must reject, so that a partial read never reaches the catalog.
 *
 * @public
 */
export interface RawObjects {
  objects: RawObject[];
  /**
   * Present when the source can follow changes (a Kubernetes API server): watches the server
   * from exactly this read and calls `onChange` with the complete, current object set whenever
   * it changes, until `signal` aborts. Resolves once it has stopped.
   */
  watch?(
    onChange: (objects: RawObject[]) => void,
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
}
