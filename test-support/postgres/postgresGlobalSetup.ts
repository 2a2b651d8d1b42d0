// Vitest globalSetup: one PostgreSQL server for the whole run, handed to test files through provide/inject.
// Vitest calls the returned teardown after the run however the tests ended, so the server never outlives it.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyPostgresMigrations } from '../../db/postgres/postgresMigrations.ts';
import { startTestPostgres, type TestPostgresConnection } from './testPostgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServer: TestPostgresConnection;
    /** A database migrated to the current schema once per run: the tests' archives are copies of it. */
    postgresTemplate: string;
  }
}

const TEMPLATE = 'renewal_desk_template';

export default async function postgresGlobalSetup(project: TestProject): Promise<() => void> {
  const server = startTestPostgres();
  // Also stopped if the runner is interrupted between setup and teardown.
  const onExit = () => server.stop();
  process.once('exit', onExit);
  try {
    await migrateTemplate(server.connection);
  } catch (e) {
    process.off('exit', onExit);
    server.stop();
    throw e;
  }
  project.provide('postgresServer', server.connection);
  project.provide('postgresTemplate', TEMPLATE);
  return () => {
    process.off('exit', onExit);
    server.stop();
  };
}

async function migrateTemplate(server: TestPostgresConnection): Promise<void> {
  const admin = new pg.Client(server);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ ...server, database: TEMPLATE });
  await client.connect();
  try {
    await applyPostgresMigrations(client);
  } finally {
    // A template must have no open connection when it is copied.
    await client.end();
  }
}
