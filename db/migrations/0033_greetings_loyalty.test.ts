import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0033-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';

describe('migration 0033: greetings and loyalty tables', () => {
  it('adds the four tables to an older archive and keeps its rows; the checks refuse bad rows', async () => {
    const file = path.join(dir, 'a.db');
    const older = await openDatabase({ file, migrations: ALL_MIGRATIONS.filter((m) => m.version < 33) });
    rawOf(older.db).prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'A', ?, ?), ('c2', 'B', ?, ?)").run(AT, AT, AT, AT);
    await older.close();
    const opened = await openDatabase({ file, migrations: ALL_MIGRATIONS.filter((m) => m.version <= 33) });
    expect(opened.schemaVersion).toBe(33);
    const raw = rawOf(opened.db);
    expect(raw.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 2 });
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('message_templates', 'renewal_offers', 'loyalty_points', 'referrals') ORDER BY name").all();
    expect(tables.map((t: any) => t.name)).toEqual(['loyalty_points', 'message_templates', 'referrals', 'renewal_offers']);
    const add = (sqlText: string) => () => raw.prepare(sqlText).run();
    add(`INSERT INTO referrals (id, referrer_id, referred_id, referred_on, created_at, updated_at) VALUES ('r1', 'c1', 'c2', '2026-01-05', '${AT}', '${AT}')`)();
    expect(add(`INSERT INTO referrals (id, referrer_id, referred_id, referred_on, created_at, updated_at) VALUES ('r2', 'c1', 'c1', '2026-01-05', '${AT}', '${AT}')`)).toThrow(/CHECK/);
    expect(add(`INSERT INTO loyalty_points (id, customer_id, occurred_on, points, reason, created_at, updated_at) VALUES ('p1', 'c1', '2026-01-05', 0, 'x', '${AT}', '${AT}')`)).toThrow(/CHECK/);
    expect(add(`INSERT INTO message_templates (id, tier_code, kind, body, created_at, updated_at) VALUES ('m1', 'vip', 'fax', 'x', '${AT}', '${AT}')`)).toThrow(/CHECK/);
    await opened.close();
  });
});
