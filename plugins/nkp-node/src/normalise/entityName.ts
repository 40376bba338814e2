/*
 * Catalog entity names for NKP objects. Names are prefixed per source so that two sources with
 * a cluster called `prod` (or two self-managed tenants each with a `default-workspace`) do not
 * overwrite each other; the NKP name itself travels in `nkp-lifecycle.io/object-name`.
 */

import { createHash } from 'node:crypto';

const MAX_LENGTH = 63;
/** What the rewriting below leaves unchanged: allowed characters, alphanumeric at both ends. */
const VALID = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?$/;

/**
 * Joins the prefix and name parts into a valid entity name (`[a-z0-9A-Z._-]`, alphanumeric at
 * both ends, at most 63 characters). Too-long names keep a readable start plus a hash of the
 * whole, so they stay unique and stable across runs. The scaffolder uses it to name the entity a
 * requested cluster will have once ingested.
 *
 * @public
 */
export function entityName(prefix: string, ...parts: string[]): string {
  let joined = prefix;
  for (const part of parts) {
    if (part) {
      joined = joined ? `${joined}-${part}` : part;
    }
  }
  // Nearly every name is valid as it is; only the others are rewritten.
  if (joined.length <= MAX_LENGTH && VALID.test(joined)) {
    return joined;
  }
  joined = joined.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const trimmed = trimEnds(joined);
  if (trimmed.length <= MAX_LENGTH) {
    return trimmed;
  }
  const hash = createHash('sha256').update(joined).digest('hex').slice(0, 8);
  return `${trimEnds(trimmed.slice(0, MAX_LENGTH - hash.length - 1))}-${hash}`;
}

function trimEnds(value: string): string {
  return value.replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
}
