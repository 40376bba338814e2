/*
 * Real AppliedPartsStores for tests, on fresh databases from Backstage's TestDatabases: SQLite in
 * memory always, PostgreSQL when the test command provides one (and required when
 * NKP_TEST_REQUIRE_POSTGRES is true). Call at the top level of a test file.
 */

import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AppliedPartsStore } from '../database/AppliedPartsStore';

export function testStores(ids: TestDatabaseId[] = ['SQLITE_3']) {
  const databases = TestDatabases.create({ ids });
  if (
    ids.includes('POSTGRES_15') &&
    process.env.NKP_TEST_REQUIRE_POSTGRES === 'true' &&
    !databases.supports('POSTGRES_15')
  ) {
    throw new Error(
      'PostgreSQL tests required but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
    );
  }
  return {
    /** The ids of the databases this machine can test on. */
    ids: () => databases.eachSupportedId(),
    /** A fresh, empty database; a store created on it again is the store after a restart. */
    async database(id: TestDatabaseId = 'SQLITE_3'): Promise<DatabaseService> {
      return mockServices.database({ knex: await databases.init(id) });
    },
    /** A store on a fresh, empty database. */
    async create(id: TestDatabaseId = 'SQLITE_3'): Promise<AppliedPartsStore> {
      return AppliedPartsStore.create({ database: await this.database(id) });
    },
  };
}
