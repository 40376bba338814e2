import { Command, CommanderError } from 'commander';
import { addCalendarCommand } from './calendar/calendarCommand';
import { addEvaluateCommand } from './evaluate/evaluateCommand';
import { CliIo, EXIT_OK, EXIT_USAGE, processIo } from './io';

/**
 * Runs the command line and resolves to its exit code; it never exits the process itself. Every
 * failure is reported as one line on stderr, without a stack trace: the people reading it are
 * looking at a pipeline log, and the message names the file or key to fix.
 *
 * @public
 */
export async function main(
  argv: string[],
  io: Partial<CliIo> = {},
): Promise<number> {
  const cli: CliIo = { ...processIo(), ...io };
  let exitCode = EXIT_OK;

  // Settings made here are inherited by the commands added below.
  const program = new Command('nkp-lifecycle')
    .description('NKP lifecycle policy for GitOps pipelines')
    .exitOverride()
    .configureOutput({ writeOut: cli.stdout, writeErr: cli.stderr })
    .showHelpAfterError('(run with --help for usage)');
  addEvaluateCommand(program, cli, code => {
    exitCode = code;
  });
  addCalendarCommand(program, cli, code => {
    exitCode = code;
  });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message; --help and --version end with 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    cli.stderr(`nkp-lifecycle: ${(error as Error)?.message ?? error}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}
