/**
 * Keeps the evaluated fleet current. An evaluation reads the NKP clusters and the served NKP
 * releases from the catalog (as the plugin itself), plans and exceptions from the store, the
 * release feeds' last good data, builds the release calendar (shipped < feeds < app-config <
 * served) and runs the engine with today's date.
 * It is redone when the NKP catalog module says it changed entities (`catalogChanged`): a small
 * delta names its clusters, which are read every `pollMs` until the catalog serves them as
 * emitted and then evaluated in memory with the rest of the fleet (no full read); any other
 * change reads the whole fleet shortly after and once more a little later. Also right after plans
 * or exceptions change through the API, when the UTC day turns, and on a schedule as the safety
 * net.
 *
 * Concurrent refresh requests are coalesced: a request made while an evaluation runs waits for
 * the next one, so it always sees data read after it asked.
 */
import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  ClusterEvaluation,
  FleetEvaluation,
  PolicyConfig,
  PolicyException,
  ReleaseCalendar,
  ReleaseCalendarOverrides,
  ReleaseFeedStatus,
  ServedNkpRelease,
  UpgradePlan,
  evaluateFleet,
  releaseCalendarWithServed,
  utcDay,
  entityRefKey,
  NkpClusterFacts,
  clusterFactsDigest,
  parseNkpCatalogChange,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  PolicyStore,
  StoredException,
  StoredUpgradePlan,
  toPolicyException,
} from '../database/PolicyStore';
import { ReleaseFeedsSnapshot } from '../calendar/ReleaseFeeds';
import { ClusterIndex } from './ClusterIndex';
import { FleetReader, ServedCluster } from './FleetReader';

/** One evaluation and everything it was computed from. */
export interface FleetSnapshot {
  evaluation: FleetEvaluation;
  calendar: ReleaseCalendar;
  /** The NKP `Release` objects the catalog served for this evaluation (the calendar's top layer). */
  served: ServedNkpRelease[];
  /** Where each configured release feed stands (its last good data is in `calendar`). */
  feeds: ReleaseFeedStatus[];
  plans: StoredUpgradePlan[];
  exceptions: StoredException[];
  /** Cluster results by lower-cased entity ref. */
  byRef: Map<string, ClusterEvaluation>;
  /** Sort orders and filters of the cluster list, built up as requests need them. */
  index: ClusterIndex;
  /** ISO timestamp. */
  evaluatedAt: string;
  /**
   * What the engine was given besides the clusters, for evaluations of hypothetical clusters
   * (the golden path's version options) with exactly the fleet's rules.
   */
  /** Cluster names taken per workspace (`clusterNameKey`), for the golden path. */
  takenNames: Set<string>;
  /** The name each cluster takes (`clusterNameKey`), by lower-cased entity ref. */
  nameKeys: Map<string, string>;
  engine: {
    calendar: ReleaseCalendar;
    config: PolicyConfig;
    plans: UpgradePlan[];
    exceptions: PolicyException[];
    now: Date;
  };
}

/** Called after each scheduled evaluation: notifications, metrics, expiry audit. */
export type FleetListener = (snapshot: FleetSnapshot) => Promise<void> | void;

export interface FleetStateOptions {
  reader: FleetReader;
  auth: AuthService;
  store: PolicyStore;
  logger: LoggerService;
  policy: PolicyConfig;
  calendarOverrides: ReleaseCalendarOverrides;
  /** The release feeds' last good data, the calendar layer between shipped data and app-config. */
  feeds?: { current(): Promise<ReleaseFeedsSnapshot> };
  clock?: () => Date;
  /** How to follow catalog changes; the defaults suit a portal. */
  settle?: Partial<CatalogSettling>;
}

/** How the fleet state follows the catalog after the NKP catalog module changed it. */
export interface CatalogSettling {
  /**
   * A change that names no clusters: read the whole fleet after each delay (after processing
   * usually, and after it surely).
   */
  delaysMs: number[];
  /** Named clusters: read them this often until the catalog serves them as emitted. */
  pollMs: number;
  /** Named clusters the catalog has not served by then: read the whole fleet instead. */
  namedTimeoutMs: number;
}

export const DEFAULT_CATALOG_SETTLING: CatalogSettling = {
  delaysMs: [3_000, 15_000],
  pollMs: 100,
  namedTimeoutMs: 15_000,
};

/** A cluster a change named, until the catalog serves it as emitted. */
interface AwaitedCluster {
  entityRef: string;
  /** `clusterFactsDigest` as emitted; null for a removal. */
  facts: string | null;
  since: number;
}

export class FleetState {
  private readonly clock: () => Date;
  private readonly listeners: FleetListener[] = [];
  private snapshot?: FleetSnapshot;
  private inflight?: Promise<void>;
  private requested = 0;
  private completed = 0;
  /** Calendar warnings of the previous evaluation: each is logged when it appears, not every run. */
  private calendarWarnings = new Set<string>();

  private readonly followUps = new Set<NodeJS.Timeout>();
  private readonly settling: CatalogSettling;
  /** Named clusters the catalog does not serve as emitted yet, by lower-cased entity ref. */
  private readonly awaited = new Map<string, AwaitedCluster>();
  private pollTimer?: NodeJS.Timeout;
  private polling = false;
  private stopped = false;

  constructor(private readonly options: FleetStateOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.settling = { ...DEFAULT_CATALOG_SETTLING, ...options.settle };
  }

  /** Re-evaluates every `intervalSeconds` on this instance and tells the listeners. */
  async start(
    scheduler: SchedulerService,
    intervalSeconds: number,
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: 'nkp-fleet-evaluation',
      // Every replica keeps its own in-memory copy, so each one refreshes its own.
      scope: 'local',
      frequency: { seconds: intervalSeconds },
      timeout: { minutes: 5 },
      fn: async () => {
        const snapshot = await this.refresh();
        await this.notify(snapshot);
      },
    });
  }

  onEvaluated(listener: FleetListener): void {
    this.listeners.push(listener);
  }

  /** The latest evaluation; evaluates first when there is none yet or the UTC day has turned. */
  async current(): Promise<FleetSnapshot> {
    const today = utcDay(this.clock());
    if (!this.snapshot || this.snapshot.evaluation.evaluatedOn !== today) {
      return this.refresh();
    }
    return this.snapshot;
  }

  /** Evaluates again with data read after this call; resolves to that evaluation. */
  async refresh(): Promise<FleetSnapshot> {
    const ticket = ++this.requested;
    while (this.completed < ticket) {
      if (!this.inflight) {
        const generation = this.requested;
        this.inflight = this.evaluate()
          .then(snapshot => {
            this.snapshot = snapshot;
            this.completed = generation;
          })
          .finally(() => {
            this.inflight = undefined;
          });
      }
      await this.inflight;
    }
    return this.snapshot!;
  }

  private async evaluate(): Promise<FleetSnapshot> {
    const started = Date.now();
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const [{ clusters, nameKeys }, releases, plans, exceptions, feeds] =
      await Promise.all([
        this.options.reader.readClusters(credentials),
        this.options.reader.listReleases(credentials),
        this.options.store.listPlans(),
        this.options.store.listExceptions(),
        this.options.feeds?.current() ?? { layers: [], statuses: [] },
      ]);
    const calendar = releaseCalendarWithServed(
      this.options.calendarOverrides,
      releases,
      feeds.layers,
    );
    this.logNewWarnings(calendar.warnings);
    const snapshot = this.evaluateWith({
      clusters,
      nameKeys,
      calendar,
      served: releases.served,
      feeds: feeds.statuses,
      plans,
      exceptions,
    });
    this.options.logger.debug('Evaluated the NKP fleet', {
      clusters: clusters.length,
      servedReleases: releases.served.length,
      plans: plans.length,
      exceptions: exceptions.length,
      durationMs: Date.now() - started,
    });
    return snapshot;
  }

  /** Runs the engine over everything an evaluation was read from (pure but for the clock). */
  private evaluateWith(
    input: Pick<
      FleetSnapshot,
      'calendar' | 'served' | 'feeds' | 'plans' | 'exceptions' | 'nameKeys'
    > & { clusters: NkpClusterFacts[] },
  ): FleetSnapshot {
    const { clusters, calendar, plans, exceptions } = input;
    const now = this.clock();
    const engine = {
      calendar,
      config: this.options.policy,
      // A cancelled plan asks nothing of anyone; it stays in the snapshot for the lists.
      plans: plans.filter(p => p.status === 'active'),
      exceptions: exceptions
        .map(toPolicyException)
        .filter((e): e is PolicyException => e !== undefined),
      now,
    };
    const evaluation = evaluateFleet({ clusters, ...engine });
    const byRef = new Map<string, ClusterEvaluation>();
    for (const result of evaluation.clusters) {
      byRef.set(entityRefKey(result.entityRef), result);
    }
    return {
      evaluation,
      calendar,
      served: input.served,
      feeds: input.feeds,
      plans,
      exceptions,
      byRef,
      index: new ClusterIndex(evaluation.clusters),
      evaluatedAt: now.toISOString(),
      engine,
      takenNames: new Set(input.nameKeys.values()),
      nameKeys: input.nameKeys,
    };
  }

  /**
   * The previous evaluation's inputs with the named clusters as the catalog now serves them
   * (undefined: removed), evaluated again in memory. Undefined when that would not be the same
   * as reading everything: the UTC day turned, or an entity that is not a known cluster was
   * removed (it may have been an NKP release, which changes the calendar).
   */
  private evaluateChanged(
    previous: FleetSnapshot,
    changed: Map<string, ServedCluster | undefined>,
  ): FleetSnapshot | undefined {
    if (previous.evaluation.evaluatedOn !== utcDay(this.clock())) {
      return undefined;
    }
    for (const [key, cluster] of changed) {
      if (!cluster && !previous.byRef.has(key)) {
        return undefined;
      }
    }
    const clusters: NkpClusterFacts[] = [];
    for (const result of previous.evaluation.clusters) {
      if (!changed.has(entityRefKey(result.entityRef))) {
        clusters.push(result.cluster);
      }
    }
    const nameKeys = new Map(previous.nameKeys);
    for (const [key, cluster] of changed) {
      nameKeys.delete(key);
      if (cluster) {
        clusters.push(cluster.facts);
        if (cluster.nameKey) {
          nameKeys.set(key, cluster.nameKey);
        }
      }
    }
    // The order FleetReader reads them in (refs are unique).
    clusters.sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
    return this.evaluateWith({ ...previous, clusters, nameKeys });
  }

  private logNewWarnings(warnings: string[]) {
    for (const warning of warnings) {
      if (!this.calendarWarnings.has(warning)) {
        this.options.logger.warn(`Release calendar: ${warning}`);
      }
    }
    this.calendarWarnings = new Set(warnings);
  }

  /**
   * The NKP catalog module applied a change (`payload`: its `NkpCatalogChange`). Named clusters
   * are awaited in the catalog and evaluated as soon as it serves them; anything else is read
   * whole shortly after and once more a little later, because the catalog processes and
   * stitches new entities within seconds, not at once (changes that arrive while those
   * follow-ups are due are covered by them).
   */
  catalogChanged(payload?: unknown): void {
    if (this.stopped) {
      return;
    }
    const change = parseNkpCatalogChange(payload);
    if (!change?.clusters) {
      this.readWholeFleetSoon();
      return;
    }
    const since = Date.now();
    for (const cluster of change.clusters) {
      this.awaited.set(entityRefKey(cluster.entityRef), { ...cluster, since });
    }
    this.pollSoon(0);
  }

  private readWholeFleetSoon() {
    if (this.followUps.size > 0) {
      return;
    }
    for (const delay of this.settling.delaysMs) {
      const timer = setTimeout(async () => {
        this.followUps.delete(timer);
        try {
          await this.notify(await this.refresh());
        } catch (error) {
          this.options.logger.error(
            'Re-evaluating the NKP fleet after a catalog change failed; the schedule will retry',
            { error: String(error) },
          );
        }
      }, delay);
      timer.unref?.();
      this.followUps.add(timer);
    }
  }

  private pollSoon(delayMs: number) {
    if (this.pollTimer || this.polling || this.stopped) {
      return; // a poll that is running schedules the next one itself
    }
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.pollAwaited();
    }, delayMs);
    this.pollTimer.unref?.();
  }

  /**
   * Reads the awaited clusters; those the catalog serves as emitted are evaluated at once. Those
   * it has not served within `namedTimeoutMs` (processing failed, or a newer change overtook
   * them) give up to a read of the whole fleet.
   */
  private async pollAwaited() {
    this.polling = true;
    try {
      const batch = [...this.awaited.entries()];
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const served = await this.options.reader.readClustersByRef(
        batch.map(([, awaited]) => awaited.entityRef),
        credentials,
      );
      const arrived = new Map<string, ServedCluster | undefined>();
      let expired = false;
      const now = Date.now();
      for (const [key, awaited] of batch) {
        const cluster = served.get(key);
        const facts = cluster ? clusterFactsDigest(cluster.facts) : null;
        const done = facts === awaited.facts;
        if (done) {
          arrived.set(key, cluster);
        }
        const late = now - awaited.since > this.settling.namedTimeoutMs;
        expired ||= !done && late;
        // Unless a newer change to the same cluster came in meanwhile
        if ((done || late) && this.awaited.get(key) === awaited) {
          this.awaited.delete(key);
        }
      }
      if (expired) {
        this.options.logger.debug(
          'The catalog did not serve every changed NKP cluster in time; reading the whole fleet',
        );
        await this.notify(await this.refresh());
      } else if (arrived.size > 0) {
        await this.evaluateArrived(arrived);
      }
    } catch (error) {
      // The awaited clusters stay, and give up to a whole read when they expire.
      this.options.logger.warn(
        'Reading the changed NKP clusters from the catalog failed; trying again',
        { error: String(error) },
      );
    } finally {
      this.polling = false;
      if (this.awaited.size > 0) {
        this.pollSoon(this.settling.pollMs);
      }
    }
  }

  private async evaluateArrived(
    arrived: Map<string, ServedCluster | undefined>,
  ) {
    const started = Date.now();
    // After any evaluation in flight: that one may have read the catalog before the change.
    while (this.inflight) {
      await this.inflight.catch(() => undefined);
    }
    const previous = this.snapshot;
    const next = previous && this.evaluateChanged(previous, arrived);
    if (next) {
      this.snapshot = next;
      this.options.logger.debug('Evaluated changed NKP clusters', {
        changed: arrived.size,
        clusters: next.evaluation.clusters.length,
        durationMs: Date.now() - started,
      });
    }
    await this.notify(next ?? (await this.refresh()));
  }

  /** Cancels pending follow-ups; for shutdown. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    this.awaited.clear();
    for (const timer of this.followUps) {
      clearTimeout(timer);
    }
    this.followUps.clear();
  }

  private async notify(snapshot: FleetSnapshot) {
    for (const listener of this.listeners) {
      try {
        await listener(snapshot);
      } catch (error) {
        this.options.logger.error('NKP fleet listener failed', {
          error: String(error),
        });
      }
    }
  }
}
