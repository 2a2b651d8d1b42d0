import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ELECTRON_NATIVE_ADDON as MAIN_READS } from '../electron/main/electronNativeBinding.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const electronInstalled = fs.existsSync(path.join(projectRoot, 'node_modules', 'electron', 'path.txt'));

describe('npm start', () => {
  // Runs the real script and electron's real install.js, pointed at a closed local port so the download fails
  // the same way with or without internet. Where a binary is installed the script would launch it instead.
  it.skipIf(electronInstalled)('explains a failed Electron download in zh-CN and English, suggests npm run web, exits 1', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-electron-cache-'));
    try {
      const run = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'start-electron.mjs'), '--db', path.join(cache, 'x.db')], {
        cwd: projectRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          npm_config_electron_mirror: 'http://127.0.0.1:9/',
          electron_config_cache: cache,
          ELECTRON_SKIP_BINARY_DOWNLOAD: '',
        },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('无法获取 Electron');
      expect(run.stderr).toContain('Could not get the Electron');
      expect(run.stderr).toContain('npm run web');
      // It stops there: nothing is compiled or bundled for an app that cannot run.
      expect(run.stderr).not.toContain('better-sqlite3');
      expect(fs.existsSync(path.join(cache, 'x.db'))).toBe(false);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('builds better-sqlite3 where electron/main looks for it', async () => {
    const { ELECTRON_NATIVE_ADDON } = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'electronNativeSqlite.mjs')).href)) as {
      ELECTRON_NATIVE_ADDON: string;
    };
    expect(ELECTRON_NATIVE_ADDON).toBe(path.join(...MAIN_READS));
  });
});

describe('isStale', () => {
  it('is stale when an output is missing or a source (not a test) is newer than the oldest output', async () => {
    const { isStale } = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'isStale.mjs')).href)) as {
      isStale(outputs: string[], sources: string[]): boolean;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-stale-'));
    try {
      const src = path.join(dir, 'src');
      fs.mkdirSync(src);
      const at = (file: string, seconds: number) => {
        fs.writeFileSync(file, '');
        fs.utimesSync(file, seconds, seconds);
      };
      at(path.join(src, 'a.ts'), 1000);
      fs.utimesSync(src, 1000, 1000);
      const out = path.join(dir, 'out.js');
      expect(isStale([out], [src])).toBe(true);
      at(out, 2000);
      expect(isStale([out], [src])).toBe(false);
      at(path.join(src, 'a.test.ts'), 3000);
      fs.utimesSync(src, 1000, 1000);
      expect(isStale([out], [src])).toBe(false);
      at(path.join(src, 'b.ts'), 3000);
      expect(isStale([out], [src])).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
