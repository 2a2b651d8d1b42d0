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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0023-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const V22 = ALL_MIGRATIONS.filter((m) => m.version <= 22);
const V23 = ALL_MIGRATIONS.filter((m) => m.version <= 23);

/** A version-22 archive with follow-ups of every old kind and channel, deleted and done ones, and a gap in rowids. */
async function version22Database(file: string): Promise<void> {
  const opened = await openDatabase({ file, migrations: V22 });
  expect(opened.schemaVersion).toBe(22);
  const raw = rawOf(opened.db);
  const insert = (table: string, row: Record<string, unknown>) => {
    const values = { created_at: AT, updated_at: AT, ...row };
    const cols = Object.keys(values);
    raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
  };
  insert('owners', { id: 'o1', name: '王经理' });
  insert('customers', { id: 'c1', name: '杭州云帆科技', owner_id: 'o1' });
  insert('customers', { id: 'c2', name: '宁波海曙物流' });
  insert('contracts', { id: 'k1', customer_id: 'c1', number: 'K1', ends_on: '2026-12-31', cycle: 'year', amount_fen: 100 });
  const channels = ['phone', 'wechat', 'visit', 'email', 'other'];
  const kinds = ['revisit', 'renewal', 'complaint', 'other'];
  for (let i = 0; i < 20; i++) {
    insert('follow_ups', {
      id: `f${String(i).padStart(2, '0')}`, customer_id: i % 3 === 0 ? 'c2' : 'c1', contract_id: i % 2 === 0 ? 'k1' : null,
      at: `2026-01-${String(1 + i).padStart(2, '0')}T02:00:00.000Z`, channel: channels[i % 5], kind: kinds[i % 4],
      summary: `回访 ${i}`, next_follow_up_on: i % 4 === 0 ? '2026-02-01' : null, next_done_at: i % 8 === 0 ? AT : null,
      owner_id: i % 2 === 0 ? 'o1' : null, version: 1 + (i % 3), deleted_at: i % 7 === 6 ? AT : null,
      updated_at: `2026-01-${String(1 + i).padStart(2, '0')}T03:00:00.000Z`,
    });
  }
  raw.prepare("DELETE FROM follow_ups WHERE id = 'f05'").run();
  raw.prepare('DELETE FROM lifecycle_dirty').run();
  await opened.close();
}

function snapshot(raw: Database.Database) {
  const all = (s: string) => raw.prepare(s).all();
  return {
    rows: all('SELECT rowid AS rid, * FROM follow_ups ORDER BY rowid'),
    // hex() of every row: byte-equal, not only equal after conversion.
    bytes: all('SELECT rowid, hex(id), hex(customer_id), hex(contract_id), hex(at), hex(channel), hex(kind), hex(summary), hex(next_follow_up_on), hex(next_done_at), hex(owner_id), hex(created_at), hex(updated_at), version, typeof(version), hex(deleted_at) FROM follow_ups ORDER BY rowid'),
    indexesAndTriggers: all("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'follow_ups' AND type <> 'table' ORDER BY type, name"),
    otherSchema: all("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT IN ('follow_ups', 'schema_migrations', 'usage_figures', 'competitor_events') ORDER BY type, name"),
    columns: all("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('follow_ups')"),
  };
}

describe('migration 0023: follow-up kinds 咨询/工单 and channel 短信', () => {
  it('rebuilds follow_ups keeping rows byte-equal, every index and trigger, and widens only the two CHECKs', async () => {
    const file = path.join(dir, 'v22.db');
    await version22Database(file);
    const before = new Database(file, { readonly: true });
    const old = snapshot(before);
    before.close();
    expect(old.indexesAndTriggers.map((r) => (r as { name: string }).name)).toEqual([
      'follow_ups_contract_at', 'follow_ups_customer_at', 'follow_ups_due', 'follow_ups_updated', 'sqlite_autoindex_follow_ups_1',
      'lifecycle_dirty_follow_up_delete', 'lifecycle_dirty_follow_up_insert', 'lifecycle_dirty_follow_up_update',
    ]);
    expect(old.rows).toHaveLength(19);

    const opened = await openDatabase({ file, now: () => new Date(AT), migrations: V23 });
    expect(opened).toMatchObject({ migratedFrom: 22, schemaVersion: 23 });
    const raw = rawOf(opened.db);
    expect(snapshot(raw)).toEqual(old);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'follow_ups_new'").pluck().get()).toBe(0);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);

    const add = raw.prepare(
      "INSERT INTO follow_ups (id, customer_id, at, channel, kind, summary, created_at, updated_at) VALUES (?, 'c1', ?, ?, ?, 'x', ?, ?)",
    );
    add.run('n1', AT, 'sms', 'inquiry', AT, AT);
    add.run('n2', AT, 'phone', 'ticket', AT, AT);
    expect(() => add.run('n3', AT, 'fax', 'other', AT, AT)).toThrow(/CHECK/);
    expect(() => add.run('n4', AT, 'phone', 'visit', AT, AT)).toThrow(/CHECK/);
    expect(() => raw.prepare("INSERT INTO follow_ups (id, customer_id, at, channel, kind, summary, created_at, updated_at) VALUES ('n6', 'nope', ?, 'sms', 'ticket', 'x', ?, ?)").run(AT, AT, AT)).toThrow(/FOREIGN KEY/);
    // The recreated lifecycle trigger fires.
    expect(raw.prepare('SELECT customer_id FROM lifecycle_dirty').pluck().all()).toEqual(['c1']);
    await opened.close();
  });

  it('migrates an empty version-22 database and a fresh one to the same schema', async () => {
    const upgraded = path.join(dir, 'empty.db');
    await (await openDatabase({ file: upgraded, migrations: V22 })).close();
    const a = await openDatabase({ file: upgraded });
    const b = await openDatabase({ file: path.join(dir, 'fresh.db') });
    const schemaOf = (o: typeof a) =>
      rawOf(o.db).prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'schema_migrations' ORDER BY type, name").all();
    expect(schemaOf(a)).toEqual(schemaOf(b));
    await a.close();
    await b.close();
  });
});
