/*
 * Reads `nkp.access`: which groups hold which role. Every error names the key and the entry, so a
 * typo does not silently turn the platform team into tenants.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * The roles of the NKP permission policy: normalised entity refs (lower case, with kind and
 * namespace) of the groups or users that hold each.
 *
 * @public
 */
export interface NkpAccessConfig {
  platformTeam: string[];
  exceptionApprovers: string[];
  planManagers: string[];
  /** Besides the platform team, who may deliver a requested cluster by a direct apply. */
  clusterAppliers: string[];
}

/** @public */
export const NKP_ACCESS_CONFIG_KEY = 'nkp.access';

const ROLE_KEYS = [
  'platformTeam',
  'exceptionApprovers',
  'planManagers',
  'clusterAppliers',
] as const;

/**
 * Reads `nkp.access`; every role is empty when unset.
 *
 * @public
 */
export function readNkpAccessConfig(config: Config): NkpAccessConfig {
  const access = config.getOptionalConfig(NKP_ACCESS_CONFIG_KEY);
  const read = (key: (typeof ROLE_KEYS)[number]) => {
    const path = `${NKP_ACCESS_CONFIG_KEY}.${key}`;
    const refs = access?.getOptional(key) ?? [];
    if (!Array.isArray(refs)) {
      throw new InputError(
        `${path} must be a list of entity references such as group:default/platform-team`,
      );
    }
    return refs.map((ref, index) => {
      try {
        if (typeof ref !== 'string') throw new TypeError();
        return stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind: 'group',
            defaultNamespace: 'default',
          }),
        ).toLocaleLowerCase('en-US');
      } catch {
        throw new InputError(
          `${path}[${index}] must be an entity reference such as group:default/platform-team, got ${JSON.stringify(
            ref,
          )}`,
        );
      }
    });
  };
  return {
    platformTeam: read('platformTeam'),
    exceptionApprovers: read('exceptionApprovers'),
    planManagers: read('planManagers'),
    clusterAppliers: read('clusterAppliers'),
  };
}
