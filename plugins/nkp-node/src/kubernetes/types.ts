/*
 * How a Kubernetes-API source reaches its server and how hard it may lean on it. Filled in by the
 * provider's config reader; the source itself never reads config.
 */

/**
 * How to reach and authenticate to one API server. Credentials live only here and in the
 * KubeConfig built from it; they are never logged or put into an error.
 *
 * @public
 */
export type KubernetesConnection =
  | {
      auth: 'token';
      /** API server URL, e.g. `https://10.0.0.10:6443`. */
      url: string;
      token: string;
      /** Base64-encoded PEM CA bundle. */
      caData?: string;
      caFile?: string;
      /** Do not verify the server certificate. Dangerous: anyone in the path can read the token. */
      skipTLSVerify?: boolean;
    }
  | { auth: 'kubeconfig'; path: string; context?: string }
  | { auth: 'inCluster' };

/** @public */
export interface KubernetesReadOptions {
  /**
   * Read each resource as one watch-list stream (`sendInitialEvents=true`, Kubernetes 1.32+)
   * instead of LIST pages, where the server accepts it; a resource whose server refuses it is
   * read in pages from then on.
   */
  streamingLists: boolean;
  /** Objects per LIST page (`limit`). */
  pageSize: number;
  /** Limit for every request until its response is complete (watches: until headers arrive). */
  requestTimeoutMs: number;
  watch: {
    enabled: boolean;
    /** A watch that delivers nothing (no event, no bookmark) for this long is reconnected. */
    idleTimeoutMs: number;
    /** Changes arriving within this window are applied together. */
    debounceMs: number;
    /** Asked of the server so that it ends watches regularly; jittered per watch. */
    serverTimeoutSeconds: number;
    /** Reconnect delays after failures: doubling from `initialMs`, capped at `maxMs`, jittered. */
    backoff: { initialMs: number; maxMs: number };
  };
}

/** @public */
export const DEFAULT_KUBERNETES_READ_OPTIONS: KubernetesReadOptions = {
  streamingLists: true,
  pageSize: 500,
  requestTimeoutMs: 30_000,
  watch: {
    enabled: true,
    // The API server sends a bookmark about once a minute on an idle watch.
    idleTimeoutMs: 150_000,
    debounceMs: 150,
    serverTimeoutSeconds: 300,
    backoff: { initialMs: 1_000, maxMs: 60_000 },
  },
};
