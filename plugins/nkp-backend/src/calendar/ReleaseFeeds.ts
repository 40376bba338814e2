/**
 * Keeps the release feeds (`nkp.calendar.feed`) read: on a schedule, one replica at a time, each
 * good read stored in the database, so that every replica and every restart (offline included)
 * evaluates with the last good data. A failing or nonsensical feed changes nothing but its
 * status, which `GET /calendar` and the calendar page show.
 */
import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import {
  ReleaseFeedIo,
  ReleaseFeedLayer,
  ReleaseFeedResult,
  ReleaseFeedSettings,
  ReleaseFeedSource,
  ReleaseFeedStatus,
  describeFeedLocation,
  feedDateSource,
  readReleaseFeed,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ReleaseFeedStore,
  StoredReleaseFeed,
} from '../database/ReleaseFeedStore';

/** What the feeds give an evaluation: their last good data and where each stands. */
export interface ReleaseFeedsSnapshot {
  layers: ReleaseFeedLayer[];
  statuses: ReleaseFeedStatus[];
}

/** Node's fetch and file system; relative files resolve against the working directory. */
export const nodeFeedIo: ReleaseFeedIo = {
  fetch: (url, init) => fetch(url, init),
  readFile: path => readFile(resolve(path), 'utf8'),
};

export class ReleaseFeeds {
  private readonly io: ReleaseFeedIo;
  private readonly clock: () => Date;

  constructor(
    private readonly options: {
      settings?: ReleaseFeedSettings;
      store: ReleaseFeedStore;
      logger: LoggerService;
      io?: ReleaseFeedIo;
      clock?: () => Date;
    },
  ) {
    this.io = options.io ?? nodeFeedIo;
    this.clock = options.clock ?? (() => new Date());
  }

  private get sources(): ReleaseFeedSource[] {
    return this.options.settings?.sources ?? [];
  }

  /**
   * Reads the feeds every `refreshIntervalMinutes`, on one replica at a time, and calls
   * `onRead` after a run that read at least one feed.
   */
  async start(
    scheduler: SchedulerService,
    onRead: () => Promise<unknown>,
  ): Promise<void> {
    const settings = this.options.settings;
    if (!settings || settings.sources.length === 0) return;
    await scheduler.scheduleTask({
      id: 'nkp-release-feeds',
      scope: 'global',
      frequency: { minutes: settings.refreshIntervalMinutes },
      timeout: {
        seconds: settings.timeoutSeconds * settings.sources.length + 30,
      },
      fn: async () => {
        if (await this.refresh()) await onRead();
      },
    });
  }

  /** Reads every feed once; true when at least one read succeeded (the calendar may change). */
  async refresh(): Promise<boolean> {
    const timeoutSeconds = this.options.settings?.timeoutSeconds ?? 30;
    const results = await Promise.all(
      this.sources.map(source =>
        readReleaseFeed(source, this.io, { timeoutSeconds }),
      ),
    );
    for (const result of results) {
      await this.record(result);
    }
    return results.some(r => r.ok);
  }

  private async record(result: ReleaseFeedResult) {
    const { logger, store } = this.options;
    const at = this.clock().toISOString();
    const product = result.source.product;
    const location = describeFeedLocation(result.source.location);
    if (!result.ok) {
      logger.warn(
        `Release feed for ${product} failed; the data of its last good read stays in use: ${result.error}`,
        { product, location },
      );
      await store.saveFailure({ product, location, at, error: result.error });
      return;
    }
    const { releases, warnings } = result.data;
    await store.saveRead({ product, location, at, releases, warnings });
    const entries = (releases.kubernetes ?? releases.nkp ?? []).length;
    logger.info(`Read the release feed for ${product}`, {
      product,
      location,
      releases: entries,
      skipped: warnings.length,
    });
    if (warnings.length > 0) {
      logger.warn(
        `Release feed for ${product}: ${
          warnings.length
        } entries skipped: ${warnings.join('; ')}`,
        { product, location },
      );
    }
  }

  /** The last good data of every configured feed, and where each stands. */
  async current(): Promise<ReleaseFeedsSnapshot> {
    if (this.sources.length === 0) return { layers: [], statuses: [] };
    const rows = new Map(
      (await this.options.store.list()).map(r => [r.product, r]),
    );
    const snapshot: ReleaseFeedsSnapshot = { layers: [], statuses: [] };
    for (const source of this.sources) {
      const row = rows.get(source.product);
      snapshot.statuses.push(statusOf(source, row));
      if (row?.data) {
        snapshot.layers.push({
          source: feedDateSource(row.data.location, row.data.readAt),
          releases: row.data.releases,
        });
      }
    }
    return snapshot;
  }
}

function statusOf(
  source: ReleaseFeedSource,
  row: StoredReleaseFeed | undefined,
): ReleaseFeedStatus {
  const location = describeFeedLocation(source.location);
  const data = row?.data;
  const status: ReleaseFeedStatus = {
    product: source.product,
    location,
    state: 'pending',
    releases: data
      ? (data.releases.kubernetes ?? data.releases.nkp ?? []).length
      : 0,
    warnings: data?.warnings ?? [],
  };
  if (data) {
    status.lastSuccessAt = data.readAt;
    if (data.location !== location) status.dataLocation = data.location;
  }
  // An attempt at another location (the config changed since) says nothing about this one.
  if (row && row.attempt.location === location) {
    status.lastAttemptAt = row.attempt.at;
    status.state = row.attempt.error ? 'failing' : 'ok';
    if (row.attempt.error) status.error = row.attempt.error;
  }
  return status;
}
