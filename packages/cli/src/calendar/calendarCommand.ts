/*
 * `nkp-lifecycle calendar`: the release calendar the portal evaluates with, from the same layers
 * (shipped data < release feeds < app-config), every date with its source. The NKP `Release`
 * objects a management cluster serves, the top layer, are read by `evaluate` from exports and by
 * the portal from its catalog. The calendar goes to stdout; feed and merge warnings to stderr.
 */

import { Command, Option } from 'commander';
import {
  NkpCalendar,
  ReleaseFeedSource,
  buildReleaseCalendar,
  parsePolicySettings,
  releasesInVersionOrder,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { CliIo, EXIT_GATE_FAILED, EXIT_OK } from '../io';
import { OUTPUT_FORMATS, OutputFormat, collect } from '../evaluate/options';
import { readAppConfig } from '../evaluate/readAppConfig';
import {
  addFeedOptions,
  feedSettings,
  readFeeds,
  reportFeedStatuses,
} from './readFeeds';
import { renderCalendarJson, renderCalendarTable } from './renderCalendar';

interface CalendarOptions {
  config?: string[];
  /** The `--feed` sources, or false with `--no-feed`. */
  feed?: ReleaseFeedSource[] | false;
  output: OutputFormat;
}

/** Adds the command; `onExit` receives its exit code. */
export function addCalendarCommand(
  program: Command,
  io: CliIo,
  onExit: (code: number) => void,
): void {
  const command = program
    .command('calendar')
    .description(
      'Print the effective release calendar (shipped < release feeds < app-config), every date with its source',
    )
    .option(
      '-c, --config <file>',
      'app-config file with nkp.calendar (and nkp.calendar.feed); repeat for several, later ones win',
      collect,
    );
  addFeedOptions(command)
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(OUTPUT_FORMATS)
        .default('table'),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 printed, 1 printed but a release feed could not be read, 2 usage or input error.',
    )
    .action(async (options: CalendarOptions) => {
      onExit(await calendar(options, io));
    });
}

async function calendar(options: CalendarOptions, io: CliIo): Promise<number> {
  const config = await readAppConfig(options.config ?? [], io);
  const { calendarOverrides } = parsePolicySettings({
    calendar: config?.getOptional('nkp.calendar'),
  });
  const settings = feedSettings(
    config?.getOptional('nkp.calendar.feed'),
    options.feed,
  );
  const { layers, statuses } = await readFeeds(settings, {
    cwd: io.cwd,
    now: io.clock(),
  });
  const merged = buildReleaseCalendar({
    feeds: layers,
    overrides: calendarOverrides,
  });
  const result: NkpCalendar = {
    ...releasesInVersionOrder(merged),
    // No catalog here, so no served Release objects.
    served: [],
    feeds: statuses,
    warnings: merged.warnings,
  };

  reportFeedStatuses(statuses, io);
  for (const warning of merged.warnings) {
    io.stderr(`warning: release calendar: ${warning}\n`);
  }
  io.stdout(
    options.output === 'json'
      ? renderCalendarJson(result)
      : renderCalendarTable(result),
  );
  return statuses.some(s => s.state === 'failing') ? EXIT_GATE_FAILED : EXIT_OK;
}
