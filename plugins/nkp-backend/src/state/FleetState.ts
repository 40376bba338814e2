/**
 * Keeps the evaluated fleet current. An evaluation reads the NKP clusters and the served NKP
 * releases from the catalog (as the plugin itself), plans and exceptions from the store, the
 * release feeds' last good data, builds the release calendar (shipped < feeds < app-config <
 * served) and runs the engine with today's date.
 * It is redone shortly after the NKP catalog module says it changed entities
 * (`catalogChanged`), right after plans or exceptions change through the API, when the UTC day
 * turns, and on a schedule as the safety net.
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
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  PolicyStore,
  StoredException,
  StoredUpgradePlan,
  toPolicyException,
} from '../database/PolicyStore';
import { ReleaseFeedsSnapshot } from '../calendar/ReleaseFeeds';
import { ClusterIndex } from './ClusterIndex';
import { FleetReader } from './FleetReader';

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
}

/** When to re-evaluate after a catalog change: after processing usually, and after it surely. */
export const CATALOG_SETTLE_DELAYS_MS = [3_000, 15_000];

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

  constructor(private readonly options: FleetStateOptions) {
    this.clock = options.clock ?? (() => new Date());
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
    const [{ clusters, takenNames }, releases, plans, exceptions, feeds] =
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
    this.options.logger.debug('Evaluated the NKP fleet', {
      clusters: clusters.length,
      servedReleases: releases.served.length,
      plans: plans.length,
      exceptions: exceptions.length,
      durationMs: Date.now() - started,
    });
    return {
      evaluation,
      calendar,
      served: releases.served,
      feeds: feeds.statuses,
      plans,
      exceptions,
      byRef,
      index: new ClusterIndex(evaluation.clusters),
      evaluatedAt: now.toISOString(),
      engine,
      takenNames,
    };
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
   * The NKP catalog module applied a change. The catalog processes and stitches new entities
   * within seconds, not at once, so evaluate shortly after and once more a little later; changes
   * that arrive while follow-ups are due are covered by them.
   */
  catalogChanged(delaysMs: readonly number[] = CATALOG_SETTLE_DELAYS_MS): void {
    if (this.followUps.size > 0) {
      return;
    }
    for (const delay of delaysMs) {
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

  /** Cancels pending follow-ups; for shutdown. */
  stop(): void {
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
