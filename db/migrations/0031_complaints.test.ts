import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0031-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-12-04T02:00:00.000Z';

describe('migration 0031: complaints', () => {
  it('adds the two tables beside an older archive, keeps its rows, checks the flow columns and marks health', async () => {
    const file = path.join(dir, 'old.db');
    const older = await openDatabase({ file, migrations: ALL_MIGRATIONS.filter((m) => m.version < 31) });
    const raw0 = rawOf(older.db);
    raw0.prepare(`INSERT INTO owners (id, name, created_at, updated_at) VALUES ('o1', 'A', @at, @at)`).run({ at: AT });
    raw0.prepare(`INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'B', @at, @at)`).run({ at: AT });
    const before = raw0.prepare('SELECT COUNT(*) AS n FROM customers').get();
    await older.close();

    const opened = await openDatabase({ file, migrations: ALL_MIGRATIONS });
    const raw = rawOf(opened.db);
    expect(raw.prepare('SELECT COUNT(*) AS n FROM customers').get()).toEqual(before);
    const insert = (id: string, step: string, closedAt: string | null, satisfaction: number | null = null) =>
      raw
        .prepare(
          `INSERT INTO complaints (id, customer_id, summary, category, severity, step, handler_id, received_at, due_at, closed_at, satisfaction, created_at, updated_at)
           VALUES (?, 'c1', 's', 'k', 'normal', ?, 'o1', @at, @at, ?, ?, @at, @at)`,
        )
        .run(id, step, closedAt, satisfaction, { at: AT });
    raw.prepare('DELETE FROM health_dirty').run();
    insert('p1', 'accepted', null);
    expect(raw.prepare('SELECT customer_id FROM health_dirty').all()).toEqual([{ customer_id: 'c1' }]);
    // Closed exactly when closed_at is set; a step outside the flow, a severity outside the list, satisfaction 0: refused.
    expect(() => insert('p2', 'closed', null)).toThrow(/CHECK/);
    expect(() => insert('p3', 'handling', AT)).toThrow(/CHECK/);
    expect(() => insert('p4', 'reopened', null)).toThrow(/CHECK/);
    expect(() => insert('p5', 'feedback', null, 0)).toThrow(/CHECK/);
    // One live row per step of a complaint.
    const step = raw.prepare(
      `INSERT INTO complaint_steps (id, complaint_id, step, handler_id, at, created_at, updated_at) VALUES (?, 'p1', 'accepted', 'o1', @at, @at, @at)`,
    );
    step.run('s1', { at: AT });
    expect(() => step.run('s2', { at: AT })).toThrow(/UNIQUE/);
    await opened.close();
  });
});
