/*
 * What a benchmark file exports: its parameters for a quick run and a full one, and the run.
 * The runner (runBench.ts) picks the parameters, prints where and when it ran, and times it.
 */

/** Numbers only, so that every parameter can be set from the command line. */
export type BenchParams = Record<string, number | number[]>;

export interface BenchContext<P extends BenchParams> {
  params: P;
  full: boolean;
  /** `--cpu-prof <dir>`: where the measured processes should write CPU profiles. */
  cpuProfileDir?: string;
}

export interface BenchDefinition<P extends BenchParams> {
  title: string;
  /**
   * A quick run (the default, and what the root `yarn bench` runs): seconds, enough to see a
   * regression. `full` (`--full`) is what the figures in the package's README come from.
   */
  small: P;
  full: P;
  /** Resolves to false when the run missed its goal, which fails the command (exit 1). */
  run(context: BenchContext<P>): Promise<boolean | void>;
}

/** Gives a benchmark file's default export its type. */
export function defineBench<P extends BenchParams>(
  definition: BenchDefinition<P>,
): BenchDefinition<P> {
  return definition;
}
