import { RawObject } from '../normalise';

/**
 * Everything a source read in one run. A source resolves only when it has read every resource
 * type completely; anything less must reject, so that a partial read never reaches the catalog.
 *
 * @public
 */
export interface RawObjects {
  objects: RawObject[];
}

/**
 * Where NKP objects come from: an offline export today, a Kubernetes API server later. All
 * sources feed the same normalisation.
 *
 * @public
 */
export interface NkpSource {
  /** Reads the whole source; rejects on any failure or when `signal` aborts. */
  read(signal: AbortSignal): Promise<RawObjects>;
}
