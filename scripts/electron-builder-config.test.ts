import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// electron-builder cannot fetch its tool sets here, so installers are built elsewhere; this checks the config
// with electron-builder's own loader and schema validation, plus the choices the app depends on.

const projectRoot = path.resolve(import.meta.dirname, '..');
const configFile = path.join('build', 'electron-builder.yml');

async function load() {
  return getConfig(projectRoot, configFile, null);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked for real: an unknown option is rejected', async () => {
    const config = { ...(await load()), linuxx: {} } as Parameters<typeof validateConfiguration>[0];
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/linuxx/);
  });

  it('packages the bundles as the app, entered through the main bundle', async () => {
    const config = await load();
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { main: string };
    expect(config.appId).toBe('com.renewaldesk.app');
    expect(config.productName).toBe('续约管家');
    expect(config.extraMetadata?.['main']).toBe('dist-electron/main/main.js');
    expect(pkg.main).toBe('dist-electron/main/main.js');
    // getConfig normalises `files` into file sets.
    const patterns = [config.files].flat().flatMap((set) => (typeof set === 'string' ? [set] : [set?.filter ?? []].flat()));
    expect(patterns).toEqual(expect.arrayContaining(['package.json', 'dist/renderer/**/*', 'dist-electron/**/*', '!**/*.map']));
  });

  it('unpacks native code from the asar', async () => {
    const config = await load();
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*.node', 'node_modules/node-notifier/vendor/**/*']);
    expect(fs.existsSync(path.join(projectRoot, 'node_modules', 'node-notifier', 'vendor'))).toBe(true);
  });

  it('targets AppImage and deb, NSIS and dmg, with an icon large enough for every platform', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(icon).toBe('build/icon.png');
    }
    // macOS needs at least 512×512, Windows 256×256.
    expect(pngSize(path.join(projectRoot, 'build', 'icon.png'))).toEqual({ width: 1024, height: 1024 });
  });
});
