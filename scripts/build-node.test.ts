import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The launcher in a project of its own: bin/ and scripts/ copied (they find the project from their own path),
// the sources and node_modules linked, so its bundles go to a temp dist/node/ and the real sources stay untouched.
const projectRoot = path.resolve(import.meta.dirname, '..');
let root: string;
let bundle: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'renewal-desk.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeFakeBundle(mtime: Date) {
  fs.writeFileSync(bundle, "process.stdout.write('FAKE BUNDLE\\n');\n");
  fs.utimesSync(bundle, mtime, mtime);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-node-bundle-'));
  for (const dir of ['bin', 'scripts']) fs.cpSync(path.join(projectRoot, dir), path.join(root, dir), { recursive: true });
  for (const entry of ['shared', 'db', 'electron', 'node_modules', 'package-lock.json']) {
    fs.symlinkSync(path.join(projectRoot, entry), path.join(root, entry));
  }
  bundle = path.join(root, 'dist', 'node', 'cli.mjs');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the CLI launcher (bin/renewal-desk.js)', () => {
  it('builds the missing bundle on first use, then answers from it', () => {
    expect(fs.existsSync(bundle)).toBe(false);
    const r = cli('--help');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('renewal-desk [--db FILE]');
    expect(fs.existsSync(bundle)).toBe(true);
  });

  it('runs a current bundle as it is, and rebuilds one older than its sources', () => {
    writeFakeBundle(new Date(Date.now() + 60_000));
    expect(cli('--help').stdout).toBe('FAKE BUNDLE\n');
    // What `git pull` leaves: sources newer than the bundle.
    writeFakeBundle(new Date(2000, 0, 1));
    const r = cli('--help');
    expect(r.stdout).toContain('renewal-desk [--db FILE]');
    expect(fs.readFileSync(bundle, 'utf8')).not.toContain('FAKE BUNDLE');
  });

  it('answers --help without loading SQLite, zod or the command chunk', () => {
    const loaded = path.join(root, 'loaded.txt');
    const hooks = path.join(root, 'record-loads.mjs');
    fs.writeFileSync(
      hooks,
      `import fs from 'node:fs';
       export async function load(url, context, next) {
         fs.appendFileSync(${JSON.stringify(loaded)}, url + '\\n');
         return next(url, context);
       }`,
    );
    const register = path.join(root, 'register.mjs');
    fs.writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
    const run = (...args: string[]) => {
      fs.writeFileSync(loaded, '');
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(root, 'bin', 'renewal-desk.js'), ...args], { encoding: 'utf8' });
      return { code: r.status, urls: fs.readFileSync(loaded, 'utf8').split('\n').filter(Boolean) };
    };
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.urls.some((u) => u.endsWith('/dist/node/cli.mjs'))).toBe(true);
    expect(help.urls.filter((u) => /node_modules|cliMain-/.test(u))).toEqual([]);
    const bytes = help.urls.filter((u) => u.includes('/dist/node/')).reduce((n, u) => n + fs.statSync(new URL(u)).size, 0);
    expect(bytes).toBeLessThan(20_000);
    // The same recording sees a real command load them, so the check above can fail.
    const info = run('--db', path.join(root, 'x.db'), 'info', '--json');
    expect(info.code).toBe(0);
    expect(info.urls.some((u) => u.includes('/dist/node/chunks/cliMain-'))).toBe(true);
    expect(info.urls.some((u) => u.includes('/node_modules/better-sqlite3/'))).toBe(true);
  });

  it('lets first calls race: four build at once, and every one runs a whole bundle', async () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    const runs = Array.from({ length: 4 }, (_, i) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn(process.execPath, [path.join(root, 'bin', 'renewal-desk.js'), '--db', path.join(root, `race${i}.db`), 'info', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        p.stdout.on('data', (c: Buffer) => (out += c.toString()));
        p.stderr.on('data', (c: Buffer) => (out += c.toString()));
        p.on('close', (code) => resolve({ code, out }));
      }),
    );
    const results = await Promise.all(runs);
    results.forEach((r, i) => {
      expect(r.code, r.out).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ dataFile: path.join(root, `race${i}.db`), integrity: 'ok' });
    });
    expect(fs.readdirSync(path.join(root, 'dist', 'node')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
