/**
 * Configuration of the NKP Lifecycle backend (`nkp` plugin). Every key is optional; the
 * defaults are the product's policy (see nkp-common's `policy/config.ts` for the reasons).
 * Dates are ISO dates (`YYYY-MM-DD`, UTC).
 */
type NkpClusterType = 'management' | 'managed' | 'self-managed' | 'attached';

/** A date, optionally with where it comes from (`app-config` when omitted). */
type NkpConfiguredDate =
  | string
  | {
      /** ISO date. */
      date: string;
      /** Where the date comes from, shown next to it. Default `app-config`. */
      source?: string;
      /** True when the date is derived rather than published. */
      inferred?: boolean;
    };

/** Where one product's release feed is read; `url` or `file` win over `baseUrl`/`product`. */
type NkpReleaseFeed = {
  /** Default true. */
  enabled?: boolean;
  /** The product's name under `baseUrl`, e.g. `kubernetes`. */
  product?: string;
  /**
   * The feed's own URL. User info in it (`https://user:password@host/...`) is sent as basic
   * authentication; neither it nor the query string is ever logged or shown.
   * @visibility secret
   */
  url?: string;
  /** A file in the same format, for air-gapped mirrors; relative to the backend's working directory. */
  file?: string;
};

export interface Config {
  nkp?: {
    /**
     * How often, in seconds, each backend instance re-reads the NKP clusters from the catalog
     * and re-evaluates the policy. Plans and exceptions changed through the API take effect
     * immediately regardless. Default 30.
     */
    refreshIntervalSeconds?: number;

    /** The lifecycle policy. One block per rule; each can be switched off. */
    policy?: {
      /** Managed clusters may trail their management cluster by a few Kubernetes minors. */
      managedSkew?: {
        /** Default true. */
        enabled?: boolean;
        /** Kubernetes minors a managed cluster may be behind its management cluster. Default 1. */
        maxMinorsBehind?: number;
        /** Cluster types the rule applies to. Default `[managed]`. */
        clusterTypes?: NkpClusterType[];
      };
      /** Self-managed clusters may trail the newest NKP minor by a few minors. */
      selfManagedWindow?: {
        /** Default true. */
        enabled?: boolean;
        /** NKP minors behind the newest released one that are still supported. Default 3 (Nutanix's own policy is 2). */
        maxMinorsBehind?: number;
        /** Days before a known NKP end of life from which the cluster is `upgrade-due`. Default 90. */
        warningDays?: number;
        /** Cluster types the rule applies to. Default `[self-managed, management]`. */
        clusterTypes?: NkpClusterType[];
      };
      /** Upstream Kubernetes end of life. */
      upstreamEol?: {
        /** Default true. */
        enabled?: boolean;
        /** Days before the end of support from which the cluster is `upgrade-due`. Default 90. */
        warningDays?: number;
        /** Which upstream date ends support. Default `end-of-life`. */
        endOfSupport?: 'end-of-life' | 'end-of-standard-support';
        /** Keep a cluster supported while its (supported) NKP release still ships its Kubernetes minor. Default true. */
        respectNkpSupport?: boolean;
      };
      /** Upgrade plans announced through the API. */
      upgradePlans?: {
        /** Default true. */
        enabled?: boolean;
        /** Days from announcement to deadline, unless a plan sets its own. Default 90. */
        windowDays?: number;
        /** Days before the deadline on which owners are reminded. Default `[30, 14, 7, 1]`. */
        reminderOffsetsDays?: number[];
        /** Days of `overdue` after the deadline before support is lost. Default 0. */
        graceDays?: number;
      };
      /** Exceptions requested and approved through the API. */
      exceptions?: {
        /** Default true; when false, approved exceptions have no effect. */
        enabled?: boolean;
        /** Longest an exception counts from its approval; a longer one is cut to this. Default 90. */
        maxDays?: number;
      };
    };

    /**
     * Corrections and additions to the release calendar. Layers, later ones winning field by
     * field: the calendar shipped with the plugin < the release feeds (`feed`) < the entries
     * below < the NKP `Release` objects management clusters serve. Bad entries are skipped with
     * a logged warning.
     */
    calendar?: {
      /**
       * Release feeds that keep the calendar current: Kubernetes and NKP release dates in
       * endoflife.date's format (`/api/<product>.json`: an array of
       * `{ cycle, releaseDate, support, eol, latest, ... }`; NKP cycles may add
       * `supportedKubernetesVersions`), from a URL or a file. Read on a schedule by one backend
       * instance at a time; each good read is kept in the plugin's database, so a restart without
       * network keeps the data. A feed that fails or makes no sense keeps the last good data,
       * and the calendar page says when it last worked and what failed. Absent: no feed is
       * read. `feed: {}` reads Kubernetes from endoflife.date.
       */
      feed?: {
        /** Base URL of an endoflife.date-compatible API: `<baseUrl>/<product>.json`. Default `https://endoflife.date/api`. */
        baseUrl?: string;
        /** Minutes between reads. Default 720 (twice a day); at least 5. */
        refreshIntervalMinutes?: number;
        /** Seconds to wait for a feed's answer. Default 30. */
        timeoutSeconds?: number;
        /** Upstream Kubernetes. Default: product `kubernetes` under `baseUrl`. */
        kubernetes?: NkpReleaseFeed;
        /** NKP releases. Nutanix publishes no public feed: read only when a url, a file or a product is set. */
        nkp?: NkpReleaseFeed;
      };
      /** Upstream Kubernetes minors. */
      kubernetes?: Array<{
        /** `major.minor`, e.g. `1.35`. */
        minor: string;
        releaseDate?: NkpConfiguredDate;
        /** Start of upstream maintenance mode. */
        endOfStandardSupport?: NkpConfiguredDate;
        /** Last day of upstream patches. */
        endOfLife?: NkpConfiguredDate;
      }>;
      /** NKP minors. */
      nkp?: Array<{
        /** `major.minor`, e.g. `2.17`. */
        minor: string;
        /** Kubernetes minors this NKP minor supports; the last one is its default. */
        kubernetesMinors?: string[];
        releaseDate?: NkpConfiguredDate;
        /** End of NKP support of this minor, when Nutanix has announced it. */
        endOfLife?: NkpConfiguredDate;
      }>;
    };

    /** The exception workflow of the API (what an exception does is `policy.exceptions`). */
    exceptions?: {
      /**
       * Default true: whoever requested an exception may not approve it, even with
       * `nkp.exception.approve`; the API answers 403 (`NotAllowedError`). Set false only where
       * one person runs the platform alone; self-approvals are then marked `selfApproved` in the
       * audit log.
       */
      requireSeparateApprover?: boolean;
    };

    /**
     * The golden path: what a tenant may request in the **Request a new NKP tenant cluster**
     * template. Read by this backend (`/golden-path/options`, `/versions`, `/check`) and by the
     * scaffolder module (rendering and delivery), never sent to the browser as config: the form
     * gets what it may know through `/golden-path/options`.
     * @visibility backend
     */
    goldenPath?: {
      /**
       * The installable NKP releases: the bundles this site has. Only those the lifecycle policy
       * rates compliant for the new cluster are offered.
       * @visibility backend
       */
      releases?: Array<{
        /** Full NKP version, e.g. `2.17.1`. */
        nkp: string;
        /** The Kubernetes version the release installs, e.g. `1.34.3`. */
        kubernetes: string;
        /** The ClusterClass; default `nkp-nutanix-v<nkp>`. */
        clusterClass?: string;
      }>;
      /**
       * Sizes a new cluster may have; each range is merged with the shipped default.
       * @visibility backend
       */
      sizes?: {
        /** Control-plane node counts offered; odd (etcd quorum). Default `[1, 3, 5]`. */
        controlPlaneNodes?: number[];
        /** Worker nodes. Default 1–20, 3. */
        workers?: { min?: number; max?: number; default?: number };
        /** vCPUs per node. Default 2–32, 4. */
        vcpus?: { min?: number; max?: number; default?: number };
        /** Memory per node, GiB. Default 4–256, 16. */
        memoryGiB?: { min?: number; max?: number; default?: number };
        /** System disk per node, GiB. Default 40–1000, 80. */
        diskGiB?: { min?: number; max?: number; default?: number };
        /** Presets the form starts from; replace the shipped small, medium and large. */
        presets?: Array<{
          name: string;
          title?: string;
          controlPlaneNodes: number;
          workers: number;
          vcpus: number;
          memoryGiB: number;
          diskGiB: number;
        }>;
      };
      /**
       * The Prism Centrals new clusters may be placed on, with the lists the form offers. No
       * Prism Central API is called: the lists are what is written here.
       * @visibility backend
       */
      prismCentrals?: Array<{
        /** A name (lower-case letters, digits, `-`). */
        name: string;
        title?: string;
        /** `https://host:9440`, without credentials. */
        url: string;
        /**
         * The *name* of the Secret with the Prism Central credentials in the workspace
         * namespace, which the cluster's manifests reference. Never the credentials.
         */
        credentialsSecret: string;
        /** Skip TLS verification of Prism Central. Default false. */
        insecure?: boolean;
        /** Prism Element clusters and their subnets, images and storage containers. */
        clusters: Array<{
          name: string;
          subnets?: string[];
          images?: string[];
          storageContainers?: string[];
        }>;
      }>;
      /**
       * Entity refs of who must approve a cluster request's pull request, named in its body.
       * @visibility backend
       */
      approvers?: string[];
      /** How a requested cluster is delivered. */
      delivery?: {
        /** A pull or merge request to the fleet repository that Flux or Argo CD applies. */
        gitops?: {
          /** `github` (default) or `gitlab`. */
          provider?: 'github' | 'gitlab';
          /** The scaffolder's repo URL, e.g. `github.com?owner=acme&repo=fleet`. */
          repoUrl: string;
          /** Default `main`. */
          branch?: string;
          /**
           * Where the manifests go; `${workspace}` (the workspace's NKP name) and `${name}` are
           * substituted. Default `clusters/${workspace}/${name}`. In app-config, write `$${workspace}`
           * so that the config loader does not take it for an environment variable.
           */
          path?: string;
        };
        /** A server-side apply to the management cluster, for callers with `nkp.cluster.apply`. */
        direct?: {
          /** Default false. */
          enabled?: boolean;
        };
      };
    };

    /** Notifications to owning groups (reminders, deadline, loss of support). */
    notifications?: {
      /** Default true. Needs the notifications backend plugin. */
      enabled?: boolean;
    };
  };
}
