/*
 * `--set name=value` over a benchmark's parameters, and how parameters are printed (in the same
 * syntax, so a printed run can be repeated).
 */

import { BenchParams } from './defineBench';

export function applyOverrides<P extends BenchParams>(
  params: P,
  settings: readonly string[],
): P {
  const result: BenchParams = { ...params };
  for (const setting of settings) {
    const match = /^([\w-]+)=(.+)$/.exec(setting);
    const name = match?.[1];
    if (!match || !name || !(name in params)) {
      throw new Error(
        `--set ${setting}: expected name=value with name one of ${Object.keys(
          params,
        ).join(', ')}`,
      );
    }
    const numbers = match[2]
      .split(',')
      .map(value => Number(value.trim().replace(/_/g, '')));
    const isList = Array.isArray(params[name]);
    if (
      numbers.some(n => !Number.isFinite(n) || n <= 0) ||
      (!isList && numbers.length !== 1)
    ) {
      throw new Error(
        `--set ${setting}: ${name} must be ${
          isList
            ? 'a comma-separated list of positive numbers'
            : 'a positive number'
        }`,
      );
    }
    result[name] = isList ? numbers : numbers[0];
  }
  return result as P;
}

export function formatParams(params: BenchParams): string {
  return Object.entries(params)
    .map(
      ([name, value]) =>
        `${name}=${Array.isArray(value) ? value.join(',') : value}`,
    )
    .join(' ');
}
