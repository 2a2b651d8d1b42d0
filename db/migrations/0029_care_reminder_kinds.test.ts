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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0029-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const BEFORE = ALL_MIGRATIONS.filter((m) => m.version < 29);
const V29 = ALL_MIGRATIONS.filter((m) => m.version <= 29);

/** An archive from before 0029 with reminders of every older kind and outcome, and a gap in rowids. */
async function olderDatabase(file: string): Promise<void> {
  const opened = await openDatabase({ file, migrations: BEFORE });
  const raw = rawOf(opened.db);
  const kinds = ['expiry', 'birthday', 'followup', 'remind', 'payment'];
  const outcomes = [null, 'fired', 'superseded', 'done', 'missed'];
  const insert = raw.prepare(
    `INSERT INTO reminders (id, kind, subject_id, customer_id, occurrence_date, step, local_date, time_of_day, due_at, snoozed_until,
       fired_at, outcome, done_at, created_at, updated_at, version)
     VALUES (@id, @kind, @subject, @customer, @occurrence, @step, '2026-01-20', '09:00', @due, @snoozed, @fired, @outcome, @done, @at, @at, @version)`,
  );
  for (let i = 0; i < 21; i++) {
    insert.run({
      id: `r${String(i).padStart(2, '0')}`, kind: kinds[i % 5], subject: `s${i % 7}`, customer: `c${i % 3}`,
      occurrence: `2026-02-${String(1 + i).padStart(2, '0')}`, step: 30 - i, due: `2026-01-${String(1 + i).padStart(2, '0')}T01:00:00.000Z`,
      snoozed: i % 6 === 0 ? AT : null, fired: outcomes[i % 5] === null ? null : AT, outcome: outcomes[i % 5], done: i % 5 === 3 ? AT : null,
      at: AT, version: 1 + (i % 3),
    });
  }
  raw.prepare("DELETE FROM reminders WHERE id = 'r05'").run();
  await opened.close();
}

function snapshot(raw: Database.Database) {
  const all = (s: string) => raw.prepare(s).all();
  return {
    reminders: all('SELECT rowid AS rid, * FROM reminders ORDER BY rowid'),
    indexes: all("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type <> 'table' AND (tbl_name = 'reminders' OR sql LIKE '%reminders%') ORDER BY type, name"),
    otherSchema: all("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT IN ('reminders', 'schema_migrations') ORDER BY type, name"),
    columns: all(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('reminders')`),
  };
}

describe('migration 0029: the care reminder kinds', () => {
  it('rebuilds reminders keeping rows, rowids and every index; widens only the kind CHECK', async () => {
    const file = path.join(dir, 'old.db');
    await olderDatabase(file);
    const before = new Database(file, { readonly: true });
    const old = snapshot(before);
    const oldTableSql = before.prepare("SELECT sql FROM sqlite_master WHERE name = 'reminders'").pluck().get() as string;
    before.close();
    expect(old.indexes.map((r) => (r as { name: string }).name)).toEqual(['reminders_customer', 'reminders_due', 'reminders_key', 'reminders_subject', 'sqlite_autoindex_reminders_1']);
    expect(old.reminders).toHaveLength(20);

    const opened = await openDatabase({ file, now: () => new Date(AT), migrations: V29 });
    expect(opened).toMatchObject({ schemaVersion: 29 });
    const raw = rawOf(opened.db);
    expect(snapshot(raw)).toEqual(old);
    const newTableSql = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'reminders'").pluck().get() as string;
    expect(newTableSql).toBe(oldTableSql.replace("'payment')", "'payment', 'complaint', 'visit', 'holiday', 'survey')"));
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');

    const add = raw.prepare(
      `INSERT INTO reminders (id, kind, subject_id, customer_id, occurrence_date, step, local_date, time_of_day, due_at, created_at, updated_at)
       VALUES (?, ?, 'k1', 'c1', '2026-03-01', 0, '2026-03-01', '09:00', '2026-03-01T01:00:00.000Z', ?, ?)`,
    );
    for (const kind of ['complaint', 'visit', 'holiday', 'survey']) add.run(`n-${kind}`, kind, AT, AT);
    expect(() => add.run('n-complaint-2', 'complaint', AT, AT)).toThrow(/UNIQUE/);
    expect(() => add.run('n-x', 'greeting', AT, AT)).toThrow(/CHECK/);
    await opened.close();
  });

  it('migrates an empty older database and a fresh one to the same schema', async () => {
    const upgraded = path.join(dir, 'empty.db');
    await (await openDatabase({ file: upgraded, migrations: BEFORE })).close();
    const a = await openDatabase({ file: upgraded });
    const b = await openDatabase({ file: path.join(dir, 'fresh.db') });
    const schemaOf = (o: typeof a) => rawOf(o.db).prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'schema_migrations' ORDER BY type, name").all();
    expect(schemaOf(a)).toEqual(schemaOf(b));
    await a.close();
    await b.close();
  });
});
