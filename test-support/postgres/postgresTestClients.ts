// Several fresh databases for one test file on the run's shared server (postgresGlobalSetup.ts), each with a
// connected client carrying the app's type parsers; close() ends the clients and drops the databases.
import pg from 'pg';
import { inject } from 'vitest';
import { postgresTypes } from '../../db/postgres/postgresTypes.ts';
import { createTestDatabase, type TestDatabase, type TestPostgresConnection } from './testPostgres.ts';

export interface NewDatabaseOptions {
  /**
   * The database's default collation as an ICU locale (e.g. 'en-US', where 'a' < 'B'), instead of the server's C:
   * shows the schema orders text by code point whatever collation the database was created with.
   */
  icuLocale?: string;
}

export interface PostgresTestClients {
  /** A new empty database, and a client connected to it. */
  newDatabase(options?: NewDatabaseOptions): Promise<{ client: pg.Client; connection: TestPostgresConnection }>;
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
    async newDatabase(options = {}) {
      const db = await createTestDatabase(inject('postgresServer'));
      databases.push(db);
      if (options.icuLocale) await recreateWithIcuDefault(db.connection, options.icuLocale);
      return { client: await connect(db.connection), connection: db.connection };
    },
    connect,
    async close() {
      await Promise.allSettled(clients.map((c) => c.end()));
      for (const db of databases) await db.drop();
    },
  };
}

/** Drops the (still empty) database and creates it again under the same name with an ICU default collation. */
async function recreateWithIcuDefault(connection: TestPostgresConnection, icuLocale: string): Promise<void> {
  const admin = new pg.Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    // Names cannot be bound parameters: the database name is the harness's [a-z0-9_], the locale a test's constant.
    if (!/^[a-z0-9_]+$/.test(connection.database) || !/^[A-Za-z-]+$/.test(icuLocale)) throw new Error('unexpected name');
    await admin.query(`DROP DATABASE ${connection.database}`);
    await admin.query(
      `CREATE DATABASE ${connection.database} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE '${icuLocale}'`,
    );
  } finally {
    await admin.end();
  }
}
