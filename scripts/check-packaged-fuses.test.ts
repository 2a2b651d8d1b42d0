import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { flipFuses } from '@electron/fuses';
import { SENTINEL } from '@electron/fuses/dist/constants.js';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// No Electron binary here: a stand-in file carries a fuse wire as Electron 41 ships it (after @electron/fuses'
// sentinel: version 1, length 8, then '1'/'0' per fuse), and electron-builder's own mapping and @electron/fuses'
// own flipFuses set it, as packaging does.

interface Module {
  packagedFuseMismatches(app: string, configFile?: string): Promise<string[]>;
}

const projectRoot = path.resolve(import.meta.dirname, '..');
const script = path.join(projectRoot, 'scripts', 'check-packaged-fuses.mjs');
// Electron's defaults: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off.
const SHIPPED_WIRE = '10110001';
let m: Module;
const dirs: string[] = [];

function fakeElectronBinary(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-fuses-'));
  dirs.push(dir);
  const file = path.join(dir, 'renewal-desk');
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(SHIPPED_WIRE), Buffer.alloc(4096, 9)]));
  return file;
}

async function packageLike(file: string, configFile = 'build/electron-builder.yml'): Promise<void> {
  const config = await getConfig(projectRoot, configFile, null);
  const generate: (f: unknown) => Parameters<typeof flipFuses>[1] = PlatformPackager.prototype['generateFuseConfig'];
  await flipFuses(file, generate.call(undefined, config.electronFuses));
}

beforeAll(async () => {
  m = (await import(pathToFileURL(script).href)) as Module;
});
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('check-packaged-fuses', () => {
  it('lists every fuse a binary left as Electron ships it', async () => {
    expect(await m.packagedFuseMismatches(fakeElectronBinary())).toEqual([
      'RunAsNode: wanted off, the binary has it on',
      'EnableCookieEncryption: wanted on, the binary has it off',
      'EnableNodeOptionsEnvironmentVariable: wanted off, the binary has it on',
      'EnableNodeCliInspectArguments: wanted off, the binary has it on',
      'EnableEmbeddedAsarIntegrityValidation: wanted on, the binary has it off',
      'OnlyLoadAppFromAsar: wanted on, the binary has it off',
    ]);
  });

  it('passes a binary flipped the way electron-builder flips it, and exits 0/1 as a CI step', async () => {
    const packaged = fakeElectronBinary();
    await packageLike(packaged);
    expect(await m.packagedFuseMismatches(packaged)).toEqual([]);
    expect(spawnSync(process.execPath, [script, packaged], { cwd: projectRoot }).status).toBe(0);
    expect(spawnSync(process.execPath, [script, fakeElectronBinary()], { cwd: projectRoot }).status).toBe(1);
  });

  it('tells the smoke build (--inspect allowed) from the release build', async () => {
    const release = fakeElectronBinary();
    await packageLike(release);
    expect(await m.packagedFuseMismatches(release, 'build/electron-builder.smoke.yml')).toEqual(['EnableNodeCliInspectArguments: wanted on, the binary has it off']);
    const smoke = fakeElectronBinary();
    await packageLike(smoke, 'build/electron-builder.smoke.yml');
    expect(await m.packagedFuseMismatches(smoke, 'build/electron-builder.smoke.yml')).toEqual([]);
  });
});
