/*
 * Only the NKP entity provider may put NKP facts in the catalog. A user could otherwise register
 * a file with an `nkp-release` Resource that moves an end-of-life date, or a "cluster" with an
 * owner of their choosing. This processor refuses, with a warning naming it, every entity that
 * carries NKP facts (`nkp-lifecycle.io/*` annotations, `spec.type: nkp-release`) but was not
 * emitted by the provider of a configured NKP source. The catalog records `managed-by-location`
 * itself for everything read from a registered location, so a file cannot pass for the provider.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CatalogProcessor, LocationSpec } from '@backstage/plugin-catalog-node';
import {
  NKP_LOCATION_TYPE,
  nkpFactsOf,
  nkpProviderSourceOf,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NKP_SOURCES_CONFIG_KEY } from '@nkp-lifecycle/backstage-plugin-nkp-node';

/** @public */
export class NkpEntityOriginProcessor implements CatalogProcessor {
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): NkpEntityOriginProcessor {
    return new NkpEntityOriginProcessor({
      sourceIds: config.getOptionalConfig(NKP_SOURCES_CONFIG_KEY)?.keys() ?? [],
      logger: options.logger,
    });
  }

  private readonly sourceIds: ReadonlySet<string>;
  private readonly logger: LoggerService;

  constructor(options: { sourceIds: string[]; logger: LoggerService }) {
    this.sourceIds = new Set(options.sourceIds);
    this.logger = options.logger;
  }

  getProcessorName(): string {
    return 'NkpEntityOriginProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    _emit: unknown,
    originLocation: LocationSpec,
  ): Promise<Entity> {
    const facts = nkpFactsOf(entity);
    if (
      facts.length === 0 ||
      this.fromNkpProvider(entity, location, originLocation)
    ) {
      return entity;
    }
    const entityRef = stringifyEntityRef(entity);
    const from = stringifyLocationRef(location);
    const message = `${entityRef} from ${from} carries NKP Lifecycle data (${facts.join(
      ', ',
    )}), which only the NKP entity provider may emit (locations ${NKP_LOCATION_TYPE}:<source> of ${NKP_SOURCES_CONFIG_KEY}); the entity is refused. Remove those annotations, or let the NKP provider read the cluster.`;
    this.logger.warn(message, { entityRef, location: from });
    throw new InputError(message);
  }

  private fromNkpProvider(
    entity: Entity,
    location: LocationSpec,
    originLocation: LocationSpec,
  ): boolean {
    const source = nkpProviderSourceOf(entity);
    return (
      source !== undefined &&
      this.sourceIds.has(source) &&
      // What the catalog passes here is what it recorded, not what the entity says.
      [location, originLocation].every(
        l => l.type === NKP_LOCATION_TYPE && l.target === source,
      )
    );
  }
}
