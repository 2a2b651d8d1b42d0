import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// The scan itself runs as its own `npm test` step (scripts/electronegativity.mjs, with a planted HIGH window);
// these check the pieces that step trusts: what it scans, how it reads the CSV, and when it fails.

interface Row {
  issue: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}
interface Module {
  stageScanInput(dir: string): Promise<void>;
  parseElectronegativityCsv(text: string): Row[];
  electronegativityVerdict(scans: { project: Row[]; planted: Row[] }): { ok: boolean; lines: string[] };
}

const projectRoot = path.resolve(import.meta.dirname, '..');
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
let m: Module;
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-en-test-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  m = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'electronegativity.mjs')).href)) as Module;
});
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const row = (issue: string, severity: string, file = 'electron/main/main.ts') =>
  ({ issue, severity, file, location: '1:0', sample: 'x', description: 'd' }) satisfies Row;

describe('electronegativity step', () => {
  it('scans electron/main, electron/preload, the CSP module and the page with its built CSP, without tests', async () => {
    const dir = tempDir();
    await m.stageScanInput(dir);
    const files = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((d) => d.isFile())
      .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
    expect(files).toEqual(expect.arrayContaining(['electron/main/createMainWindow.ts', 'electron/main/hardenSession.ts', 'electron/main/main.ts', 'electron/preload/preload.ts', 'shared/security/contentSecurityPolicy.ts', 'renderer/index.html', 'package.json']));
    expect(files.filter((f) => /\.(test|spec)\.ts$/.test(f) || f.includes('node_modules'))).toEqual([]);
    expect(new Set(files.map((f) => f.split('/').slice(0, 2).join('/')))).toEqual(
      new Set(['electron/main', 'electron/preload', 'shared/security', 'renderer/index.html', 'package.json']),
    );
    const page = fs.readFileSync(path.join(dir, 'renderer', 'index.html'), 'utf8');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; [^"]*object-src 'none'[^"]*" \/>/);
  });

  it('reads the CSV the tool writes: quoted fields, doubled quotes, commas inside samples', () => {
    const text = [
      HEADER,
      `OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/main.ts","27:25","openExternal: (url) => shell.openExternal(url), // ""quoted""","Review the use of openExternal",${WIKI}OPEN_EXTERNAL_JS_CHECK`,
      `CSP_GLOBAL_CHECK,"LOW","TENTATIVE","N/A","0:0",N/A,"Failed to parse CSP, it may not be valid.",${WIKI}CSP_GLOBAL_CHECK`,
      '',
    ].join(os.EOL);
    expect(m.parseElectronegativityCsv(text)).toEqual([
      { issue: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', confidence: 'TENTATIVE', file: 'electron/main/main.ts', location: '27:25', sample: 'openExternal: (url) => shell.openExternal(url), // "quoted"', description: 'Review the use of openExternal' },
      { issue: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'TENTATIVE', file: 'N/A', location: '0:0', sample: 'N/A', description: 'Failed to parse CSP, it may not be valid.' },
    ]);
  });

  it('refuses a mangled CSV instead of reading it as "no HIGH rows"', () => {
    // What the tool's racing writes produced here once: the header written over the start of the first row.
    const overwritten = `${HEADER}\nted in the target application",${WIKI}CSP_GLOBAL_CHECK\nSANDBOX_JS_CHECK,"MEDIUM","FIRM","main.js","2:0","x","Use sandbox",${WIKI}SANDBOX_JS_CHECK\n`;
    expect(() => m.parseElectronegativityCsv(overwritten)).toThrow(/malformed electronegativity CSV row 2/);
    expect(() => m.parseElectronegativityCsv('')).toThrow(/not an electronegativity CSV/);
    expect(() => m.parseElectronegativityCsv(`${HEADER}\nX_CHECK,"HIGH","FIRM","a.js","1:0","x","d",${WIKI}Y_CHECK\n`)).toThrow(/malformed/);
    expect(() => m.parseElectronegativityCsv(`${HEADER}\nX_CHECK,"SEVERE","FIRM","a.js","1:0","x","d",${WIKI}X_CHECK\n`)).toThrow(/malformed/);
  });

  it('fails on any HIGH row, and when the planted window is not found HIGH; passes otherwise', () => {
    const planted = [row('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main.js')];
    const medium = [row('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM'), row('CSP_GLOBAL_CHECK', 'LOW')];
    expect(m.electronegativityVerdict({ project: medium, planted }).ok).toBe(true);

    const failed = m.electronegativityVerdict({ project: [...medium, row('NODE_INTEGRATION_JS_CHECK', 'HIGH', 'electron/main/createMainWindow.ts')], planted });
    expect(failed.ok).toBe(false);
    expect(failed.lines.join('\n')).toMatch(/1 HIGH finding\(s\):\n {2}NODE_INTEGRATION_JS_CHECK electron\/main\/createMainWindow.ts:1:0/);

    expect(m.electronegativityVerdict({ project: medium, planted: [row('SANDBOX_JS_CHECK', 'MEDIUM', 'main.js')] }).ok).toBe(false);
  });

  it("orders the tool's two CSV writes (header, then rows) even when the header's write is the slow one", () => {
    const dir = tempDir();
    const csv = path.join(dir, 'out.csv');
    // The header write is delayed before the loader wraps writeFile, so unordered writes would finish rows-first
    // and the header's truncation would then drop the rows, as the tool's own race sometimes does.
    const child = [
      "import fs from 'node:fs';",
      'const real = fs.writeFile;',
      "fs.writeFile = (f, d, o, cb) => { const done = typeof o === 'function' ? o : cb; const opts = typeof o === 'function' ? undefined : o; setTimeout(() => real(f, d, opts, done), opts?.flag === 'a' ? 0 : 200); };",
      'if (process.argv[2]) await import(process.argv[2]);',
      "fs.writeFile(process.argv[3], 'header\\n', (e) => { if (e) throw e; });",
      "fs.writeFile(process.argv[3], 'rows\\n', { flag: 'a' }, (e) => { if (e) throw e; });",
    ].join('\n');
    const script = path.join(dir, 'writes.mjs');
    fs.writeFileSync(script, child);
    const loader = pathToFileURL(path.join(projectRoot, 'scripts', 'electronegativity-ordered-writes.mjs')).href;
    expect(spawnSync(process.execPath, [script, loader, csv], { encoding: 'utf8' }).status).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toBe('header\nrows\n');
  });
});
