/*
 * The release feeds of a `calendar` run: `nkp.calendar.feed` from app-config, changed by
 * `--feed product=location` and `--no-feed`, read once with Node's fetch and file system (the
 * CLI has no database: a feed that fails is reported, and the calendar goes without it).
 */

import { Command, InvalidArgumentError } from 'commander';
import {
  RELEASE_FEED_PRODUCTS,
  ReleaseFeedIo,
  ReleaseFeedLayer,
  ReleaseFeedProduct,
  ReleaseFeedSettings,
  ReleaseFeedSource,
  ReleaseFeedStatus,
  describeFeedLocation,
  feedDateSource,
  parseReleaseFeedSettings,
  readReleaseFeed,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliIo } from '../io';

/** `--feed` and `--no-feed`, the same on every command that builds a calendar. */
export function addFeedOptions(command: Command): Command {
  return command
    .option(
      '--feed <product=location>',
      'read this release feed (endoflife.date format) instead of the configured one: kubernetes=<url|file> or nkp=<url|file>; may be repeated',
      parseFeedOption,
    )
    .option('--no-feed', 'read no release feed (offline)');
}

/** `--feed kubernetes=https://…` or `--feed nkp=./mirror/nkp.json`; repeating adds to the list. */
export function parseFeedOption(
  value: string,
  previous: ReleaseFeedSource[] = [],
): ReleaseFeedSource[] {
  const match = /^([a-z]+)=(.+)$/.exec(value.trim());
  const product = match?.[1] as ReleaseFeedProduct | undefined;
  if (!match || !RELEASE_FEED_PRODUCTS.includes(product!)) {
    throw new InvalidArgumentError(
      `expected <product>=<url or file>, product one of ${RELEASE_FEED_PRODUCTS.join(
        ', ',
      )}, e.g. kubernetes=https://endoflife.date/api/kubernetes.json`,
    );
  }
  const where = match[2];
  const location = /^https?:\/\//i.test(where)
    ? { url: where }
    : { file: where };
  return [
    ...previous.filter(s => s.product !== product),
    { product: product!, location },
  ];
}

/**
 * The feeds to read: app-config's, with `--feed` replacing a product's location; none with
 * `--no-feed` (`false`).
 */
export function feedSettings(
  configured: unknown,
  option: ReleaseFeedSource[] | false | undefined,
): ReleaseFeedSettings | undefined {
  if (option === false) return undefined;
  const fromConfig = parseReleaseFeedSettings(configured);
  const given = option ?? [];
  if (!fromConfig && given.length === 0) return undefined;
  const base = fromConfig ?? {
    ...parseReleaseFeedSettings({})!,
    sources: [],
  };
  const products = new Set(given.map(s => s.product));
  return {
    ...base,
    sources: [
      ...base.sources.filter(s => !products.has(s.product)),
      ...given,
    ].sort((a, b) => (a.product < b.product ? -1 : 1)),
  };
}

/** Each feed's failure and skipped entries, as warnings on stderr. */
export function reportFeedStatuses(
  statuses: readonly ReleaseFeedStatus[],
  io: CliIo,
): void {
  for (const status of statuses) {
    const where = `release feed ${status.product} ${status.location}`;
    if (status.state === 'failing') {
      io.stderr(`warning: ${where}: ${status.error}\n`);
    }
    for (const warning of status.warnings) {
      io.stderr(`warning: ${where}: ${warning}\n`);
    }
  }
}

/** Reads every feed once; relative files resolve against `cwd`. */
export async function readFeeds(
  settings: ReleaseFeedSettings | undefined,
  options: { cwd: string; now: Date },
): Promise<{ layers: ReleaseFeedLayer[]; statuses: ReleaseFeedStatus[] }> {
  const io: ReleaseFeedIo = {
    fetch: (url, init) => fetch(url, init),
    readFile: path => readFile(resolve(options.cwd, path), 'utf8'),
  };
  const at = options.now.toISOString();
  const layers: ReleaseFeedLayer[] = [];
  const statuses: ReleaseFeedStatus[] = [];
  for (const source of settings?.sources ?? []) {
    const result = await readReleaseFeed(source, io, {
      timeoutSeconds: settings!.timeoutSeconds,
    });
    const location = describeFeedLocation(source.location);
    if (!result.ok) {
      statuses.push({
        product: source.product,
        location,
        state: 'failing',
        lastAttemptAt: at,
        error: result.error,
        releases: 0,
        warnings: [],
      });
      continue;
    }
    const { releases, warnings } = result.data;
    layers.push({ source: feedDateSource(location, at), releases });
    statuses.push({
      product: source.product,
      location,
      state: 'ok',
      lastAttemptAt: at,
      lastSuccessAt: at,
      releases: (releases.kubernetes ?? releases.nkp ?? []).length,
      warnings,
    });
  }
  return { layers, statuses };
}
