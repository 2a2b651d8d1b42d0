import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0028-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const BEFORE = ALL_MIGRATIONS.filter((m) => m.version < 28);
const V28 = ALL_MIGRATIONS.filter((m) => m.version <= 28);
const REBUILT = ['reminders', 'import_batches'];

/** An archive from before 0028 with reminders of every old kind and outcome, import batches of every kind, and gaps in rowids. */
async function olderDatabase(file: string): Promise<void> {
  const opened = await openDatabase({ file, migrations: BEFORE });
  const raw = rawOf(opened.db);
  const insert = (table: string, row: Record<string, unknown>) => {
    const values = { created_at: AT, updated_at: AT, ...row };
    const cols = Object.keys(values);
    raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
  };
  const kinds = ['expiry', 'birthday', 'followup', 'remind'];
  const outcomes = [null, 'fired', 'superseded', 'done', 'missed'];
  for (let i = 0; i < 20; i++) {
    insert('reminders', {
      id: `r${String(i).padStart(2, '0')}`, kind: kinds[i % 4], subject_id: `s${i % 7}`, customer_id: `c${i % 3}`,
      occurrence_date: `2026-02-${String(1 + i).padStart(2, '0')}`, step: 30 - i, local_date: '2026-01-20', time_of_day: '09:00',
      due_at: `2026-01-${String(1 + i).padStart(2, '0')}T01:00:00.000Z`, snoozed_until: i % 6 === 0 ? AT : null,
      fired_at: outcomes[i % 5] === null ? null : AT, outcome: outcomes[i % 5], done_at: i % 5 === 3 ? AT : null, version: 1 + (i % 3),
    });
  }
  for (const [i, kind] of ['contracts', 'customers', 'followups', 'contracts'].entries()) {
    insert('import_batches', {
      id: `b${i}`, kind, file_name: `导入${i}.csv`, format: i % 2 ? 'xlsx' : 'csv', encoding: i % 2 ? null : 'gb18030', rows: 10 * i,
      summary: JSON.stringify({ created: i }), actor: 'local', undone_at: i === 3 ? AT : null, undo_batch_id: i === 3 ? 'u3' : null,
    });
  }
  raw.prepare("DELETE FROM reminders WHERE id = 'r05'").run();
  raw.prepare("DELETE FROM import_batches WHERE id = 'b1'").run();
  await opened.close();
}

function snapshot(raw: Database.Database) {
  const all = (s: string) => raw.prepare(s).all();
  return {
    reminders: all('SELECT rowid AS rid, * FROM reminders ORDER BY rowid'),
    batches: all('SELECT rowid AS rid, * FROM import_batches ORDER BY rowid'),
    // Every index and trigger on the rebuilt tables, and on tables that name them: recreated exactly.
    indexesAndTriggers: all(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type <> 'table'
         AND (tbl_name IN ('reminders', 'import_batches') OR sql LIKE '%reminders%' OR sql LIKE '%import_batches%') ORDER BY type, name`,
    ),
    otherSchema: all("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT IN ('reminders', 'import_batches', 'schema_migrations') AND name <> 'contract_instalments_updated' ORDER BY type, name"),
    columns: REBUILT.map((t) => all(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('${t}')`)),
  };
}

describe('migration 0028: reminder kind payment and import kind usage', () => {
  it('rebuilds reminders and import_batches keeping rows, rowids, every index; widens only the two kind CHECKs', async () => {
    const file = path.join(dir, 'old.db');
    await olderDatabase(file);
    const before = new Database(file, { readonly: true });
    const old = snapshot(before);
    const oldTableSql = REBUILT.map((t) => before.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string);
    before.close();
    expect(old.indexesAndTriggers.map((r) => (r as { name: string }).name)).toEqual([
      'import_batches_created', 'reminders_customer', 'reminders_due', 'reminders_key', 'reminders_subject',
      'sqlite_autoindex_import_batches_1', 'sqlite_autoindex_reminders_1',
    ]);
    expect(old.reminders).toHaveLength(19);
    expect(old.batches).toHaveLength(3);

    const opened = await openDatabase({ file, now: () => new Date(AT), migrations: V28 });
    expect(opened).toMatchObject({ schemaVersion: 28 });
    const raw = rawOf(opened.db);
    expect(snapshot(raw)).toEqual(old);
    // The table text differs from the old one only by the widened CHECK (and the quoting a RENAME leaves).
    const newTableSql = REBUILT.map((t) => raw.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string);
    expect(newTableSql[0]).toBe(oldTableSql[0]!.replace("'remind')", "'remind', 'payment')"));
    expect(newTableSql[1]).toBe(oldTableSql[1]!.replace('CREATE TABLE import_batches', 'CREATE TABLE "import_batches"').replace("'followups')),", "'followups', 'usage')),"));
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_new'").pluck().get()).toBe(0);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');

    const addReminder = raw.prepare(
      `INSERT INTO reminders (id, kind, subject_id, customer_id, occurrence_date, step, local_date, time_of_day, due_at, created_at, updated_at)
       VALUES (?, ?, 'i1', 'c1', '2026-03-01', -1, '2026-03-02', '09:00', '2026-03-02T01:00:00.000Z', ?, ?)`,
    );
    addReminder.run('p1', 'payment', AT, AT);
    expect(() => addReminder.run('p2', 'payment', AT, AT)).toThrow(/UNIQUE/);
    expect(() => addReminder.run('p3', 'invoice', AT, AT)).toThrow(/CHECK/);
    const addBatch = raw.prepare("INSERT INTO import_batches (id, kind, file_name, format, rows, summary, actor, created_at, updated_at) VALUES (?, ?, 'u.csv', 'csv', 1, '{}', 'local', ?, ?)");
    addBatch.run('bu', 'usage', AT, AT);
    expect(() => addBatch.run('bp', 'payments', AT, AT)).toThrow(/CHECK/);
    await opened.close();
  });

  it('migrates an empty older database and a fresh one to the same schema', async () => {
    const upgraded = path.join(dir, 'empty.db');
    await (await openDatabase({ file: upgraded, migrations: BEFORE })).close();
    const a = await openDatabase({ file: upgraded });
    const b = await openDatabase({ file: path.join(dir, 'fresh.db') });
    const schemaOf = (o: typeof a) =>
      rawOf(o.db).prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'schema_migrations' ORDER BY type, name").all();
    expect(schemaOf(a)).toEqual(schemaOf(b));
    await a.close();
    await b.close();
  });
});
