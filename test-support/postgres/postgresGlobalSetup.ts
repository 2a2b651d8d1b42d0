// Vitest globalSetup: one PostgreSQL server for the whole run, handed to test files through provide/inject.
// Vitest calls the returned teardown after the run however the tests ended, so the server never outlives it.
import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgresConnection } from './testPostgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServer: TestPostgresConnection;
  }
}

export default function postgresGlobalSetup(project: TestProject): () => void {
  const server = startTestPostgres();
  project.provide('postgresServer', server.connection);
  // Also stopped if the runner is interrupted between setup and teardown.
  const onExit = () => server.stop();
  process.once('exit', onExit);
  return () => {
    process.off('exit', onExit);
    server.stop();
  };
}
