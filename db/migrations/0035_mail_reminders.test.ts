import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS, LATEST_SCHEMA_VERSION } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0035-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-12-01T01:00:00.000Z';

describe('migration 0035: the mail outbox and the owners opt-outs', () => {
  it('upgrades an older archive; a notification is mailed once per address, and takes its mail when removed', async () => {
    const file = path.join(dir, 'old.db');
    await (await openDatabase({ file, now: () => new Date(AT), migrations: ALL_MIGRATIONS.filter((m) => m.version < 35) })).close();
    const opened = await openDatabase({ file, now: () => new Date(AT) });
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const raw = rawOf(opened.db);
    raw.prepare("INSERT INTO owners (id, name, email, created_at, updated_at) VALUES ('o1', 'A', 'a@example.com', ?, ?)").run(AT, AT);
    raw
      .prepare(
        `INSERT INTO notifications (id, tick_id, kind, customer_name, due_at, fired_at, title, body, created_at, updated_at)
         VALUES ('n1', 't1', 'expiry', 'C', ?, ?, 'T', 'B', ?, ?)`,
      )
      .run(AT, AT, AT, AT);
    const queue = raw.prepare(
      `INSERT INTO mail_outbox (id, notification_id, owner_id, recipient, status, next_attempt_at, sent_at, created_at, updated_at)
       VALUES (?, 'n1', 'o1', ?, ?, ?, ?, ?, ?)`,
    );
    queue.run('m1', 'a@example.com', 'pending', AT, null, AT, AT);
    expect(() => queue.run('m2', 'a@example.com', 'pending', AT, null, AT, AT)).toThrow(/UNIQUE/);
    expect(() => queue.run('m3', 'b@example.com', 'bounced', AT, null, AT, AT)).toThrow(/CHECK/);
    expect(() => queue.run('m4', 'b@example.com', 'sent', AT, null, AT, AT)).toThrow(/CHECK/);
    queue.run('m5', 'b@example.com', 'sent', AT, AT, AT, AT);
    raw.prepare("INSERT INTO owner_mail_opt_outs (owner_id, created_at, updated_at) VALUES ('o1', ?, ?)").run(AT, AT);
    expect(() => raw.prepare("INSERT INTO owner_mail_opt_outs (owner_id, created_at, updated_at) VALUES ('nobody', ?, ?)").run(AT, AT)).toThrow(/FOREIGN KEY/);
    raw.prepare("DELETE FROM notifications WHERE id = 'n1'").run();
    expect(raw.prepare('SELECT count(*) AS n FROM mail_outbox').get()).toEqual({ n: 0 });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await opened.close();
  });
});
