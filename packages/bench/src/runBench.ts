/*
 * `nkp-bench <file> [--full] [--set name=value ...] [--cpu-prof <dir>]`: the one way every
 * package runs its benchmark (`yarn bench`). Prints the parameters, the machine and the load
 * before the run and the elapsed time after it, so that a pasted result says how it was made.
 */

import { Command, CommanderError } from 'commander';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BenchDefinition, BenchParams } from './defineBench';
import { formatNumber, log } from './output';
import { applyOverrides, formatParams } from './params';

interface Options {
  full?: boolean;
  set: string[];
  cpuProf?: string;
}

/** Resolves to the exit code: 0 done, 1 the goal was missed or the run failed, 2 bad usage. */
export async function runBenchCommand(argv: string[]): Promise<number> {
  const program = new Command('nkp-bench')
    .argument(
      '<file>',
      'the benchmark: a TypeScript file whose default export is defineBench(...)',
    )
    .option(
      '--full',
      'the full sizes (the README figures) instead of a quick run',
    )
    .option(
      '--set <name=value>',
      'override one parameter, e.g. --set sizes=5000,20000 (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option(
      '--cpu-prof <dir>',
      'write CPU profiles of the measured processes to <dir>',
    )
    .exitOverride();
  let file: string;
  let options: Options;
  try {
    program.parse(argv);
    file = program.args[0];
    options = program.opts<Options>();
  } catch (error) {
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }

  let bench: BenchDefinition<BenchParams>;
  let params: BenchParams;
  try {
    bench = loadBench(resolve(file));
    params = applyOverrides(
      options.full ? bench.full : bench.small,
      options.set,
    );
  } catch (error) {
    process.stderr.write(`nkp-bench: ${(error as Error).message}\n`);
    return 2;
  }

  const [cpu] = cpus();
  log(`# ${bench.title}`);
  log(
    `${
      options.full ? 'full' : 'small (--full for the README sizes)'
    }: ${formatParams(params)}`,
  );
  log(
    `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${
      cpu?.model ?? 'unknown CPU'
    }, load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
  );
  log();
  const started = performance.now();
  try {
    const met = await bench.run({
      params,
      full: Boolean(options.full),
      cpuProfileDir: options.cpuProf && resolve(options.cpuProf),
    });
    log(
      `\nDone in ${formatNumber((performance.now() - started) / 1000, 1)} s${
        met === false ? '; the goal was MISSED' : ''
      }.`,
    );
    return met === false ? 1 : 0;
  } catch (error) {
    process.stderr.write(`nkp-bench: ${(error as Error)?.stack ?? error}\n`);
    return 1;
  }
}

function loadBench(path: string): BenchDefinition<BenchParams> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require(path).default as
    | BenchDefinition<BenchParams>
    | undefined;
  if (
    !bench ||
    typeof bench.run !== 'function' ||
    !bench.small ||
    !bench.full
  ) {
    throw new Error(`${path} has no default export made with defineBench`);
  }
  return bench;
}
