import pg from 'pg';

/**
 * Dials a PostgreSQL server once and asks its version: the settings page's connection test, before anything is
 * kept. One connection of its own (no pool, no migration), ended whatever happens.
 */
export async function serverVersionAt(url: string, connectTimeoutMs: number): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  // An error after the answer (the server closing) must not escape as an unhandled event.
  client.on('error', () => {});
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? '';
  } finally {
    await client.end().catch(() => {});
  }
}
