import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestClients, type PostgresTestClients } from '../../test-support/postgres/postgresTestClients.ts';
import { openPostgresEngine, openSqliteEngine, type Engine } from '../../test-support/postgres/twoEngines.ts';

// CHECKs, partial unique indexes and foreign keys refuse and accept the same rows on both engines (the schema
// parity test compares their presence; this compares what they do, json_valid and json_type included).

const NOW = new Date('2026-12-01T02:00:00.000Z');
const T = NOW.toISOString();

let databases: PostgresTestClients;
let engines: Engine[];

beforeAll(async () => {
  databases = postgresTestClients();
  // An ICU en-US default collation (where 'a' < 'B'), unlike the test server's C: the schema's own COLLATE "C" must
  // be what orders text.
  const { client } = await databases.newDatabase({ icuLocale: 'en-US' });
  const defaultOrder = await client.query("SELECT 'a' < 'B' AS lower_first");
  if (defaultOrder.rows[0].lower_first !== true) throw new Error('the test database should not order text by code point');
  engines = [await openSqliteEngine(NOW), await openPostgresEngine(client, NOW)];
  for (const e of engines) {
    await e.run("INSERT INTO owners (id, name, created_at, updated_at) VALUES ('o1', '张三', ?, ?)", [T, T]);
    await e.run('INSERT INTO customers (id, name, tier, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', ['c1', '甲', 'normal', T, T]);
    await e.run("INSERT INTO contacts (id, customer_id, name, is_primary, created_at, updated_at) VALUES ('p1', 'c1', 'A', 1, ?, ?)", [T, T]);
    await e.run("INSERT INTO contracts (id, customer_id, number, ends_on, created_at, updated_at) VALUES ('k1', 'c1', 'N-1', '2026-12-31', ?, ?)", [T, T]);
  }
}, 60_000);

afterAll(async () => {
  for (const e of engines ?? []) await e.close();
  await databases?.close();
}, 60_000);

const setting = (key: string, value: string) => ({
  sql: 'INSERT INTO settings (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)',
  params: [key, value, T, T],
});
const contract = (id: string, number: string, starts: string | null, ends: string | null, cycle: string | null) => ({
  sql: 'INSERT INTO contracts (id, customer_id, number, starts_on, ends_on, cycle, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  params: [id, 'c1', number, starts, ends, cycle, T, T],
});
const survey = (id: string, scores: string) => ({
  sql: "INSERT INTO surveys (id, customer_id, on_date, channel, scores, created_at, updated_at) VALUES (?, 'c1', '2026-11-30', 'phone', ?, ?, ?)",
  params: [id, scores, T, T],
});

const REFUSED: Record<string, { sql: string; params: unknown[] }> = {
  'a blank customer name': { sql: "INSERT INTO customers (id, name, tier, created_at, updated_at) VALUES ('c2', '   ', 'normal', ?, ?)", params: [T, T] },
  'a setting that is not JSON': setting('bad', '{"a":'),
  'a setting in JSON5': setting('bad5', "{a: 1}"),
  'survey scores that are an array': survey('s-bad', '[5]'),
  'a contract ending before it starts': contract('k-bad', 'N-2', '2026-02-01', '2026-01-31', 'year'),
  'a contract with no end that is not a one-off': contract('k-open', 'N-3', '2026-02-01', null, null),
  'a closed complaint without closed_at': {
    sql: "INSERT INTO complaints (id, customer_id, summary, category, severity, step, handler_id, received_at, due_at, created_at, updated_at) VALUES ('cp', 'c1', 's', 'c', 'normal', 'closed', 'o1', ?, ?, ?, ?)",
    params: [T, T, T, T],
  },
  'a second primary contact': { sql: "INSERT INTO contacts (id, customer_id, name, is_primary, created_at, updated_at) VALUES ('p2', 'c1', 'B', 1, ?, ?)", params: [T, T] },
  'a second live contract number': contract('k-dup', 'N-1', null, '2027-01-01', null),
  'a follow-up of a customer that does not exist': {
    sql: "INSERT INTO follow_ups (id, customer_id, at, channel, kind, summary, created_at, updated_at) VALUES ('f1', 'ghost', ?, 'phone', 'other', 's', ?, ?)",
    params: [T, T, T],
  },
  'a built-in flag of 2': { sql: "INSERT INTO tiers (code, name, colour, rank, builtin, created_at, updated_at) VALUES ('x', 'X', 'red', 5, 2, ?, ?)", params: [T, T] },
};

const ACCEPTED: Record<string, { sql: string; params: unknown[] }> = {
  'nested JSON': setting('nested', '{"a":[1,2.5,{"b":null}],"c":"文字"}'),
  'a bare JSON number with spaces': setting('number', ' 42 '),
  'a JSON string': setting('string', '"text"'),
  'an open-ended one-off contract': contract('k-once', 'N-4', '2026-02-01', null, 'once'),
  'survey scores as an object': survey('s-ok', '{"productQuality":5}'),
  'a reused number once the first holder is deleted': {
    sql: "UPDATE contracts SET deleted_at = ? WHERE id = 'k1'",
    params: [T],
  },
  'the reused number': contract('k-reuse', 'N-1', null, '2027-01-01', null),
};

describe('constraints behave alike on both engines', () => {
  it.each(Object.entries(REFUSED))('both refuse %s', async (_label, w) => {
    for (const e of engines) {
      await expect(e.run(w.sql, w.params), e.name).rejects.toThrow();
    }
  });

  it('both accept the valid rows, in order', async () => {
    for (const [label, w] of Object.entries(ACCEPTED)) {
      for (const e of engines) {
        await expect(e.run(w.sql, w.params), `${e.name}: ${label}`).resolves.toBeUndefined();
      }
    }
  });

  it('orders and compares text alike, with no COLLATE in the query (every text column is COLLATE "C")', async () => {
    const names = ['b', 'B', 'a', '_x', 'Z', '张三', '阿里', 'ä', 'a b', 'ab', '10', '9'];
    const results = [];
    for (const e of engines) {
      for (const [i, name] of names.entries()) {
        await e.run('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [`t${i}`, name, T, T]);
      }
      const ordered = await e.all('SELECT name FROM tags ORDER BY name');
      const between = await e.all("SELECT name FROM tags WHERE name >= 'B' AND name < 'b' ORDER BY name");
      results.push({ ordered: ordered.map((r) => r.name), between: between.map((r) => r.name) });
    }
    expect(results[1]).toEqual(results[0]);
    // Code-point order: upper case, then '_', then lower case, then Latin-1, then CJK.
    expect(results[0]!.ordered).toEqual(['10', '9', 'B', 'Z', '_x', 'a', 'a b', 'ab', 'b', 'ä', '张三', '阿里']);
  });
});
