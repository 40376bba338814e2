/**
 * The plugin's database client, migrated to the latest schema once per database service (unless
 * the service says to skip migrations), for every store that uses it.
 */
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@nkp-lifecycle/backstage-plugin-nkp-backend',
  'migrations',
);

const clients = new WeakMap<DatabaseService, Promise<Knex>>();

export function connect(database: DatabaseService): Promise<Knex> {
  let client = clients.get(database);
  if (!client) {
    client = (async () => {
      const knex = await database.getClient();
      if (!database.migrations?.skip) {
        await knex.migrate.latest({ directory: migrationsDir });
      }
      return knex;
    })();
    clients.set(database, client);
    // A failed attempt is not remembered: the next caller tries again.
    client.catch(() => clients.delete(database));
  }
  return client;
}
