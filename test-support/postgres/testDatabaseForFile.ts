import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testPostgres.ts';

/** A fresh database on the run's server (postgresGlobalSetup.ts), for one test file. Drop it in afterAll. */
export function testDatabaseForFile(): Promise<TestDatabase> {
  return createTestDatabase(inject('postgresServer'));
}
