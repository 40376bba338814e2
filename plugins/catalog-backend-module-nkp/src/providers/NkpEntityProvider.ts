/*
 * One entity provider per configured NKP source. Each run reads the source completely,
 * normalises it, and only then replaces the provider's entities with a full mutation. A failed,
 * aborted, empty or sharply shrunken read leaves the catalog as it was.
 */

import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { randomUUID } from 'node:crypto';
import { stringifyError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { fleetToEntities, normaliseFleet } from '../normalise';
import { NkpSource, OfflineExportSource } from '../sources';
import { checkShrink } from './checkShrink';
import { NkpProviderConfig, readNkpProviderConfigs } from './NkpProviderConfig';

/** What one run did; returned for tests and logged for operators. */
export type NkpRefreshResult =
  | { status: 'applied'; entities: number; warnings: number }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; error: string };

/** @public */
export class NkpEntityProvider implements EntityProvider {
  private readonly config: NkpProviderConfig;
  private readonly source: NkpSource;
  private readonly logger: LoggerService;
  private readonly taskRunner: SchedulerServiceTaskRunner;
  private connection?: EntityProviderConnection;
  private lastAppliedCount?: number;

  static fromConfig(
    config: Config,
    options: { logger: LoggerService; scheduler: SchedulerService },
  ): NkpEntityProvider[] {
    return readNkpProviderConfigs(config).map(
      sourceConfig =>
        new NkpEntityProvider({
          config: sourceConfig,
          source: new OfflineExportSource(sourceConfig.offline.paths),
          logger: options.logger,
          // Scope global: with several backend replicas, one of them reads each source per run.
          taskRunner: options.scheduler.createScheduledTaskRunner({
            ...sourceConfig.schedule,
            scope: 'global',
          }),
        }),
    );
  }

  constructor(options: {
    config: NkpProviderConfig;
    source: NkpSource;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
  }) {
    this.config = options.config;
    this.source = options.source;
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

  async refresh(signal: AbortSignal): Promise<NkpRefreshResult> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const logger = this.logger.child({ taskInstanceId: randomUUID() });
    const started = Date.now();
    try {
      const { objects } = await this.source.read(signal);
      const { fleet, warnings: fleetWarnings } = normaliseFleet(objects, {
        model: this.config.model,
      });
      const { entities, warnings: entityWarnings } = fleetToEntities(fleet, {
        sourceId: this.config.id,
        entityNamePrefix: this.config.entityNamePrefix,
        locationRef: this.getProviderName(),
        dashboardUrl: this.config.dashboardUrl,
        owners: this.config.owners,
        kubernetes: this.config.kubernetes,
      });
      const warnings = [...fleetWarnings, ...entityWarnings];
      for (const warning of warnings) {
        logger.warn(`NKP object ${warning.object}: ${warning.message}`, {
          object: warning.object,
        });
      }

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

      await this.connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.lastAppliedCount = entities.length;
      logger.info(
        `Applied ${entities.length} entities from ${objects.length} objects (${
          fleet.clusters.length
        } clusters, ${fleet.workspaces.length} workspaces, ${
          fleet.projects.length
        } projects) with ${warnings.length} warnings in ${
          Date.now() - started
        } ms`,
      );
      return {
        status: 'applied',
        entities: entities.length,
        warnings: warnings.length,
      };
    } catch (error) {
      const message = stringifyError(error);
      logger.error(
        `Failed to read ${this.getProviderName()}; the catalog keeps the previous entities: ${message}`,
      );
      return { status: 'failed', error: message };
    }
  }
}
