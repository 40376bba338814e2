/*
 * What each provider last applied, per part of its source, in the catalog plugin's database
 * (`nkp_applied_parts`, see migrations/): the entity count the shrink guard compares with and,
 * for sources of several parts, the entities that a part which cannot be read keeps. Every
 * replica reads and writes the same rows, and they outlive the process, so the guarantees hold
 * from the first run after a restart and whichever replica runs it.
 */

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';

/** Beside the catalog's own migrations, in a table of ours, so that neither sees the other's. */
const MIGRATIONS_TABLE = 'nkp_catalog_module__knex_migrations';
const TABLE = 'nkp_applied_parts';

/**
 * What was last applied from one part.
 *
 * @public
 */
export interface AppliedPart {
  count: number;
  /** Only for sources of several parts. */
  entities?: Entity[];
}

interface Row {
  provider: string;
  part: string;
  entity_count: number;
  entities: string | null;
  applied_at: string;
}

/**
 * What each provider last applied per part, in the catalog's database; `NkpEntityProvider.fromConfig` needs one.
 *
 * @public
 */
export class AppliedPartsStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<AppliedPartsStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@nkp-lifecycle/backstage-plugin-catalog-backend-module-nkp',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
      });
    }
    return new AppliedPartsStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** Every part of `provider` that has been applied, by part name. */
  async read(provider: string): Promise<Map<string, AppliedPart>> {
    const rows = await this.knex<Row>(TABLE).where({ provider });
    return new Map(
      rows.map(row => [
        row.part,
        {
          count: Number(row.entity_count),
          ...(row.entities ? { entities: JSON.parse(row.entities) } : {}),
        },
      ]),
    );
  }

  /** How many entities were last applied from one part; undefined when none was yet. */
  async count(provider: string, part: string): Promise<number | undefined> {
    const row = await this.knex<Row>(TABLE)
      .where({ provider, part })
      .first('entity_count');
    return row ? Number(row.entity_count) : undefined;
  }

  /**
   * Records what was applied from `parts`. With `only`, the rows of every other part of
   * `provider` (endpoints no longer configured) are removed in the same transaction.
   */
  async save(
    provider: string,
    parts: Map<string, AppliedPart>,
    options: { only?: string[] } = {},
  ): Promise<void> {
    const appliedAt = new Date().toISOString();
    const rows: Row[] = [...parts].map(([part, applied]) => ({
      provider,
      part,
      entity_count: applied.count,
      entities: applied.entities ? JSON.stringify(applied.entities) : null,
      applied_at: appliedAt,
    }));
    await this.knex.transaction(async tx => {
      if (options.only) {
        await tx<Row>(TABLE)
          .where({ provider })
          .whereNotIn('part', options.only)
          .delete();
      }
      if (rows.length) {
        await tx<Row>(TABLE)
          .insert(rows)
          .onConflict(['provider', 'part'])
          .merge(['entity_count', 'entities', 'applied_at']);
      }
    });
  }
}
