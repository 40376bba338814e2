/**
 * The benchmark runner of the repository and what benchmarks share: parameters, child
 * processes under the same TypeScript transform, statistics and output.
 *
 * @packageDocumentation
 */

export { defineBench } from './defineBench';
export type { BenchContext, BenchDefinition, BenchParams } from './defineBench';
export {
  answer,
  forkTs,
  onRequest,
  receive,
  reply,
  request,
  stopChild,
} from './fork';
export { formatNumber, log, printTable } from './output';
export { cpuMs, median, percentile } from './stats';
