import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

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
           * cluster, which is its own management cluster).
           */
          model?: 'management' | 'self-managed';
          /**
           * Offline export: `kubectl get ... -o yaml|json` output of one NKP cluster.
           */
          offline: {
            /**
             * Files or folders (read recursively; .yaml, .yml and .json) holding single objects,
             * `List`s or multi-document YAML. Relative paths resolve against the backend's
             * working directory. A file that fails to parse fails the run; the catalog is then
             * left unchanged.
             */
            paths: string[];
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
           * Annotations for `@backstage/plugin-kubernetes`'s `catalog` cluster locator, written
           * only on clusters whose API server endpoint is known.
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
           * Refuse (log and skip) a run whose entity count is more than this percentage below
           * the last applied run. An empty result is always refused. Default 50.
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
