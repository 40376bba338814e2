/*
 * Parsers of the `evaluate` option values. They throw commander's InvalidArgumentError, so a bad
 * value is reported like any other usage error: with the option's name, before anything is read.
 */

import { InvalidArgumentError } from 'commander';
import {
  POLICY_STATES,
  PolicyState,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

export const OUTPUT_FORMATS = ['table', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const SOURCE_MODELS = ['management', 'self-managed'] as const;

/** Every state but `compliant` can fail a pipeline. */
export const GATE_STATES: readonly PolicyState[] = POLICY_STATES.filter(
  s => s !== 'compliant',
);

const ISO_DAY =
  /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `2026-11-21` or an ISO timestamp; only its UTC day counts. */
export function parseNow(value: string): string {
  const match = ISO_DAY.exec(value);
  // Date.parse accepts 2026-02-30 (as 2 March); the round trip catches such days.
  const day = match && new Date(`${match[1]}T00:00:00Z`);
  if (
    !match ||
    Number.isNaN(Date.parse(value)) ||
    Number.isNaN(day!.getTime()) ||
    day!.toISOString().slice(0, 10) !== match[1]
  ) {
    throw new InvalidArgumentError(
      'expected an ISO date such as 2026-11-21 or a timestamp such as 2026-11-21T08:00:00Z',
    );
  }
  return value;
}

/** `overdue,unsupported`; repeating the option adds to the list. */
export function parseFailOn(
  value: string,
  previous: PolicyState[] = [],
): PolicyState[] {
  const states = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  const unknown = states.filter(s => !GATE_STATES.includes(s as PolicyState));
  if (states.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `expected a comma-separated list of ${GATE_STATES.join(', ')}${
        unknown.length ? `; got ${unknown.map(s => `"${s}"`).join(', ')}` : ''
      }`,
    );
  }
  return [...new Set([...previous, ...(states as PolicyState[])])];
}

/** For options that may be given more than once. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
