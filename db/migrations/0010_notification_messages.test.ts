import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { listNotifications } from '../repositories/notificationsRepo.ts';
import { ALL_MIGRATIONS, LATEST_SCHEMA_VERSION } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0010-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const V9 = ALL_MIGRATIONS.filter((m) => m.version <= 9);

describe('migration 0010: notifications keep their catalogue keys and facts', () => {
  it('adds the three columns empty; a notification from before keeps its stored text, and nothing else changes', async () => {
    const file = path.join(dir, 'v9.db');
    const v9 = await openDatabase({ file, migrations: V9 });
    rawOf(v9.db)
      .prepare(
        `INSERT INTO notifications (id, tick_id, kind, customer_name, due_at, fired_at, title, body, created_at, updated_at)
         VALUES ('n1', 't1', 'expiry', '甲公司', ?, ?, '甲公司：合同30 天后到期', '甲公司 的合同 HT-1 将于 2026-02-04 到期', ?, ?)`,
      )
      .run(AT, AT, AT, AT);
    await v9.close();
    const before = new Database(file, { readonly: true });
    const oldRow = before.prepare("SELECT * FROM notifications WHERE id = 'n1'").get();
    before.close();

    const opened = await openDatabase({ file, now: () => new Date(AT) });
    expect(opened).toMatchObject({ migratedFrom: 9, schemaVersion: LATEST_SCHEMA_VERSION });
    const raw = rawOf(opened.db);
    const row = raw.prepare("SELECT * FROM notifications WHERE id = 'n1'").get() as Record<string, unknown>;
    expect(row).toEqual({ ...(oldRow as object), title_key: null, body_key: null, message_params: null });
    const { rows } = await listNotifications(opened.db, { unreadOnly: false, offset: 0, limit: 10 });
    expect(rows[0]).toMatchObject({ title: '甲公司：合同30 天后到期', titleKey: null, bodyKey: null, messageParams: null });
    expect(raw.prepare('SELECT version, name FROM schema_migrations WHERE version = 10').get()).toEqual({ version: 10, name: 'notification_messages' });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await opened.close();
  });
});
