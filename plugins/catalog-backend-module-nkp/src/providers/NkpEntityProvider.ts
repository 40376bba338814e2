/*
 * One entity provider per configured NKP source. Each scheduled run reads every part of the
 * source completely, normalises it, and only then replaces the provider's entities with a full
 * mutation; a failed, aborted, empty or sharply shrunken read leaves the catalog as it was. In a
 * list of self-managed endpoints each endpoint is a part: one that cannot be read, or whose read
 * is refused, keeps the entities it last gave, and the others are applied.
 * What was applied per part is kept in the catalog's database (AppliedPartsStore), so the shrink
 * guard and the kept entities are the same after a restart and on every replica.
 * Sources that can follow changes (Kubernetes API servers) are then followed part by part (see
 * PartFollowing): watch events become delta mutations within a second, and a part read again
 * from scratch passes the same guard as a scheduled read.
 */

import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Duration } from 'luxon';
import { EventsService } from '@backstage/plugin-events-node';
import {
  NKP_CATALOG_CHANGED_TOPIC,
  NkpCatalogChange,
  namedClusterChanges,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  buildEntities,
  FleetPatch,
  FleetPatcher,
  NkpSource,
  NkpSourceChange,
  NkpWarning,
  NormaliseMemo,
  RawObjects,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { randomUUID } from 'node:crypto';
import { AppliedPart, AppliedPartsStore } from '../database/AppliedPartsStore';
import { checkShrink } from './checkShrink';
import { createSourceParts, NkpSourcePart } from './createSourceParts';
import {
  AppliedEntities,
  appliedEntitiesOf,
  entityDelta,
  patchedDelta,
} from './entityDelta';
import { NkpProviderConfig, readNkpProviderConfigs } from './NkpProviderConfig';
import { PartFollowing } from './PartFollowing';
import { settleUnlessAborted } from './settleUnlessAborted';

/**
 * What one run did; returned for tests and logged for operators.
 *
 * @public
 */
export type NkpRefreshResult =
  | {
      status: 'applied';
      entities: number;
      warnings: number;
      /** Parts (self-managed endpoints) that failed or were refused and kept their entities. */
      keptParts?: string[];
    }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; error: string };

/** What this replica last applied for one part: the base its changes are compared with. */
interface PartState {
  applied: AppliedEntities;
  warnings: Set<string>;
  /** Kept only for sources of several parts, which save them for a part that cannot be read. */
  entities?: Entity[];
}

type Built = ReturnType<typeof buildEntities>;

/** What a run does with one part. */
type PartDecision =
  | { kind: 'applied'; read: RawObjects; built: Built }
  | { kind: 'refused'; read: RawObjects; built: Built; reason: string }
  | { kind: 'failed'; error: unknown };

/** @public */
export class NkpEntityProvider implements EntityProvider {
  private readonly config: NkpProviderConfig;
  private readonly parts: NkpSourcePart[];
  /** Per part: what normalisation computed from objects that are still the same. */
  private readonly memos: NormaliseMemo[];
  private readonly logger: LoggerService;
  private readonly taskRunner: SchedulerServiceTaskRunner;
  private readonly store: AppliedPartsStore;
  private readonly events?: EventsService;
  private readonly following: PartFollowing;
  private connection?: EntityProviderConnection;
  private readonly states: Array<PartState | undefined> = [];
  /** Per part: patches what was last applied, for the changes that allow it. */
  private readonly patchers: Array<FleetPatcher | undefined> = [];
  /** Mutations are applied one at a time, in order, so a late delta never overtakes a full one. */
  private mutations: Promise<unknown> = Promise.resolve();

  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      scheduler: SchedulerService;
      store: AppliedPartsStore;
      events?: EventsService;
    },
  ): NkpEntityProvider[] {
    return readNkpProviderConfigs(config).map(sourceConfig => {
      const logger = options.logger.child({
        target: `nkp:${sourceConfig.id}`,
      });
      return new NkpEntityProvider({
        config: sourceConfig,
        parts: createSourceParts(sourceConfig, logger),
        logger: options.logger,
        // Scope global: with several backend replicas, one of them reads each source per run.
        taskRunner: options.scheduler.createScheduledTaskRunner({
          ...sourceConfig.schedule,
          scope: 'global',
        }),
        store: options.store,
        watchLifetimeMs: watchLifetimeFor(sourceConfig.schedule.frequency),
        events: options.events,
      });
    });
  }

  /** Pass `source` for a source of one cluster, or `parts` for several. */
  constructor(options: {
    config: NkpProviderConfig;
    source?: NkpSource;
    parts?: NkpSourcePart[];
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    /** What was applied per part, shared by the replicas and kept across restarts. */
    store: AppliedPartsStore;
    /**
     * How long this replica follows the source after a run of its own. The next run may happen
     * on another replica, which starts following; ending ours a while after that keeps one
     * replica following, not all of them.
     */
    watchLifetimeMs?: number;
    /** Told after every applied mutation (topic `NKP_CATALOG_CHANGED_TOPIC`). */
    events?: EventsService;
  }) {
    this.config = options.config;
    this.events = options.events;
    this.store = options.store;
    this.parts = options.parts ?? [
      {
        name: '',
        source: options.source!,
        entityNamePrefix: options.config.entityNamePrefix,
        dashboardUrl: options.config.dashboardUrl,
      },
    ];
    this.memos = this.parts.map(() => new NormaliseMemo());
    this.taskRunner = options.taskRunner;
    this.logger = options.logger.child({ target: this.getProviderName() });
    this.following = new PartFollowing({
      parts: this.parts,
      providerName: this.getProviderName(),
      lifetimeMs: options.watchLifetimeMs,
      logger: this.logger,
      onChange: (index, change, following) =>
        this.applyChange(index, change, following),
    });
  }

  getProviderName(): string {
    return `nkp:${this.config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async signal => {
        await this.refresh(signal);
      },
    });
  }

  /** Stops following changes; for backend shutdown. */
  async stop(): Promise<void> {
    await this.following.stopAll();
    await this.mutations;
  }

  async refresh(signal: AbortSignal): Promise<NkpRefreshResult> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const logger = this.logger.child({ taskInstanceId: randomUUID() });
    const started = Date.now();
    try {
      // Every part completely, or nothing of that part.
      const outcomes = await settleUnlessAborted(
        signal,
        this.parts.map(part => partSignal => part.source.read(partSignal)),
      );
      const reads = outcomes.map((outcome, index) =>
        outcome.status === 'fulfilled'
          ? {
              read: outcome.value,
              built: buildEntities(this.config, outcome.value.objects, {
                part: this.parts[index],
                memo: this.memos[index],
                patchable: true,
              }),
            }
          : { error: outcome.reason as unknown },
      );
      for (const read of reads) {
        for (const warning of read.built?.warnings ?? []) {
          logWarning(logger, warning);
        }
      }
      // In the queue: what is stored is then not changed under us by this replica's watches.
      return await this.enqueue(async () => {
        const stored = await this.store.read(this.getProviderName());
        const decisions: PartDecision[] = reads.map((read, index) => {
          if (!read.read) {
            return { kind: 'failed', error: read.error };
          }
          const reason = checkShrink({
            next: read.built.entities.length,
            previous: stored.get(this.parts[index].name)?.count,
            maxShrinkPercent: this.config.maxShrinkPercent,
          });
          return reason
            ? { kind: 'refused', reason, ...read }
            : { kind: 'applied', ...read };
        });
        let result: NkpRefreshResult;
        try {
          result = await this.applyRun(logger, signal, decisions, stored);
        } finally {
          if (!signal.aborted) {
            this.followAfterRun(decisions);
          }
        }
        if (result.status === 'applied') {
          logger.info(
            `Applied ${result.entities} entities from ${summarise(
              decisions,
            )} with ${result.warnings} warnings in ${Date.now() - started} ms${
              result.keptParts
                ? `; kept the previous entities of ${result.keptParts.join(
                    ', ',
                  )}`
                : ''
            }`,
          );
        }
        return result;
      });
    } catch (error) {
      const message = stringifyError(error);
      logger.error(
        `Failed to read ${this.getProviderName()}; the catalog keeps the previous entities: ${message}`,
      );
      return { status: 'failed', error: message };
    }
  }

  /** The full mutation of a run, when any part may be applied. */
  private async applyRun(
    logger: LoggerService,
    signal: AbortSignal,
    decisions: PartDecision[],
    stored: Map<string, AppliedPart>,
  ): Promise<NkpRefreshResult> {
    const name = this.getProviderName();
    const single = this.parts.length === 1;
    decisions.forEach((decision, index) => {
      const part = this.parts[index];
      if (decision.kind === 'refused') {
        logger.error(
          `Refusing to update the catalog from ${
            single ? name : `${part.name} of ${name}`
          }: ${decision.reason}; keeping the previous entities`,
        );
      } else if (decision.kind === 'failed' && !single) {
        const previous = stored.get(part.name);
        logger.error(
          `Failed to read ${part.name} of ${name}; ${
            previous
              ? `keeping its previous ${previous.count} entities`
              : 'it has no entities yet'
          }: ${stringifyError(decision.error)}`,
        );
      }
    });
    const kept = this.parts
      .filter((_, index) => decisions[index].kind !== 'applied')
      .map(part => part.name);
    if (kept.length === this.parts.length) {
      const refusals = decisions.flatMap((d, index) =>
        d.kind === 'refused'
          ? [single ? d.reason : `${this.parts[index].name}: ${d.reason}`]
          : [],
      );
      if (refusals.length) {
        return { status: 'refused', reason: refusals.join('; ') };
      }
      const [first] = decisions;
      throw single && first.kind === 'failed'
        ? first.error
        : new Error(`no part of the source could be read (${kept.join(', ')})`);
    }
    // The read may have finished just as the scheduler gave up on this run.
    signal.throwIfAborted();

    const entities = decisions.flatMap((decision, index) =>
      decision.kind === 'applied'
        ? decision.built.entities
        : stored.get(this.parts[index].name)?.entities ?? [],
    );
    await this.connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: name })),
    });
    const applied = new Map<string, AppliedPart>();
    decisions.forEach((decision, index) => {
      const part = this.parts[index];
      this.patchers[index] =
        decision.kind === 'applied' ? decision.built.patcher : undefined;
      if (decision.kind === 'applied') {
        const state = this.stateOf(decision.built);
        this.states[index] = state;
        applied.set(part.name, {
          count: state.applied.size,
          entities: state.entities,
        });
      } else {
        // The catalog now holds what was stored for this part: the base of its next change.
        this.states[index] = {
          ...this.stateOf({ entities: stored.get(part.name)?.entities ?? [] }),
          warnings: this.states[index]?.warnings ?? new Set(),
        };
      }
    });
    await this.save(applied, { only: this.parts.map(part => part.name) });
    await this.publishChange({ mutation: 'full', entities: entities.length });
    // Ready for the first change before it comes, rather than when it does.
    this.patchers.forEach(patcher => patcher?.prepare());
    const warnings = decisions.reduce(
      (sum, d) => sum + (d.kind === 'failed' ? 0 : d.built.warnings.length),
      0,
    );
    return {
      status: 'applied',
      entities: entities.length,
      warnings,
      ...(kept.length ? { keptParts: kept } : {}),
    };
  }

  /**
   * After a run, follow what can be followed: a part that was read, from that read (checked by
   * the guard until a change passes it, when the read was refused), which also voids what its
   * old following still has queued; a part that failed, as it is already followed, else from
   * nothing (read again with backoff).
   */
  private followAfterRun(decisions: PartDecision[]) {
    this.following.renewLifetime();
    decisions.forEach((decision, index) => {
      if (decision.kind === 'failed') {
        this.following.ensure(index);
      } else {
        this.following.start(index, {
          read: decision.read,
          held: decision.kind === 'refused',
        });
      }
    });
  }

  /**
   * A followed part changed. Events the server reported one by one are applied as they are; a
   * part read again from scratch (or one whose last read was refused) passes the shrink guard
   * against what is stored first. Either way the change is ONE delta mutation.
   */
  private applyChange(
    index: number,
    change: NkpSourceChange,
    following: { signal: AbortSignal; held: boolean },
  ): Promise<void> {
    return this.enqueue(async () => {
      if (following.signal.aborted) {
        return; // a newer read has replaced this following
      }
      const started = Date.now();
      const part = this.parts[index];
      const of = part.name ? ` of ${part.name}` : '';
      // What was patched or built no longer stands for what is applied until this is.
      const patcher = this.patchers[index];
      this.patchers[index] = undefined;
      try {
        // Never applied on this replica (its first read failed): nothing to compare with.
        const state = this.states[index] ?? this.stateOf({ entities: [] });
        const patched =
          change.cause === 'events' && !following.held && change.events
            ? patcher?.patch(change.events)
            : undefined;
        if (patched) {
          await this.applyPatch(index, state, patched, patcher!, started);
          return;
        }
        const built = buildEntities(this.config, change.objects, {
          part,
          memo: this.memos[index],
          patchable: true,
        });
        const { entities, warnings } = built;
        // Only what is new: the rest was logged with the read or an earlier change.
        const warningKeys = new Set<string>();
        for (const warning of warnings) {
          const key = warningKey(warning);
          warningKeys.add(key);
          if (!state.warnings.has(key)) {
            logWarning(this.logger, warning);
          }
        }
        state.warnings = warningKeys;
        if (change.cause === 'read' || following.held) {
          const refusal = checkShrink({
            next: entities.length,
            previous: await this.store.count(this.getProviderName(), part.name),
            maxShrinkPercent: this.config.maxShrinkPercent,
          });
          following.held = refusal !== undefined;
          if (refusal) {
            this.logger.error(
              `Refusing to apply a new read${of} of ${this.getProviderName()}: ${refusal}; keeping the previous entities, and checking its next changes the same way`,
            );
            return;
          }
        }
        const delta = entityDelta(state.applied, entities);
        this.states[index] = state;
        if (delta.added.length === 0 && delta.removed.length === 0) {
          this.patchers[index] = built.patcher;
          return;
        }
        await this.applyDelta(index, state, delta, entities, () => {
          state.applied = delta.applied;
        });
        this.patchers[index] = built.patcher;
        this.logger.info(
          `Applied ${
            change.cause === 'read' ? 'a new read' : 'a change'
          }${of}: ${delta.added.length} entities added or updated, ${
            delta.removed.length
          } removed in ${Date.now() - started} ms`,
        );
      } catch (error) {
        this.logger.error(
          `Failed to apply a change${of} of ${this.getProviderName()}; the next scheduled run will: ${stringifyError(
            error,
          )}`,
        );
      }
    });
  }

  /**
   * A change the part's FleetPatcher could patch: only the changed clusters were rebuilt, and
   * only they are compared with what was applied. The same delta mutation and event as a build.
   */
  private async applyPatch(
    index: number,
    state: PartState,
    patched: FleetPatch,
    patcher: FleetPatcher,
    started: number,
  ) {
    const part = this.parts[index];
    for (const warning of patched.warnings) {
      const key = warningKey(warning);
      if (!state.warnings.has(key)) {
        state.warnings.add(key);
        logWarning(this.logger, warning);
      }
    }
    this.states[index] = state;
    const delta = patchedDelta(state.applied, patched.changed);
    if (delta.added.length > 0) {
      await this.applyDelta(
        index,
        state,
        { added: delta.added, removed: [] },
        patched.entities,
        delta.apply,
      );
      this.logger.info(
        `Applied a change${part.name ? ` of ${part.name}` : ''}: ${
          delta.added.length
        } entities updated in ${Date.now() - started} ms`,
      );
    }
    this.patchers[index] = patcher;
  }

  /**
   * Applies one delta of part `index`, then `record`s it in what the part has applied, keeps
   * `entities` for a source of several parts, saves what the part holds now and tells the
   * policy backend which clusters changed.
   */
  private async applyDelta(
    index: number,
    state: PartState,
    delta: { added: Entity[]; removed: string[] },
    entities: Entity[],
    record: () => void,
  ) {
    const locationKey = this.getProviderName();
    await this.connection!.applyMutation({
      type: 'delta',
      added: delta.added.map(entity => ({ entity, locationKey })),
      removed: delta.removed.map(entityRef => ({ entityRef, locationKey })),
    });
    record();
    if (state.entities) {
      state.entities = entities;
    }
    await this.save(
      new Map([
        [
          this.parts[index].name,
          { count: state.applied.size, entities: state.entities },
        ],
      ]),
    );
    await this.publishChange({
      mutation: 'delta',
      entities: delta.added.length + delta.removed.length,
      clusters: namedClusterChanges(delta.added, delta.removed),
    });
  }

  private stateOf(built: {
    entities: Entity[];
    warnings?: NkpWarning[];
  }): PartState {
    return {
      applied: appliedEntitiesOf(built.entities),
      warnings: new Set((built.warnings ?? []).map(warningKey)),
      entities: this.parts.length > 1 ? built.entities : undefined,
    };
  }

  /** The catalog has it already; failing to record it only costs the guard some precision. */
  private async save(
    parts: Map<string, AppliedPart>,
    options?: { only?: string[] },
  ) {
    try {
      await this.store.save(this.getProviderName(), parts, options);
    } catch (error) {
      this.logger.error(
        `Applied, but could not record what was applied from ${this.getProviderName()}: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  /**
   * Lets the policy backend re-evaluate now (a small delta names its clusters, so that just
   * those are read as soon as the catalog serves them); losing the event only delays that to
   * its schedule.
   */
  private async publishChange(change: Omit<NkpCatalogChange, 'provider'>) {
    try {
      const eventPayload: NkpCatalogChange = {
        provider: this.getProviderName(),
        ...change,
      };
      await this.events?.publish({
        topic: NKP_CATALOG_CHANGED_TOPIC,
        eventPayload,
      });
    } catch (error) {
      this.logger.warn(
        `Could not publish ${NKP_CATALOG_CHANGED_TOPIC}: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.mutations.then(task);
    this.mutations = result.catch(() => undefined);
    return result;
  }
}

/**
 * One and a half schedule intervals: long enough to overlap the next run (wherever it happens),
 * short enough that a replica that no longer runs the task stops following the source. Cron and
 * manual schedules have no interval; their watches live until the next run on this replica.
 */
export function watchLifetimeFor(
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'],
): number | undefined {
  if ('cron' in frequency || 'trigger' in frequency) {
    return undefined;
  }
  const ms = Duration.isDuration(frequency)
    ? frequency.toMillis()
    : Duration.fromObject(frequency).toMillis();
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms * 1.5) : undefined;
}

function summarise(decisions: PartDecision[]): string {
  const built = decisions.flatMap(d => (d.kind === 'applied' ? [d] : []));
  const count = (pick: (fleet: Built['fleet']) => unknown[]) =>
    built.reduce((sum, d) => sum + pick(d.built.fleet).length, 0);
  const objects = built.reduce((sum, d) => sum + d.read.objects.length, 0);
  return `${objects} objects (${count(f => f.clusters)} clusters, ${count(
    f => f.workspaces,
  )} workspaces, ${count(f => f.projects)} projects)`;
}

function warningKey(warning: NkpWarning): string {
  return `${warning.object}\n${warning.message}`;
}

function logWarning(logger: LoggerService, warning: NkpWarning) {
  logger.warn(`NKP object ${warning.object}: ${warning.message}`, {
    object: warning.object,
  });
}
