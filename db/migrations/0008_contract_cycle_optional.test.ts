import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { applyMigrations } from '../migrate.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';
import type { MigrationDefinition } from './migrationDefinition.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0008-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const V7 = ALL_MIGRATIONS.filter((m) => m.version <= 7);
const V8 = ALL_MIGRATIONS.filter((m) => m.version <= 8);

/** A version-7 database holding contracts and every kind of row that points at one. */
async function version7Database(file: string): Promise<void> {
  const opened = await openDatabase({ file, migrations: V7 });
  expect(opened.schemaVersion).toBe(7);
  const raw = rawOf(opened.db);
  const stamp = { created_at: AT, updated_at: AT };
  const insert = (table: string, row: Record<string, unknown>) => {
    const values = { ...row, ...stamp };
    const cols = Object.keys(values);
    raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
  };
  insert('owners', { id: 'o1', name: '王经理' });
  insert('customers', { id: 'c1', name: '杭州云帆科技', owner_id: 'o1' });
  insert('customers', { id: 'c2', name: '宁波海曙物流' });
  const contract = (id: string, over: Record<string, unknown>) =>
    insert('contracts', {
      id, customer_id: 'c1', number: id.toUpperCase(), signed_on: null, starts_on: null, ends_on: null, amount_fen: null,
      currency: 'CNY', cycle: 'year', service: null, status: 'active', owner_id: null, renewal_of: null, notes: null,
      deleted_at: null, ...over,
    });
  contract('k1', { signed_on: '2024-12-20', starts_on: '2025-01-01', ends_on: '2025-12-31', amount_fen: 1_280_000, status: 'renewed', owner_id: 'o1', service: '企业邮箱', notes: '首期' });
  contract('k2', { starts_on: '2026-01-01', ends_on: '2026-12-31', amount_fen: 1_380_000, renewal_of: 'k1', version: 3 });
  contract('k3', { customer_id: 'c2', cycle: 'once', amount_fen: 0 });
  contract('k4', { customer_id: 'c2', ends_on: '2025-06-30', cycle: 'quarter', deleted_at: AT });
  insert('follow_ups', { id: 'f1', customer_id: 'c1', contract_id: 'k1', at: AT, channel: 'phone', kind: 'renewal', summary: '确认续费' });
  insert('follow_ups', { id: 'f2', customer_id: 'c1', contract_id: 'k2', at: AT, channel: 'wechat', kind: 'revisit', summary: '回访' });
  insert('renewals', { id: 'r1', contract_id: 'k1', stage: 'renewed', outcome_on: '2025-12-20', new_contract_id: 'k2' });
  insert('renewals', { id: 'r2', contract_id: 'k2', stage: 'contacted' });
  insert('reminders', {
    id: 'm1', kind: 'expiry', subject_id: 'k2', customer_id: 'c1', occurrence_date: '2026-12-31', step: 30,
    local_date: '2026-12-01', time_of_day: '09:00', due_at: '2026-12-01T01:00:00.000Z',
  });
  await opened.close();
}

function snapshot(raw: Database.Database) {
  const all = (s: string) => raw.prepare(s).all();
  return {
    contracts: all('SELECT rowid AS rid, * FROM contracts ORDER BY id'),
    followUps: all('SELECT * FROM follow_ups ORDER BY id'),
    renewals: all('SELECT * FROM renewals ORDER BY id'),
    reminders: all('SELECT * FROM reminders ORDER BY id'),
    contractIndexes: all("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contracts' ORDER BY name"),
    contractTriggers: all("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contracts' ORDER BY name"),
    otherSchema: all("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT IN ('contracts', 'schema_migrations') ORDER BY type, name"),
  };
}

describe('migration 0008: contracts.cycle may be unknown', () => {
  it('rebuilds contracts keeping every row, rowid, index and reference, with foreign keys back on afterwards', async () => {
    const file = path.join(dir, 'v7.db');
    await version7Database(file);
    const before = new Database(file, { readonly: true });
    const old = snapshot(before);
    before.close();
    expect(old.contractIndexes.map((i) => (i as { name: string }).name)).toEqual([
      'contracts_customer', 'contracts_ends_on', 'contracts_number_live', 'contracts_renewal_of', 'contracts_updated', 'sqlite_autoindex_contracts_1',
    ]);

    const opened = await openDatabase({ file, now: () => new Date(AT), migrations: V8 });
    expect(opened).toMatchObject({ migratedFrom: 7, schemaVersion: 8 });
    expect(fs.readdirSync(path.join(dir, 'v7-backups'))).toEqual([expect.stringMatching(/pre-migrate-v7\.db$/)]);
    const raw = rawOf(opened.db);
    expect(snapshot(raw)).toEqual(old);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'contracts_new'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT version, name FROM schema_migrations WHERE version = 8').get()).toEqual({ version: 8, name: 'contract_cycle_optional' });
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const cycleColumn = raw.prepare("SELECT \"notnull\" FROM pragma_table_info('contracts') WHERE name = 'cycle'").pluck().get();
    expect(cycleColumn).toBe(0);

    // The references still lead to contracts, and the connection enforces them again.
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const parents = (table: string) => (raw.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[]).filter((f) => f.table === 'contracts').map((f) => f.from).sort();
    expect(parents('follow_ups')).toEqual(['contract_id']);
    expect(parents('renewals')).toEqual(['contract_id', 'new_contract_id']);
    expect(parents('contracts')).toEqual(['renewal_of']);
    expect(() =>
      raw.prepare("INSERT INTO follow_ups (id, customer_id, contract_id, at, channel, kind, summary, created_at, updated_at) VALUES ('f9', 'c1', 'nope', ?, 'phone', 'other', 'x', ?, ?)").run(AT, AT, AT),
    ).toThrow(/FOREIGN KEY/);
    expect(() => raw.prepare("DELETE FROM contracts WHERE id = 'k1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => raw.prepare("UPDATE contracts SET customer_id = 'nope' WHERE id = 'k3'").run()).toThrow(/FOREIGN KEY/);

    const add = raw.prepare(
      'INSERT INTO contracts (id, customer_id, number, ends_on, cycle, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    add.run('k5', 'c2', 'NO-CYCLE', '2026-08-31', null, AT, AT);
    expect(raw.prepare("SELECT cycle FROM contracts WHERE id = 'k5'").pluck().get()).toBeNull();
    add.run('k6', 'c2', 'ONCE-OPEN', null, 'once', AT, AT);
    expect(() => add.run('k7', 'c2', 'WEEKLY', '2026-08-31', 'weekly', AT, AT)).toThrow(/CHECK/);
    expect(() => add.run('k8', 'c2', 'NOTHING', null, null, AT, AT)).toThrow(/CHECK/);
    expect(() => add.run('k9', 'c2', 'OPEN-YEAR', null, 'year', AT, AT)).toThrow(/CHECK/);
    expect(() => raw.prepare("UPDATE contracts SET starts_on = '2026-09-01' WHERE id = 'k5'").run()).toThrow(/CHECK/);
    expect(() => add.run('k11', 'c2', 'NO-CYCLE', '2027-01-31', 'month', AT, AT)).toThrow(/UNIQUE/);
    await opened.close();
  });

  it('migrates an empty database created at version 7 and a fresh one the same way', async () => {
    const upgraded = path.join(dir, 'empty.db');
    await (await openDatabase({ file: upgraded, migrations: V7 })).close();
    const a = await openDatabase({ file: upgraded });
    const b = await openDatabase({ file: path.join(dir, 'fresh.db') });
    const schemaOf = (o: typeof a) =>
      rawOf(o.db).prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'schema_migrations' ORDER BY type, name").all();
    expect(schemaOf(a)).toEqual(schemaOf(b));
    await a.close();
    await b.close();
  });
});

describe('applyMigrations with a table rebuild', () => {
  it('rolls the migration back when it would leave a broken reference, and restores foreign_keys', async () => {
    const file = path.join(dir, 'fk.db');
    await version7Database(file);
    await (await openDatabase({ file, migrations: V8 })).close();
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const orphaning: MigrationDefinition = {
      version: 9,
      name: 'orphaning_rebuild',
      rebuildsTables: true,
      sql: "DELETE FROM contracts WHERE id = 'k1';",
    };
    expect(() => applyMigrations(raw, [orphaning], AT)).toThrow(/migration 9 \(orphaning_rebuild\).*broken foreign key/);
    expect(raw.pragma('user_version', { simple: true })).toBe(8);
    expect(raw.prepare("SELECT count(*) FROM contracts WHERE id = 'k1'").pluck().get()).toBe(1);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);

    // With foreign keys off beforehand, they stay off: the runner restores, it does not impose.
    raw.pragma('foreign_keys = OFF');
    const harmless: MigrationDefinition = { version: 9, name: 'harmless_rebuild', rebuildsTables: true, sql: 'CREATE TABLE t9 (id TEXT);' };
    applyMigrations(raw, [harmless], AT);
    expect(raw.pragma('user_version', { simple: true })).toBe(9);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(0);
    raw.close();
  });
});
