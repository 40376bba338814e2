/*
 * `nkp-lifecycle evaluate`: reads the inputs (each failure names its file or key), evaluates, and
 * writes the result to stdout. Warnings and the gate verdict go to stderr, so `--output json` on
 * stdout stays parseable.
 */

import { Command, Option } from 'commander';
import {
  PolicyState,
  ReleaseFeedSource,
  parsePolicySettings,
  utcDay,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpSourceModel } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import {
  addFeedOptions,
  feedSettings,
  readFeeds,
  reportFeedStatuses,
} from '../calendar/readFeeds';
import { CliIo, EXIT_GATE_FAILED, EXIT_OK } from '../io';
import { evaluateExport } from './evaluateExport';
import { describeGateFailure, gateFailures } from './gate';
import {
  GATE_STATES,
  OUTPUT_FORMATS,
  OutputFormat,
  SOURCE_MODELS,
  collect,
  parseFailOn,
  parseNow,
} from './options';
import { readAppConfig } from './readAppConfig';
import { readExceptions, readPlans } from './readPolicyFiles';
import { readSourceConfig } from './readSourceConfig';
import { renderJson, renderTable } from './render';

interface EvaluateOptions {
  config?: string[];
  source?: string;
  model?: NkpSourceModel;
  now?: string;
  plans?: string;
  exceptions?: string;
  output: OutputFormat;
  failOn?: PolicyState[];
  /** The `--feed` sources, or false with `--no-feed`. */
  feed?: ReleaseFeedSource[] | false;
}

/** Adds the command; `onExit` receives its exit code. */
export function addEvaluateCommand(
  program: Command,
  io: CliIo,
  onExit: (code: number) => void,
): void {
  const command = program
    .command('evaluate')
    .description(
      'Evaluate the NKP lifecycle policy on Kubernetes exports of NKP clusters',
    )
    .argument(
      '<paths...>',
      'files or folders of `kubectl get -o yaml|json` output (folders are read recursively)',
    )
    .option(
      '-c, --config <file>',
      'app-config file with the nkp section; repeat for several, later ones win',
      collect,
    )
    .option(
      '--source <id>',
      'use the settings (model, owners, entity name prefix) of catalog.providers.nkp.<id>',
    )
    .addOption(
      new Option(
        '--model <model>',
        "how the exported cluster is operated (default: the source's, else management)",
      ).choices(SOURCE_MODELS),
    )
    .option(
      '--now <date>',
      'evaluation day, ISO date (default: today, UTC)',
      parseNow,
    )
    .option('--plans <file>', 'upgrade plans, a YAML or JSON list')
    .option('--exceptions <file>', 'approved exceptions, a YAML or JSON list');
  addFeedOptions(command)
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(OUTPUT_FORMATS)
        .default('table'),
    )
    .option(
      '--fail-on <states>',
      `exit 1 when a cluster is in one of these states (comma-separated: ${GATE_STATES.join(
        ', ',
      )})`,
      parseFailOn,
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 evaluated, 1 a cluster is in a --fail-on state, 2 usage or input error.',
    )
    .action(async (paths: string[], options: EvaluateOptions) => {
      onExit(await evaluate(paths, options, io));
    });
}

async function evaluate(
  paths: string[],
  options: EvaluateOptions,
  io: CliIo,
): Promise<number> {
  const configFiles = options.config ?? [];
  const failOn = options.failOn ?? [];
  const config = await readAppConfig(configFiles, io);
  const settings = parsePolicySettings({
    policy: config?.getOptional('nkp.policy'),
    calendar: config?.getOptional('nkp.calendar'),
  });
  const source = readSourceConfig({
    config,
    configFiles,
    source: options.source,
    model: options.model,
  });
  const plans = options.plans ? await readPlans(options.plans, io.cwd) : [];
  const exceptions = options.exceptions
    ? await readExceptions(options.exceptions, io.cwd)
    : [];
  // The same release feeds as the portal; one that fails is a warning, the calendar goes without it.
  const feeds = await readFeeds(
    feedSettings(config?.getOptional('nkp.calendar.feed'), options.feed),
    { cwd: io.cwd, now: io.clock() },
  );
  reportFeedStatuses(feeds.statuses, io);

  const { evaluation, warnings } = await evaluateExport({
    paths,
    cwd: io.cwd,
    source,
    settings,
    plans,
    exceptions,
    feeds: feeds.layers,
    now: options.now ?? utcDay(io.clock()),
  });

  for (const warning of warnings) {
    io.stderr(`warning: NKP object ${warning.object}: ${warning.message}\n`);
  }
  for (const warning of evaluation.warnings) {
    io.stderr(`warning: release calendar: ${warning}\n`);
  }
  io.stdout(
    options.output === 'json'
      ? renderJson(evaluation)
      : renderTable(evaluation),
  );

  const failures = gateFailures(evaluation, failOn);
  if (failures.length > 0) {
    io.stderr(
      `nkp-lifecycle: --fail-on ${failOn.join(',')}: ${describeGateFailure(
        failures,
      )}\n`,
    );
    return EXIT_GATE_FAILED;
  }
  return EXIT_OK;
}
