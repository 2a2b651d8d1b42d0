import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../test-support/import/encodeGb18030.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'renewal-desk.js');
// No language in the environment: until it opens an archive the CLI speaks its default, zh-CN.
const CHINESE_DEFAULT = { RENEWAL_DESK_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
let dir: string;
let db: string;

function cli(...args: string[]) {
  return cliIn(root, ...args);
}

function cliIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: 60_000,
    env: { ...process.env, RENEWAL_DESK_DB: '', ...CHINESE_DEFAULT },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HEADER = '序号,公司名称,联系人,合同号,签约日期,合同到期日,金额,周期,等级';
const GOOD = '1,杭州云启科技有限公司,张伟,HT-1,2025/3/1,2026年2月28日,"￥12,800",年,VIP';
const BAD = '2,南京君和医疗器械有限公司,李娜,HT-2,2025-03-01,2025-02-30,面议,月,普通';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-import-cli-'));
  db = path.join(dir, 'x.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each case spawns the CLI a few times; on a busy two-core CI machine that takes a while.
describe('renewal-desk import / export / undo-import', { timeout: 120_000 }, () => {
  it('--strict aborts with exit 1 but still prints the JSON with committed: false', () => {
    const file = path.join(dir, 'sheet.csv');
    fs.writeFileSync(file, encodeGb18030(`${HEADER}\r\n${GOOD}\r\n${BAD}\r\n`));
    const r = cli('import', file, '--strict', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ committed: false, strictAborted: true, batchId: null, rows: 2, rejectedRows: 1 });
  });

  it('commits valid rows with exit 0, reporting rejected rows, and prints the exact contract fields', () => {
    const r = cli('import', path.join(dir, 'sheet.csv'), '--kind', 'contracts', '--encoding', 'auto', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      committed: true,
      rows: 2,
      contractsCreated: 1,
      contractsUpdated: 0,
      contractsUnchanged: 0,
      customersCreated: 1,
      customersUpdated: 0,
      ignoredColumns: ['序号'],
      warnings: [],
      duplicates: [],
      batchId: expect.any(String),
    });
    expect(out.rejected).toEqual([
      { line: 3, column: '合同到期日', message: '日期不存在：2025-02-30', key: 'reasons.noSuchDate', params: { text: '2025-02-30' } },
      { line: 3, column: '金额', message: '合同金额不是数字：面议', key: 'reasons.amountNotNumber', params: { text: '面议' } },
    ]);
    const dry = JSON.parse(cli('import', path.join(dir, 'sheet.csv'), '--dry-run', '--json').stdout);
    expect(dry).toMatchObject({ committed: false, dryRun: true, contractsCreated: 0, contractsUnchanged: 1 });

    const out2 = path.join(dir, 'out.csv');
    const exported = cli('export', 'contracts', '--out', out2, '--headers', 'en', '--json');
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(out2, 'utf8')).toBe(
      '\uFEFFCustomer,Contact,Title,Phone,Contract No,Signed,Start Date,End Date,Amount,Service,Cycle,Tier,Owner,Renewal Status,Renewal Date,Renewal Amount,Lost Reason,Reminder Date,Notes\r\n' +
        '杭州云启科技有限公司,张伟,,,HT-1,2025-03-01,,2026-02-28,12800.00,,年,VIP,,待跟进,,,,,\r\n',
    );

    const history = JSON.parse(cli('imports', '--json').stdout);
    expect(history.items[0]).toMatchObject({ batchId: out.batchId, rows: 2, undoneAt: null });
    const undo = cli('undo-import', out.batchId, '--json');
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ batchId: out.batchId });
    expect(JSON.parse(cli('customers', 'list', '--json').stdout).total).toBe(0);
    expect(cli('undo-import', out.batchId, '--json').code).toBe(1);
  });

  it('exits 2 with a message on stderr for an unreadable file or a usage error', () => {
    const missing = cli('import', path.join(dir, 'nope.csv'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(JSON.parse(missing.stderr).error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(cli('import', xls).stderr).toContain('.xls');
    expect(cli('import', '--json').code).toBe(2);
    expect(cli('import', 'a.csv', 'b.csv').code).toBe(2);
    expect(cli('import', path.join(dir, 'sheet.csv'), '--kind', 'orders').code).toBe(2);
    expect(cli('export', 'contracts', '--out', path.join(dir, 'no', 'such', 'dir.csv')).code).toBe(2);
  });

  it('reads --map-file itself: only a regular file of at most 1 MiB, and never echoes its content', () => {
    const sheet = path.join(dir, 'sheet.csv');
    const zero = cli('import', sheet, '--map-file', '/dev/zero', '--json');
    expect(zero.code).toBe(2);
    expect(JSON.parse(zero.stderr).error).toMatchObject({ code: 'VALIDATION', field: 'mapFile' });
    const secret = path.join(dir, 'shadow');
    fs.writeFileSync(secret, 'root:*:20210:0:99999:7:::\ndaemon:*:20210:0:99999:7:::\n');
    const leaked = cli('import', sheet, '--map-file', secret, '--json');
    expect(leaked.code).toBe(2);
    expect(JSON.parse(leaked.stderr).error).toMatchObject({ field: 'mapFile', key: 'cliFiles.mapFileJson' });
    expect(leaked.stderr).not.toContain('root:');
    expect(leaked.stderr).not.toContain('20210');
    const trailing = path.join(dir, 'trailing.json');
    fs.writeFileSync(trailing, '{"columns": {"备注": null},\n}');
    expect(JSON.parse(cli('import', sheet, '--map-file', trailing, '--json').stderr).error).toMatchObject({
      key: 'cliFiles.mapFileJsonAt',
      params: { line: 2, column: 1 },
    });
    const big = path.join(dir, 'big-map.json');
    fs.writeFileSync(big, `{"columns":{},"pad":"${'x'.repeat(1024 * 1024)}"}`);
    expect(JSON.parse(cli('import', sheet, '--map-file', big, '--json').stderr).error).toMatchObject({ field: 'mapFile', key: 'cliFiles.tooLarge' });
  });

  it('writes an export under its suggested name in the current folder, and never over an existing file', () => {
    const here = fs.mkdtempSync(path.join(dir, 'cwd-'));
    const first = cliIn(here, 'export', 'customers', '--json');
    expect(first.code).toBe(0);
    const written = JSON.parse(first.stdout);
    expect(path.dirname(written.file)).toBe(here);
    expect(fs.readFileSync(written.file, 'utf8').startsWith('\uFEFF客户名称')).toBe(true);
    const again = cliIn(here, 'export', 'customers', '--json');
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr).error).toMatchObject({ field: 'out', key: 'cliFiles.exists' });
    expect(fs.readdirSync(here)).toEqual([path.basename(written.file)]);
  });

  it('writes a large JSON result to a pipe completely; past the first 1000 problems, import-issues saves them all', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `${i},客户${i},,HT-X${i},,2025-02-30,,年,`);
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
    const r = cli('import', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rejected).toHaveLength(1000);
    expect(out.rejected[999]).toMatchObject({ line: 1001 });
    expect(out.issueCounts).toEqual({ rejected: 6000, warnings: 0 });

    const human = cli('import', file, '--dry-run');
    expect(human.stdout).toMatch(/另有 5000 条未列出。全部问题（CSV）：renewal-desk import-issues [0-9a-f-]{36} --out/);
    const saved = path.join(dir, 'problems.csv');
    const issues = cli('import-issues', out.issuesReport, '--out', saved, '--json');
    expect(issues.code).toBe(0);
    expect(JSON.parse(issues.stdout)).toMatchObject({ file: saved, rows: 6000 });
    const lines = fs.readFileSync(saved, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(6001);
    expect(lines[6000]).toMatch(/^6001,合同到期日,/);
  });
});
