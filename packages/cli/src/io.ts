/*
 * Everything the CLI takes from the process, passed in so that tests can run `main` in-process
 * and read what it wrote.
 */

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths (exports, config, plans, exceptions) resolve against this. */
  cwd: string;
  /** For `${VAR}` substitution in app-config files. */
  env: Record<string, string | undefined>;
  /** Today, for the default `--now`. */
  clock: () => Date;
}

/** Exit codes; documented in the README. */
export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_USAGE = 2;

export function processIo(): CliIo {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    // `yarn nkp-lifecycle` runs in the repository root; INIT_CWD is where the user typed it,
    // which is what their relative paths mean.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    clock: () => new Date(),
  };
}
