import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestClients, type PostgresTestClients } from '../../test-support/postgres/postgresTestClients.ts';
import { socketUrl } from '../../test-support/postgres/testPostgres.ts';
import { advanceIdentitySequences } from './identitySequences.ts';
import { openPostgres } from './openPostgres.ts';
import { applyPostgresMigrations } from './postgresMigrations.ts';

let databases: PostgresTestClients;

beforeAll(() => {
  databases = postgresTestClients();
});

afterAll(async () => {
  await databases?.close();
}, 60_000);

const T = '2026-12-01T02:00:00.000Z';
const copiedScopes = "INSERT INTO search_scopes (id, owner_key, tier, archived) VALUES (1, '', 'normal', 0), (2, 'o1', 'vip', 0), (5, '', 'vip', 1)";
const newCustomer = "INSERT INTO customers (id, name, tier, created_at, updated_at) VALUES ('c1', '新客户', 'important', $1, $1)";

/** advanceIdentitySequences through the app's own handle on the database `connection` names. */
async function advanced(connection: Parameters<typeof socketUrl>[0]): Promise<Record<string, number>> {
  const opened = await openPostgres({ url: socketUrl(connection) });
  try {
    return await advanceIdentitySequences(opened.db);
  } finally {
    await opened.close();
  }
}

describe('advanceIdentitySequences', () => {
  it('without it, a copied archive refuses the next new search scope (loudly: the scope is never dropped)', async () => {
    const { client } = await databases.newDatabase();
    await applyPostgresMigrations(client);
    await client.query(copiedScopes);
    await expect(client.query(newCustomer, [T])).rejects.toThrow(/search_scopes_pkey/);
  });

  it('moves the sequence past the copied ids, so the next scope is written with the next id', async () => {
    const { client, connection } = await databases.newDatabase();
    await applyPostgresMigrations(client);
    await client.query(copiedScopes);
    expect(await advanced(connection)).toEqual({ search_scopes: 6 });
    await client.query(newCustomer, [T]);
    expect((await client.query("SELECT id FROM search_scopes WHERE tier = 'important'")).rows).toEqual([{ id: 6 }]);
  });

  it('leaves an empty table starting at 1', async () => {
    const { client, connection } = await databases.newDatabase();
    await applyPostgresMigrations(client);
    expect(await advanced(connection)).toEqual({ search_scopes: 1 });
    await client.query(newCustomer, [T]);
    expect((await client.query('SELECT id FROM search_scopes')).rows).toEqual([{ id: 1 }]);
  });
});
