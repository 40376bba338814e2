/*
 * One entity provider per configured NKP source. Each scheduled run reads every part of the
 * source completely, normalises it, and only then replaces the provider's entities with a full
 * mutation; a failed, aborted, empty or sharply shrunken read leaves the catalog as it was. In a
 * list of self-managed endpoints each endpoint is a part: one that cannot be read keeps the
 * entities it last gave, and the others are applied.
 * Sources that can follow changes (Kubernetes API servers) are then watched from that read, and
 * each change becomes a delta mutation within a second; the next run starts the watches afresh.
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
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { Duration } from 'luxon';
import { EventsService } from '@backstage/plugin-events-node';
import { NKP_CATALOG_CHANGED_TOPIC } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  buildEntities,
  NkpSource,
  NkpWarning,
  NormaliseMemo,
  RawObject,
  RawObjects,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { randomUUID } from 'node:crypto';
import { checkShrink } from './checkShrink';
import { createSourceParts, NkpSourcePart } from './createSourceParts';
import { entityDelta, EntityFingerprints, fingerprintsOf } from './entityDelta';
import { NkpProviderConfig, readNkpProviderConfigs } from './NkpProviderConfig';
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
      /** Parts (self-managed endpoints) that failed and kept their previous entities. */
      keptParts?: string[];
    }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; error: string };

/** What was last applied for one part: the base that watch changes are compared with. */
interface AppliedPart {
  fingerprints: EntityFingerprints;
  warnings: Set<string>;
  /** Kept only for sources of several parts, so that a failed part can keep its entities. */
  entities?: Entity[];
}

/** @public */
export class NkpEntityProvider implements EntityProvider {
  private readonly config: NkpProviderConfig;
  private readonly parts: NkpSourcePart[];
  /** Per part: what normalisation computed from objects that are still the same. */
  private readonly memos: NormaliseMemo[];
  private readonly logger: LoggerService;
  private readonly taskRunner: SchedulerServiceTaskRunner;
  private readonly watchLifetimeMs?: number;
  private readonly events?: EventsService;
  private connection?: EntityProviderConnection;
  private lastAppliedCount?: number;
  private applied: Array<AppliedPart | undefined> = [];
  private watching?: { controller: AbortController; stopped: Promise<void> };
  /** Mutations are applied one at a time, in order, so a late delta never overtakes a full one. */
  private mutations: Promise<void> = Promise.resolve();

  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      scheduler: SchedulerService;
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
    /**
     * How long the watches of a run live. The next run may happen on another replica, which
     * starts its own; ending ours a while after that keeps one replica watching, not all of them.
     */
    watchLifetimeMs?: number;
    /** Told after every applied mutation (topic `NKP_CATALOG_CHANGED_TOPIC`). */
    events?: EventsService;
  }) {
    this.config = options.config;
    this.watchLifetimeMs = options.watchLifetimeMs;
    this.events = options.events;
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
    this.watching?.controller.abort();
    await this.watching?.stopped;
    this.watching = undefined;
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
      const reads: Array<RawObjects | undefined> = [];
      const built: Array<ReturnType<typeof buildEntities> | undefined> = [];
      const kept: string[] = [];
      outcomes.forEach((outcome, index) => {
        const part = this.parts[index];
        if (outcome.status === 'fulfilled') {
          reads.push(outcome.value);
          built.push(
            buildEntities(this.config, outcome.value.objects, {
              part,
              memo: this.memos[index],
            }),
          );
          return;
        }
        if (this.parts.length === 1) {
          throw outcome.reason;
        }
        const previous = this.applied[index]?.entities;
        logger.error(
          `Failed to read ${part.name} of ${this.getProviderName()}; ${
            previous
              ? `keeping its previous ${previous.length} entities`
              : 'it has no entities yet'
          }: ${stringifyError(outcome.reason)}`,
        );
        kept.push(part.name);
        reads.push(undefined);
        built.push(undefined);
      });
      if (kept.length === this.parts.length) {
        throw new Error(
          `no part of the source could be read (${kept.join(', ')})`,
        );
      }
      const warnings = built.flatMap(b => b?.warnings ?? []);
      for (const warning of warnings) {
        logWarning(logger, warning);
      }
      const entities = built.flatMap(
        (b, index) => b?.entities ?? this.applied[index]?.entities ?? [],
      );

      const refusal = checkShrink({
        next: entities.length,
        previous: this.lastAppliedCount,
        maxShrinkPercent: this.config.maxShrinkPercent,
      });
      if (refusal) {
        logger.error(
          `Refusing to update the catalog from ${this.getProviderName()}: ${refusal}; keeping the previous entities`,
        );
        return { status: 'refused', reason: refusal };
      }
      // The read may have finished just as the scheduler gave up on this run.
      signal.throwIfAborted();

      // Changes the old watches still report predate this read; this read supersedes them.
      await this.stopWatching();
      await this.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.lastAppliedCount = entities.length;
      await this.publishChange('full', entities.length);
      const keepEntities = this.parts.length > 1;
      this.applied = built.map((b, index) =>
        b
          ? {
              fingerprints: fingerprintsOf(b.entities),
              warnings: new Set(b.warnings.map(warningKey)),
              entities: keepEntities ? b.entities : undefined,
            }
          : this.applied[index],
      );
      this.startWatching(reads);

      const fleets = built.flatMap(b => (b ? [b.fleet] : []));
      const count = (pick: (f: (typeof fleets)[number]) => unknown[]) =>
        fleets.reduce((sum, f) => sum + pick(f).length, 0);
      logger.info(
        `Applied ${entities.length} entities from ${reads.reduce(
          (sum, r) => sum + (r?.objects.length ?? 0),
          0,
        )} objects (${count(f => f.clusters)} clusters, ${count(
          f => f.workspaces,
        )} workspaces, ${count(f => f.projects)} projects) with ${
          warnings.length
        } warnings in ${Date.now() - started} ms${
          kept.length
            ? `; kept the previous entities of ${kept.join(', ')}`
            : ''
        }`,
      );
      return {
        status: 'applied',
        entities: entities.length,
        warnings: warnings.length,
        ...(kept.length ? { keptParts: kept } : {}),
      };
    } catch (error) {
      const message = stringifyError(error);
      logger.error(
        `Failed to read ${this.getProviderName()}; the catalog keeps the previous entities: ${message}`,
      );
      return { status: 'failed', error: message };
    }
  }

  private startWatching(reads: Array<RawObjects | undefined>) {
    const controller = new AbortController();
    if (this.watchLifetimeMs !== undefined) {
      const lifetime = setTimeout(() => {
        this.logger.debug(
          `Watches of ${this.getProviderName()} ended after ${
            this.watchLifetimeMs
          } ms; the next run starts new ones`,
        );
        controller.abort();
      }, this.watchLifetimeMs);
      lifetime.unref();
      controller.signal.addEventListener(
        'abort',
        () => clearTimeout(lifetime),
        {
          once: true,
        },
      );
    }
    const stopped = Promise.all(
      reads.map((read, index) =>
        read?.watch?.(
          objects => this.applyChange(index, objects, controller.signal),
          controller.signal,
        ),
      ),
    ).then(
      () => undefined,
      error =>
        this.logger.error(
          `Stopped following ${this.getProviderName()}: ${stringifyError(
            error,
          )}; changes arrive with the next scheduled run`,
        ),
    );
    this.watching = { controller, stopped };
  }

  private async stopWatching() {
    const watching = this.watching;
    this.watching = undefined;
    watching?.controller.abort();
    await watching?.stopped;
  }

  /** A part's objects changed on the server: apply the difference as a delta mutation. */
  private applyChange(
    index: number,
    objects: RawObject[],
    signal: AbortSignal,
  ) {
    this.mutations = this.mutations.then(async () => {
      if (signal.aborted) {
        return; // a newer full read has replaced this watch
      }
      const started = Date.now();
      const part = this.parts[index];
      const applied = this.applied[index];
      if (!applied) {
        return;
      }
      try {
        const { entities, warnings } = buildEntities(this.config, objects, {
          part,
          memo: this.memos[index],
        });
        // Only what is new: the rest was logged with the read or an earlier change.
        const warningKeys = new Set<string>();
        for (const warning of warnings) {
          const key = warningKey(warning);
          warningKeys.add(key);
          if (!applied.warnings.has(key)) {
            logWarning(this.logger, warning);
          }
        }
        applied.warnings = warningKeys;
        const delta = entityDelta(applied.fingerprints, entities);
        if (delta.added.length === 0 && delta.removed.length === 0) {
          return;
        }
        const locationKey = this.getProviderName();
        await this.connection!.applyMutation({
          type: 'delta',
          added: delta.added.map(entity => ({ entity, locationKey })),
          removed: delta.removed.map(entityRef => ({ entityRef, locationKey })),
        });
        applied.fingerprints = delta.fingerprints;
        await this.publishChange(
          'delta',
          delta.added.length + delta.removed.length,
        );
        if (applied.entities) {
          applied.entities = entities;
        }
        this.lastAppliedCount = this.applied.reduce(
          (sum, p) => sum + (p?.fingerprints.size ?? 0),
          0,
        );
        this.logger.info(
          `Applied a change${part.name ? ` of ${part.name}` : ''}: ${
            delta.added.length
          } entities added or updated, ${delta.removed.length} removed in ${
            Date.now() - started
          } ms`,
        );
      } catch (error) {
        this.logger.error(
          `Failed to apply a change from ${this.getProviderName()}; the next scheduled run will: ${stringifyError(
            error,
          )}`,
        );
      }
    });
  }

  /** Lets the policy backend re-evaluate now; losing the event only delays that to its schedule. */
  private async publishChange(mutation: 'full' | 'delta', entities: number) {
    try {
      await this.events?.publish({
        topic: NKP_CATALOG_CHANGED_TOPIC,
        eventPayload: { provider: this.getProviderName(), mutation, entities },
      });
    } catch (error) {
      this.logger.warn(
        `Could not publish ${NKP_CATALOG_CHANGED_TOPIC}: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  private applyMutation(mutation: EntityProviderMutation): Promise<void> {
    const applied = this.mutations.then(() =>
      this.connection!.applyMutation(mutation),
    );
    this.mutations = applied.catch(() => undefined);
    return applied;
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

function warningKey(warning: NkpWarning): string {
  return `${warning.object}\n${warning.message}`;
}

function logWarning(logger: LoggerService, warning: NkpWarning) {
  logger.warn(`NKP object ${warning.object}: ${warning.message}`, {
    object: warning.object,
  });
}
