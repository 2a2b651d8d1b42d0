import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestClients, type PostgresTestClients } from '../../test-support/postgres/postgresTestClients.ts';
import { openPostgresEngine, openSqliteEngine, type Engine, type Row } from '../../test-support/postgres/twoEngines.ts';

// The same writes, as plain parameterized SQL, on both engines must leave the same rows in every table the
// triggers keep: report terms, dirty marks, scoped bigrams and their scopes. Compared after every step.

const NOW = new Date('2026-12-01T02:00:00.000Z');
const T = NOW.toISOString();

const DERIVED: Record<string, string> = {
  report_terms: 'contract_id',
  lifecycle_dirty: 'customer_id',
  health_dirty: 'customer_id',
  risk_outcome_dirty: 'contract_id',
  customer_scoped_bigrams: 'bigram, scope, customer_id',
  search_scopes: 'id',
};

async function derivedRows(e: Engine): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const [table, keys] of Object.entries(DERIVED)) {
    // Text keys in code-point order on both engines (SQLite's BINARY collation is already that).
    const order = keys
      .split(', ')
      .map((k) => (e.name === 'postgres' && k !== 'scope' && k !== 'id' ? `${k} COLLATE "C"` : k))
      .join(', ');
    out[table] = await e.all(`SELECT * FROM ${table} ORDER BY ${order}`);
  }
  return out;
}

const customer = (id: string, name: string, tier: string, owner: string | null) => ({
  sql: 'INSERT INTO customers (id, name, tier, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  params: [id, name, tier, owner, T, T],
});
const bigrams = (customerId: string, grams: string[]) => [
  {
    sql: 'INSERT INTO customer_bigram_sets (customer_id, bigrams) VALUES (?, ?)',
    params: [customerId, grams.join(' ')],
  },
  ...grams.map((g) => ({ sql: 'INSERT INTO customer_bigrams (bigram, customer_id) VALUES (?, ?)', params: [g, customerId] })),
];
const contract = (id: string, customerId: string, f: { ends?: string | null; starts?: string | null; signed?: string | null; amount?: number | null; cycle?: string | null; renewalOf?: string | null; owner?: string | null }) => ({
  sql: `INSERT INTO contracts (id, customer_id, number, signed_on, starts_on, ends_on, amount_fen, cycle, owner_id, renewal_of, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [id, customerId, `HT-${id}`, f.signed ?? null, f.starts ?? null, f.ends ?? null, f.amount ?? null, f.cycle ?? null, f.owner ?? null, f.renewalOf ?? null, T, T],
});
const write = (sql: string, ...params: unknown[]) => ({ sql, params });

const STEPS: { label: string; writes: { sql: string; params: unknown[] }[] }[] = [
  { label: 'owners', writes: [write('INSERT INTO owners (id, name, created_at, updated_at) VALUES (?, ?, ?, ?), (?, ?, ?, ?)', 'o1', '张三', T, T, 'o2', 'Li', T, T)] },
  { label: 'customers', writes: [customer('c1', '华为技术', 'normal', 'o1'), customer('c2', 'Acme', 'vip', null)] },
  { label: 'bigrams after their customers', writes: [...bigrams('c1', ['华为', '为技', '技术']), ...bigrams('c2', ['ac', 'cm', 'me'])] },
  { label: 'bigrams before their customer', writes: [...bigrams('c3', ['北京', '京东']), customer('c3', '北京京东', 'normal', 'o1')] },
  {
    label: 'contracts, a renewal chain and a one-off',
    writes: [
      contract('k1', 'c1', { signed: '2025-12-01', starts: '2026-01-01', ends: '2026-12-31', amount: 100000, cycle: 'year' }),
      contract('k2', 'c1', { starts: '2026-03-01', cycle: 'once', amount: 5000, owner: 'o2' }),
      contract('k3', 'c1', { starts: '2027-01-01', ends: '2027-12-31', amount: 120000, cycle: 'year', renewalOf: 'k1' }),
      contract('k4', 'c2', { signed: '2024-05-05', ends: '2025-05-04', amount: 80000 }),
      contract('k5', 'c1', { starts: '2027-01-01', ends: '2027-06-30', amount: 130000, cycle: 'half_year', renewalOf: 'k1' }),
    ],
  },
  {
    label: 'a renewal decided, follow-ups, a contact',
    writes: [
      write("INSERT INTO renewals (id, contract_id, stage, created_at, updated_at) VALUES ('r1', 'k1', 'renewed', ?, ?)", T, T),
      write("INSERT INTO renewals (id, contract_id, stage, created_at, updated_at) VALUES ('r4', 'k4', 'contacted', ?, ?)", T, T),
      write("INSERT INTO follow_ups (id, customer_id, at, channel, kind, summary, created_at, updated_at) VALUES ('f1', 'c2', ?, 'phone', 'revisit', '回访', ?, ?)", T, T, T),
      write("INSERT INTO contacts (id, customer_id, name, phone, created_at, updated_at) VALUES ('p1', 'c1', '王五', '13800000000', ?, ?)", T, T),
    ],
  },
  { label: 'dirty marks consumed', writes: [write('DELETE FROM lifecycle_dirty'), write('DELETE FROM health_dirty')] },
  {
    label: 'health sources',
    writes: [
      write("INSERT INTO complaints (id, customer_id, summary, category, severity, step, handler_id, received_at, due_at, created_at, updated_at) VALUES ('cp1', 'c1', '延迟', 'delivery', 'serious', 'accepted', 'o1', ?, ?, ?, ?)", T, T, T, T),
      write(`INSERT INTO surveys (id, customer_id, on_date, channel, scores, created_at, updated_at) VALUES ('s1', 'c2', '2026-11-30', 'phone', '{"productQuality":5}', ?, ?)`, T, T),
      write("INSERT INTO usage_figures (id, customer_id, period_kind, period_start, value, unit, created_at, updated_at) VALUES ('u1', 'c3', 'month', '2026-11-01', 12.5, 'GB', ?, ?)", T, T),
      write("INSERT INTO competitor_events (id, customer_id, on_date, text, created_at, updated_at) VALUES ('ce1', 'c3', '2026-11-20', '友商报价', ?, ?)", T, T),
      write("INSERT INTO contract_instalments (id, contract_id, due_on, due_amount_fen, created_at, updated_at) VALUES ('i1', 'k4', '2025-01-01', 40000, ?, ?)", T, T),
    ],
  },
  { label: 'dirty marks consumed again', writes: [write('DELETE FROM lifecycle_dirty'), write('DELETE FROM health_dirty')] },
  {
    label: 'a risk warning, then its contract moves',
    writes: [
      write("INSERT INTO risk_warnings (id, contract_id, customer_id, status, role, owner_id, score, band, factors, published_on, created_at, updated_at) VALUES ('w1', 'k4', 'c2', 'new', 'accountManager', 'o1', 40, 'watch', '[]', '2026-11-30', ?, ?)", T, T),
      write("UPDATE contracts SET ends_on = '2025-06-30', updated_at = ? WHERE id = 'k4'", T),
    ],
  },
  { label: 'a tier change alone', writes: [write("UPDATE customers SET tier = 'vip' WHERE id = 'c1'")] },
  { label: 'an owner change', writes: [write("UPDATE customers SET owner_id = 'o2' WHERE id = 'c1'")] },
  { label: 'archived', writes: [write("UPDATE customers SET archived_at = ? WHERE id = 'c2'", T)] },
  { label: 'an update that changes nothing watched', writes: [write("UPDATE customers SET notes = 'x' WHERE id = 'c3'"), write("UPDATE contracts SET notes = 'y' WHERE id = 'k1'")] },
  { label: 'a follow-up moves to another customer', writes: [write("UPDATE follow_ups SET customer_id = 'c1' WHERE id = 'f1'")] },
  { label: 'the earlier successor is deleted softly', writes: [write("UPDATE contracts SET deleted_at = ? WHERE id = 'k3'", T)] },
  { label: 'the renewal is lost', writes: [write("UPDATE renewals SET stage = 'lost', lost_reason = 'price' WHERE id = 'r1'")] },
  { label: 'a complaint closes', writes: [write("UPDATE complaints SET step = 'closed', closed_at = ?, satisfaction = 4 WHERE id = 'cp1'", T)] },
  {
    label: 'bigrams rekeyed and removed',
    writes: [write("UPDATE customer_bigrams SET bigram = '华技' WHERE bigram = '为技' AND customer_id = 'c1'"), write("DELETE FROM customer_bigrams WHERE bigram = 'me'")],
  },
  // PostgreSQL runs AFTER ROW triggers at the end of the statement, SQLite after each row: statements that touch a
  // term and its successor, or several customers, at once must still end alike.
  {
    label: 'several rows in one statement',
    writes: [
      write(
        `INSERT INTO contracts (id, customer_id, number, starts_on, ends_on, amount_fen, cycle, status, renewal_of, created_at, updated_at)
         VALUES ('k6', 'c1', 'HT-k6', '2025-01-01', '2025-12-31', 7000, 'year', 'renewed', NULL, ?, ?),
                ('k7', 'c1', 'HT-k7', '2026-01-01', '2026-12-31', 9000, 'year', 'active', 'k6', ?, ?)`,
        T, T, T, T,
      ),
      write("UPDATE contracts SET amount_fen = amount_fen + 100 WHERE customer_id IN ('c1', 'c2') AND amount_fen IS NOT NULL"),
      write("UPDATE customers SET tier = 'important' WHERE id IN ('c1', 'c2')"),
      write("UPDATE customers SET owner_id = CASE WHEN id = 'c1' THEN 'o1' ELSE 'o2' END WHERE id IN ('c1', 'c2')"),
    ],
  },
  {
    label: 'hard deletes',
    writes: [
      write("DELETE FROM contracts WHERE id = 'k2'"),
      write("DELETE FROM usage_figures WHERE id = 'u1'"),
      write("DELETE FROM contract_instalments WHERE id = 'i1'"),
      write("DELETE FROM renewals WHERE id = 'r4'"),
      write("DELETE FROM competitor_events WHERE id = 'ce1'"),
    ],
  },
  { label: 'a customer deleted softly', writes: [write("UPDATE customers SET deleted_at = ? WHERE id = 'c2'", T)] },
  {
    label: 'a customer deleted for good',
    writes: [write("DELETE FROM customer_bigrams WHERE customer_id = 'c3' AND bigram = '北京'"), write("DELETE FROM customers WHERE id = 'c3'")],
  },
];

let databases: PostgresTestClients;
let sqlite: Engine;
let postgres: Engine;

beforeAll(async () => {
  databases = postgresTestClients();
  // ICU en-US as the database default (not code-point order): the triggers' text comparisons must not depend on it.
  postgres = await openPostgresEngine((await databases.newDatabase({ icuLocale: 'en-US' })).client, NOW);
  sqlite = await openSqliteEngine(NOW);
}, 60_000);

afterAll(async () => {
  await sqlite?.close();
  await databases?.close();
}, 60_000);

describe('PostgreSQL triggers have the same effect as SQLite triggers', () => {
  it('leaves the same derived rows after every step', async () => {
    const seen = new Set<string>();
    for (const step of STEPS) {
      for (const w of step.writes) {
        await sqlite.run(w.sql, w.params);
        await postgres.run(w.sql, w.params);
      }
      const expected = await derivedRows(sqlite);
      expect({ step: step.label, rows: await derivedRows(postgres) }).toEqual({ step: step.label, rows: expected });
      for (const [table, rows] of Object.entries(expected)) if (rows.length > 0) seen.add(table);
    }
    // The scenario reaches every derived table (a comparison of empty tables would prove nothing).
    expect([...seen].sort()).toEqual(Object.keys(DERIVED).sort());
  });

  it('computes a renewed term net of its successor on both engines', async () => {
    // After the scenario k1's renewal is lost; a fresh chain shows the successor pick (earliest start, then id).
    const writes = [
      customer('c9', '九号客户', 'normal', null),
      contract('k90', 'c9', { starts: '2025-01-01', ends: '2025-12-31', amount: 1000 }),
      contract('k92', 'c9', { starts: '2026-01-01', ends: '2026-12-31', amount: 1500, renewalOf: 'k90' }),
      contract('k91', 'c9', { starts: '2026-01-01', ends: '2026-06-30', amount: 1300, renewalOf: 'k90' }),
      write("UPDATE contracts SET status = 'renewed' WHERE id = 'k90'"),
    ];
    for (const w of writes) {
      await sqlite.run(w.sql, w.params);
      await postgres.run(w.sql, w.params);
    }
    const q = "SELECT contract_id, outcome, net_fen, due, open, history FROM report_terms WHERE contract_id = 'k90'";
    const expected = [{ contract_id: 'k90', outcome: 'renewed', net_fen: 300, due: 1, open: 0, history: 0 }];
    expect(await sqlite.all(q)).toEqual(expected);
    expect(await postgres.all(q)).toEqual(expected);
  });
});
