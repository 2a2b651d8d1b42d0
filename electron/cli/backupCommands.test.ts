import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
let dir: string;
let here: string;
let there: string;
/** The backup `restore` took of the other archive before replacing its data (test 1), carried over in test 2. */
let safetyName: string;

function cli(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, RENEWAL_DESK_DB: '', RENEWAL_DESK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const names = (db: string) => JSON.parse(cli(db, 'customers', 'list', '--json').stdout).items.map((c: { name: string }) => c.name).sort();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-backup-cli-'));
  here = path.join(dir, 'here', 'x.db');
  there = path.join(dir, 'there', 'y.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each case spawns the CLI a few times; on a busy two-core CI machine that takes a while.
describe('renewal-desk restore / backup export-encrypted / export archive', { timeout: 120_000 }, () => {
  it('exports an encrypted backup and restores it into another archive with a passphrase file; a wrong one changes nothing', () => {
    expect(cli(here, 'customers', 'add', '--name', '杭州云启科技有限公司').code).toBe(0);
    const out = path.join(dir, 'handover.rdbackup');
    const exported = cli(here, 'backup', 'export-encrypted', '--out', out, '--passphrase', 'correct horse', '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file: out, sizeBytes: fs.statSync(out).size });
    expect(fs.readFileSync(out).subarray(0, 8).toString('latin1')).toBe('RDESKENC');

    expect(cli(there, 'customers', 'add', '--name', '另一台电脑上的客户').code).toBe(0);
    const wrong = cli(there, 'restore', out, '--passphrase', 'wrong horse', '--json');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stderr).error).toMatchObject({ field: 'passphrase', key: 'backups.wrongPassphrase' });

    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'correct horse\n');
    const restored = cli(there, 'restore', out, '--passphrase-file', secret, '--json');
    expect(restored.code).toBe(0);
    const answer = JSON.parse(restored.stdout);
    expect(answer).toMatchObject({ restoredFrom: 'handover.rdbackup', safetyBackup: expect.stringMatching(/-pre-restore\.db$/) });
    safetyName = answer.safetyBackup;
    expect(names(there)).toEqual(['杭州云启科技有限公司']);
  });

  // Restoring a listed name is cli.test.ts's; here, what a name-like word means when it is not in the list.
  it('refuses a backup name that is not listed, and uploads a local file that has a backup name', () => {
    const missing = cli(there, 'restore', 'renewal-desk-20200101-000000-000-manual.db', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).error).toMatchObject({ field: 'name', key: 'backups.notInList' });

    // A backup carried over from another machine, under its own name: a file here, not in this archive's list.
    fs.copyFileSync(path.join(dir, 'there', 'y-backups', safetyName), path.join(dir, safetyName));
    expect(cli(here, 'restore', safetyName, '--json').code).toBe(0);
    expect(names(here)).toEqual(['另一台电脑上的客户']);
  });

  it('exports the whole archive as a workbook, and refuses another format as a usage error', () => {
    const out = path.join(dir, 'archive.xlsx');
    const r = cli(here, 'export', 'archive', '--out', out, '--headers', 'en', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, format: 'xlsx', rows: expect.any(Number) });
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(cli(here, 'export', 'archive', '--out', path.join(dir, 'archive.csv')).code).toBe(2);
  });
});
