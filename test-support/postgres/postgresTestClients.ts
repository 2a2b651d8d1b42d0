// Several fresh databases for one test file on the run's shared server (postgresGlobalSetup.ts), each with a
// connected client carrying the app's type parsers; close() ends the clients and drops the databases.
import pg from 'pg';
import { inject } from 'vitest';
import { postgresTypes } from '../../db/postgres/postgresTypes.ts';
import { createTestDatabase, type TestDatabase, type TestPostgresConnection } from './testPostgres.ts';

export interface PostgresTestClients {
  /** A new empty database, and a client connected to it. */
  newDatabase(): Promise<{ client: pg.Client; connection: TestPostgresConnection }>;
  /** One more client on a database newDatabase made (closed by close() as well). */
  connect(connection: TestPostgresConnection): Promise<pg.Client>;
  close(): Promise<void>;
}

export function postgresTestClients(): PostgresTestClients {
  const databases: TestDatabase[] = [];
  const clients: pg.Client[] = [];
  const connect = async (connection: TestPostgresConnection) => {
    const client = new pg.Client({ ...connection, types: postgresTypes });
    await client.connect();
    clients.push(client);
    return client;
  };
  return {
    async newDatabase() {
      const db = await createTestDatabase(inject('postgresServer'));
      databases.push(db);
      return { client: await connect(db.connection), connection: db.connection };
    },
    connect,
    async close() {
      await Promise.allSettled(clients.map((c) => c.end()));
      for (const db of databases) await db.drop();
    },
  };
}
