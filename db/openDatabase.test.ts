import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations/allMigrations.ts';
import { connectionPragmas, openDatabase } from './openDatabase.ts';
import { AppError } from '../shared/api/appError.ts';
import { renderIn } from '../shared/i18n/message.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-db-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates, migrates and sets the connection pragmas explicitly', async () => {
    const opened = await openDatabase({ file: path.join(dir, 'a.db') });
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(opened.integrity).toBe('ok');
    expect(connectionPragmas(opened.db)).toMatchObject({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 5000 });
    await opened.close();
    const raw = new Database(path.join(dir, 'a.db'));
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['customers', 'tags', 'customer_tags', 'contacts', 'contracts', 'follow_ups', 'owners', 'settings', 'audit_log', 'schema_migrations']),
    );
    // Every table carries created_at / updated_at / version (search index tables are derived data).
    for (const table of ['customers', 'tags', 'customer_tags', 'contacts', 'contracts', 'follow_ups', 'owners', 'settings', 'audit_log']) {
      const cols = raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
      expect(cols, table).toEqual(expect.arrayContaining(['created_at', 'updated_at', 'version']));
    }
    raw.close();
  });

  it('refuses a database written by a newer version with a clear message and leaves it byte-for-byte untouched', async () => {
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY); INSERT INTO future_things VALUES (\'x\');');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    await expect(openDatabase({ file })).rejects.toMatchObject({
      code: 'DB_NEWER',
      message: expect.stringContaining('由更新版本的续约管家写入'),
    });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'newer-backups'))).toBe(false);
  });

  it('backs up before migrating an existing database, and runs each migration in its own transaction', async () => {
    const file = path.join(dir, 'upgrade.db');
    await (await openDatabase({ file, migrations: ALL_MIGRATIONS })).close();
    const good = { version: LATEST_SCHEMA_VERSION + 1, name: 'add_col', sql: 'ALTER TABLE customers ADD COLUMN website TEXT;' };
    const broken = { version: LATEST_SCHEMA_VERSION + 2, name: 'broken', sql: 'CREATE TABLE half_done (id TEXT); SELECT * FROM no_such_table;' };
    await expect(openDatabase({ file, migrations: [...ALL_MIGRATIONS, good, broken] })).rejects.toThrow(/no_such_table/);
    const backups = fs.readdirSync(path.join(dir, 'upgrade-backups'));
    expect(backups).toEqual([expect.stringMatching(new RegExp(`^renewal-desk-.*-pre-migrate-v${LATEST_SCHEMA_VERSION}\\.db$`))]);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('customers')).toContain('website');
    raw.close();
  });

  it('reports a corrupt file as DB_CORRUPT instead of crashing', async () => {
    const file = path.join(dir, 'corrupt.db');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), crypto.randomBytes(8192)]));
    await expect(openDatabase({ file })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
  });

  describe('a file that is not an archive', () => {
    const refusal = async (file: string, key: string) => {
      const error: unknown = await openDatabase({ file }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError).toMatchObject({ code: 'DB_CORRUPT', detail: { key, params: { file } } });
      // Worded in both languages: which file, what is wrong, and what to do.
      const zh = renderIn('zh-CN', appError.detail);
      const en = renderIn('en-US', appError.detail);
      for (const text of [zh, en]) expect(text).toContain(file);
      expect(zh).toMatch(/备份.*移到别处/);
      expect(en).toMatch(/backups.*move the file elsewhere/);
      return { zh, en };
    };
    const untouched = (file: string, bytes: Buffer) => {
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      // No backup of it, and no journal files beside it.
      expect(fs.readdirSync(dir).sort()).toEqual([path.basename(file)]);
    };

    it('refuses a zero-length file instead of opening it as a new, empty archive, and leaves it as it was', async () => {
      const file = path.join(dir, 'empty.db');
      fs.writeFileSync(file, '');
      const { zh, en } = await refusal(file, 'inputLimits.dbEmptyFile');
      expect(zh).toContain('0 字节');
      expect(en).toContain('0 bytes');
      untouched(file, Buffer.alloc(0));
    });

    it('refuses a file that is not SQLite (a sheet, a short text) and leaves its bytes alone', async () => {
      for (const [name, bytes] of [
        ['sheet.db', Buffer.from('客户名称,到期日期\r\n杭州云启科技有限公司,2026-12-31\r\n'.repeat(50))],
        ['short.db', Buffer.from('hello')],
        ['zeros.db', Buffer.alloc(4096)],
      ] as const) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes);
        const { en } = await refusal(file, 'inputLimits.dbNotSqlite');
        expect(en).toContain('not an SQLite database');
        untouched(file, bytes);
        fs.rmSync(file);
      }
    });

    it('still creates a missing file as a new archive', async () => {
      const file = path.join(dir, 'new.db');
      const opened = await openDatabase({ file });
      expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      await opened.close();
      expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    });
  });

  it('rolls back a write transaction as a whole', async () => {
    const { withTransaction } = await import('./withTransaction.ts');
    const { insertAudited } = await import('./repositories/auditedWrites.ts');
    const { countLiveCustomers } = await import('./repositories/customersRepo.ts');
    const opened = await openDatabase({ file: path.join(dir, 'tx.db') });
    const meta = { actor: 't', at: '2026-01-01T00:00:00.000Z', action: 'create' };
    const row = (id: string, name: string) => ({
      id, name, code: null, industry: null, tier: 'normal', owner_id: null, lifecycle_stage: 'customer', source: null,
      custom_fields: '{}', notes: null, next_expiry_on: null, archived_at: null, deleted_at: null,
    });
    await expect(
      withTransaction(opened.db, async (tx) => {
        await insertAudited(tx, 'customers', row('1', '甲'), meta);
        await insertAudited(tx, 'customers', row('2', '甲'), meta); // violates the live-name unique index
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await countLiveCustomers(opened.db)).toBe(0);
    await opened.close();
  });
});

describe('close', () => {
  it('closes the connection and checkpoints the WAL even when no query ran', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-close-'));
    const file = path.join(d, 'c.db');
    const opened = await openDatabase({ file });
    await opened.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    fs.rmSync(d, { recursive: true, force: true });
  });
});
