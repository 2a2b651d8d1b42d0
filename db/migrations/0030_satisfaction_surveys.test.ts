import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0030-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';

describe('migration 0030: satisfaction surveys', () => {
  it('adds the survey tables beside the old ones, seeds the three dimensions, and marks the customer dirty on every survey write', async () => {
    const file = path.join(dir, 'v29.db');
    const old = await openDatabase({ file, now: () => new Date(AT), migrations: ALL_MIGRATIONS.filter((m) => m.version <= 29) });
    const before = rawOf(old.db).prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    await old.close();

    const opened = await openDatabase({ file, now: () => new Date(AT), migrations: ALL_MIGRATIONS.filter((m) => m.version <= 30) });
    expect(opened).toMatchObject({ migratedFrom: 29, schemaVersion: 30 });
    const raw = rawOf(opened.db);
    // Nothing that was there changed.
    const after = raw.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    expect(after.filter((r) => before.some((b) => JSON.stringify(b) === JSON.stringify(r)))).toEqual(before);
    expect(raw.prepare('SELECT id, code, name, position, retired_on FROM survey_dimensions ORDER BY position').all()).toEqual([
      { id: 'dim-product-quality', code: 'productQuality', name: null, position: 10, retired_on: null },
      { id: 'dim-service-attitude', code: 'serviceAttitude', name: null, position: 20, retired_on: null },
      { id: 'dim-resolution-speed', code: 'resolutionSpeed', name: null, position: 30, retired_on: null },
    ]);

    raw.prepare("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'A', ?, ?), ('c2', 'B', ?, ?)").run(AT, AT, AT, AT);
    const dirty = () => raw.prepare('SELECT customer_id FROM health_dirty ORDER BY customer_id').pluck().all();
    raw.prepare('DELETE FROM health_dirty').run();
    raw.prepare(`INSERT INTO surveys (id, customer_id, on_date, channel, scores, created_at, updated_at) VALUES ('s1', 'c1', '2026-01-05', 'phone', '{"dim-product-quality":4}', ?, ?)`).run(AT, AT);
    expect(dirty()).toEqual(['c1']);
    raw.prepare('DELETE FROM health_dirty').run();
    raw.prepare("UPDATE surveys SET comment = 'x' WHERE id = 's1'").run();
    expect(dirty()).toEqual([]);
    raw.prepare(`UPDATE surveys SET customer_id = 'c2', scores = '{"dim-product-quality":2}' WHERE id = 's1'`).run();
    expect(dirty()).toEqual(['c1', 'c2']);
    raw.prepare('DELETE FROM health_dirty').run();
    raw.prepare("DELETE FROM surveys WHERE id = 's1'").run();
    expect(dirty()).toEqual(['c2']);
    // Scores are a JSON object; the channel is a follow-up channel.
    expect(() => raw.prepare(`INSERT INTO surveys (id, customer_id, on_date, channel, scores, created_at, updated_at) VALUES ('s2', 'c1', '2026-01-05', 'phone', '[4]', ?, ?)`).run(AT, AT)).toThrow(/CHECK/);
    expect(() => raw.prepare(`INSERT INTO surveys (id, customer_id, on_date, channel, scores, created_at, updated_at) VALUES ('s2', 'c1', '2026-01-05', 'fax', '{}', ?, ?)`).run(AT, AT)).toThrow(/CHECK/);
    await opened.close();
  });
});
