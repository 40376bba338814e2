import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/**
 * How to reach one NKP cluster's API server. Exactly one of `token` (with `url`), `kubeconfig`
 * and `inCluster`.
 */
interface NkpApiEndpointConfig {
  /** API server URL, e.g. `https://10.0.0.10:6443`; only with `token`. */
  url?: string;
  /**
   * Bearer token of a service account bound to the ClusterRole in the README, e.g.
   * `${NKP_ACME_TOKEN}`. Never logged.
   * @visibility secret
   */
  token?: string;
  /** Base64-encoded PEM CA bundle of the API server; only with `token`. */
  caData?: string;
  /** Path of a PEM CA bundle of the API server; only with `token`. */
  caFile?: string;
  /**
   * Do not verify the API server's certificate; only with `token`. Dangerous: anyone on the
   * network path can impersonate the server and read the token. For labs only.
   */
  skipTLSVerify?: boolean;
  /**
   * A kubeconfig file and context, with whatever auth the context uses (token, client
   * certificate, exec plugin); server and CA come from it.
   */
  kubeconfig?: {
    /** Path of the kubeconfig file. */
    path: string;
    /** Context to use; default: the file's current context. */
    context?: string;
  };
  /** Use the backend pod's own service account (the backend runs on this cluster). */
  inCluster?: boolean;
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * NKP fleet sources, keyed by source id (lowercase letters, digits, dashes). Each source
       * becomes one entity provider named `nkp:<sourceId>`.
       */
      nkp?: {
        [sourceId: string]: {
          /**
           * How the source's own cluster is operated: `management` (an NKP management cluster
           * that manages other clusters; the default) or `self-managed` (a tenant's own NKP
           * cluster, which is its own management cluster). Sources with `endpoints` are always
           * `self-managed`.
           */
          model?: 'management' | 'self-managed';
          /**
           * Offline export: `kubectl get ... -o yaml|json` output of one NKP cluster. A source
           * sets exactly one of `offline`, `api` and `endpoints`.
           */
          offline?: {
            /**
             * Files or folders (read recursively; .yaml, .yml and .json) holding single objects,
             * `List`s or multi-document YAML. Relative paths resolve against the backend's
             * working directory. A file that fails to parse fails the run; the catalog is then
             * left unchanged.
             */
            paths: string[];
          };
          /**
           * One NKP cluster's Kubernetes API: a management cluster, or a single self-managed
           * cluster with `model: self-managed`. Read completely on schedule, then watched.
           */
          api?: NkpApiEndpointConfig;
          /**
           * Several self-managed NKP clusters (the federated model), each read like a cluster of
           * its own. Entity names get the endpoint name after the source prefix
           * (`<prefix>-<name>-...`). Each endpoint is read and checked by the shrink guard on
           * its own: one that cannot be read, or whose read is refused, keeps the entities it
           * last gave (kept in the catalog's database, so also after a restart and whichever
           * replica runs) while the others are applied; when none can be read, nothing changes.
           */
          endpoints?: Array<
            NkpApiEndpointConfig & {
              /** Lowercase letters, digits and dashes; unique in the list. */
              name: string;
              /** This cluster's NKP dashboard; default: the source's `dashboardUrl`. */
              dashboardUrl?: string;
            }
          >;
          /** Requests to the API servers of `api` and `endpoints`. */
          requests?: {
            /**
             * Read each resource as one watch-list stream (`watch` with `sendInitialEvents=true`
             * and `resourceVersionMatch=NotOlderThan`, Kubernetes 1.32+) instead of LIST pages.
             * A resource whose server refuses the request (422 or 400, e.g. the `WatchList`
             * feature gate is off) is read in pages instead, until the backend restarts. A
             * stream that fails, ends or stalls before its initial-events-end bookmark fails the
             * run like a page would; so does, every run, a server (or proxy) that accepts the
             * parameters but never sends the bookmark: set false for it. Default true.
             */
            streamingLists?: boolean;
            /** Objects per LIST page (`limit`). Default 500. */
            pageSize?: number;
            /**
             * Seconds a request may take until its response is complete; a page that takes
             * longer fails the run. A watch-list stream may take longer as a whole, but not this
             * long without delivering anything. Default 30.
             */
            timeoutSeconds?: number;
          };
          /** Following changes on the API servers of `api` and `endpoints`. */
          watch?: {
            /**
             * Follow each endpoint after each run and apply changes as they happen. Default
             * true; false leaves only the scheduled runs. After a `410 Gone` the server is read
             * again and that read passes the shrink guard like a scheduled one; changes the
             * watches report one by one (deletions included) are applied without it.
             */
            enabled?: boolean;
            /**
             * A watch that delivers nothing, not even a bookmark, for this many seconds is
             * reconnected. Default 150.
             */
            idleTimeoutSeconds?: number;
            /** Changes within this many milliseconds are applied together. Default 150. */
            debounceMilliseconds?: number;
          };
          /**
           * Prepended (with a dash) to every entity name from this source, so that names from
           * different sources do not collide. Default: the source id. '' disables the prefix.
           */
          entityNamePrefix?: string;
          /**
           * URL of the NKP (Kommander) dashboard of this source, added as a link on every entity.
           */
          dashboardUrl?: string;
          /** Who owns the entities. */
          owners?: {
            /**
             * Owner when nothing else names one, e.g. `group:default/platform-team`.
             * Default: `group:default/unknown`.
             */
            default?: string;
            /**
             * NKP workspace name → owner entity reference for the workspace, its projects and
             * clusters. Wins over the `nkp-lifecycle.io/owner` label or annotation on the NKP
             * objects.
             */
            workspaces?: { [workspaceName: string]: string };
          };
          /**
           * Control-plane hosts that `kubernetes.io/api-server` may point at. A cluster's
           * endpoint comes from its CAPI object, which tenants can write, and the Kubernetes
           * plugin sends viewers' tokens there; so the annotation (and the other Kubernetes
           * annotations below) is written only for hosts listed here. Each entry is a host name
           * (`api.acme.example`), a wildcard for the names below a domain
           * (`*.clusters.acme.example`), an IP address (`10.42.0.10`) or a CIDR range
           * (`10.42.0.0/16`, `fd00::/8`). Wildcards match names only: a private address (or any
           * address) is allowed only by an entry that names it. A listed source whose cluster
           * points elsewhere gets a warning naming the cluster. Default: none.
           */
          allowedApiServers?: string[];
          /**
           * Annotations for `@backstage/plugin-kubernetes`'s `catalog` cluster locator, written
           * only on clusters whose API server endpoint is known and allowed
           * (`allowedApiServers`).
           */
          kubernetes?: {
            /** `kubernetes.io/auth-provider`, e.g. `oidc`. */
            authProvider?: string;
            /** `kubernetes.io/oidc-token-provider`, e.g. `microsoft`. */
            oidcTokenProvider?: string;
            /**
             * Base64-encoded CA bundle of the source's own cluster
             * (`kubernetes.io/api-server-certificate-authority`). Public data, not a secret.
             */
            caData?: string;
          };
          /**
           * Refuse (log and skip) a read whose entity count is more than this percentage below
           * what was last applied; for `endpoints`, per endpoint. The count is kept in the
           * catalog's database, so the guard holds from the first run after a restart and on
           * every replica. Applies to scheduled reads and to reads again after a watch's
           * `410 Gone`, not to deletions a watch reports one by one. An empty read is always
           * refused. Default 50.
           */
          maxShrinkPercent?: number;
          /**
           * When to read the source. Default: every 30 minutes with a 3 minute timeout. Runs
           * once across all backend replicas.
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
    };
  };
}
