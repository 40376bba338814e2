/*
 * How one replica follows the parts of a source between runs. Each part on its own: from the
 * part's last read (its watches), or, when its read failed and nothing follows it yet, from
 * nothing (the source reads it again with backoff until it can be watched). One part failing
 * never ends another's following. All of them end `lifetimeMs` after this replica's last run:
 * by then the next run, on whichever replica, follows the source from its own read.
 */

import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  NkpSourceChange,
  RawObjects,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { NkpSourcePart } from './createSourceParts';

/** One part being followed, as the change handler sees it. */
export interface Following {
  /** Aborts when the following is replaced or ends; its pending changes are then void. */
  readonly signal: AbortSignal;
  /**
   * The part's last read was refused by the shrink guard: each of its changes is checked the
   * same way until one passes.
   */
  held: boolean;
}

type Follow = (
  onChange: (change: NkpSourceChange) => void,
  signal: AbortSignal,
) => Promise<void>;

interface Entry {
  controller: AbortController;
  stopped: Promise<void>;
}

export class PartFollowing {
  private readonly entries: Array<Entry | undefined> = [];
  private lifetime?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      parts: NkpSourcePart[];
      providerName: string;
      lifetimeMs?: number;
      logger: LoggerService;
      onChange: (
        index: number,
        change: NkpSourceChange,
        following: Following,
      ) => void;
    },
  ) {}

  /** Follows part `index` from `read`, replacing however it was followed. */
  start(index: number, from: { read: RawObjects; held: boolean }): void {
    const { read } = from;
    this.begin(
      index,
      from.held,
      read.watch && ((onChange, signal) => read.watch!(onChange, signal)),
    );
  }

  /** Keeps following part `index` as it is; when nothing follows it, follows it from nothing. */
  ensure(index: number): void {
    if (this.entries[index]) {
      return;
    }
    const { source } = this.options.parts[index];
    this.begin(
      index,
      false,
      source.follow && ((onChange, signal) => source.follow!(onChange, signal)),
    );
  }

  /** Ends the following of this replica's last run `lifetimeMs` from now. */
  renewLifetime(): void {
    const { lifetimeMs, logger, providerName } = this.options;
    clearTimeout(this.lifetime);
    if (lifetimeMs === undefined) {
      return;
    }
    this.lifetime = setTimeout(() => {
      logger.debug(
        `Following ${providerName} ended after ${lifetimeMs} ms; the next run follows it again`,
      );
      this.abortAll();
    }, lifetimeMs);
    this.lifetime.unref();
  }

  async stopAll(): Promise<void> {
    clearTimeout(this.lifetime);
    const stopped = this.abortAll();
    await Promise.all(stopped);
  }

  private abortAll(): Array<Promise<void>> {
    return this.entries.map((entry, index) => {
      this.stop(index);
      return entry?.stopped ?? Promise.resolve();
    });
  }

  private stop(index: number) {
    this.entries[index]?.controller.abort();
    this.entries[index] = undefined;
  }

  private begin(index: number, held: boolean, follow: Follow | undefined) {
    this.stop(index);
    if (!follow) {
      return; // offline exports, or watches disabled: only the scheduled runs
    }
    const { parts, providerName, logger, onChange } = this.options;
    const controller = new AbortController();
    const following: Following = { signal: controller.signal, held };
    const entry: Entry = { controller, stopped: Promise.resolve() };
    const name = parts[index].name;
    entry.stopped = follow(
      change => onChange(index, change, following),
      controller.signal,
    )
      .catch(error =>
        logger.error(
          `Stopped following ${
            name ? `${name} of ` : ''
          }${providerName}: ${stringifyError(
            error,
          )}; changes arrive with the next scheduled run`,
        ),
      )
      .finally(() => {
        if (this.entries[index] === entry) {
          this.entries[index] = undefined;
        }
      });
    this.entries[index] = entry;
  }
}
