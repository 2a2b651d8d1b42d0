import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../test-support/import/importTestKit.ts';

// `renewal-desk export calendar --out FILE.ics [--owner NAME]` through the real CLI bundle: the file it writes
// parses back (ical.js) with its events and alarms; an owner nobody has is an error that writes nothing.

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, RENEWAL_DESK_DB: '', LANG: 'C.UTF-8', LC_ALL: '', RENEWAL_DESK_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-calendar-cli-'));
  db = path.join(dir, 'calendar.db');
  const t = await openTestContext('2026-11-23T02:00:00.000Z');
  const csv = ['客户名称,合同编号,到期日期,合同金额,续费周期,客户等级,负责人', '甲公司,HT-1,2026-12-01,12800,年,VIP,刘洋', '乙公司,HT-2,2026-12-20,100,月,,王芳'];
  await importFile(t, writeFixture(t, `${csv.join('\n')}\n`));
  // A copy of the seeded file with its write-ahead log: SQLite replays the log when the copy is opened.
  fs.copyFileSync(t.file, db);
  if (fs.existsSync(`${t.file}-wal`)) fs.copyFileSync(`${t.file}-wal`, `${db}-wal`);
  await t.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function eventsIn(file: string) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    summary: String(v.getFirstPropertyValue('summary')),
    start: String(v.getFirstPropertyValue('dtstart')),
    triggers: v.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
  }));
}

describe('renewal-desk export calendar', () => {
  it('writes the .ics to --out, every owner or one by name', () => {
    const all = path.join(dir, 'all.ics');
    const r = cli('export', 'calendar', '--out', all, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: all, format: 'ics', rows: 2, fileName: expect.stringMatching(/^续约日历-\d{4}-\d{2}-\d{2}\.ics$/) });
    const events = eventsIn(all);
    expect(events.map((e) => [e.summary, e.start])).toEqual([
      ['合同到期：甲公司 · HT-1', '2026-12-01'],
      ['合同到期：乙公司 · HT-2', '2026-12-20'],
    ]);
    // 普通's ladder (30, 15, 7, 0, −1, −7 days) at 09:00.
    expect(events[1]!.triggers).toEqual([30, 15, 7, 0, -1, -7].map((s) => -s * 86_400 + 9 * 3600));

    const mine = path.join(dir, 'liu.ics');
    expect(cli('export', 'calendar', '--out', mine, '--owner', '刘洋').code).toBe(0);
    expect(eventsIn(mine).map((e) => e.summary)).toEqual(['合同到期：甲公司 · HT-1']);
  });

  it('refuses an owner nobody has, naming it, and writes no file', () => {
    const out = path.join(dir, 'nobody.ics');
    const r = cli('export', 'calendar', '--out', out, '--owner', '张三');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有名为「张三」的负责人');
    expect(fs.existsSync(out)).toBe(false);
  });
});
