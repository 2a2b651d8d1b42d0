import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../electron/main/appUserModelId.ts';

// electron-builder cannot fetch its tool sets here, so installers are built elsewhere; this checks the config
// with electron-builder's own loader, schema validation, file matcher and fuse mapping, plus the choices the
// app depends on.

const projectRoot = path.resolve(import.meta.dirname, '..');
const configFile = path.join('build', 'electron-builder.yml');
const smokeConfigFile = path.join('build', 'electron-builder.smoke.yml');
const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

async function load(file = configFile) {
  return getConfig(projectRoot, file, null);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Which of `files` (relative to the project) the patterns take, decided by electron-builder's own matcher. */
function matched(patterns: string[], files: string[]): string[] {
  const filter = new FileMatcher(projectRoot, '/app', (p) => p, patterns).createFilter();
  const aFile = fs.statSync(path.join(projectRoot, 'package.json'));
  return files.filter((f) => filter(path.join(projectRoot, f), aFile));
}

/** The fuse wire electron-builder hands to @electron/fuses for a config's electronFuses. */
function fuseWire(fuses: unknown): Record<string, unknown> {
  const generate: (f: unknown) => Record<string, unknown> = PlatformPackager.prototype['generateFuseConfig'];
  return generate.call(undefined, fuses);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(path.join(projectRoot, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(projectRoot, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}

describe('build/electron-builder.yml', () => {
  it.each([configFile, smokeConfigFile])("%s passes electron-builder's schema validation", async (file) => {
    await expect(validateConfiguration(await load(file), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked for real: an unknown option is rejected', async () => {
    const config = { ...(await load()), linuxx: {} } as Parameters<typeof validateConfiguration>[0];
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/linuxx/);
  });

  it('packages the bundles as the app, entered through the main bundle, under the id the app uses', async () => {
    const config = await load();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('续约管家');
    expect(config.extraMetadata?.['main']).toBe('dist-electron/main/main.js');
    expect(pkg.main).toBe('dist-electron/main/main.js');
  });

  it('takes every bundle under dist-electron/ (the backend worker too), the renderer and the tray icon, and no source maps or sources', async () => {
    const config = await load();
    // getConfig normalises `files` into file sets.
    const patterns = [config.files].flat().flatMap((set) => (typeof set === 'string' ? [set] : [set?.filter ?? []].flat()));
    const wanted = ['package.json', 'build/icon.png', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js', 'dist-electron/main/main.js', 'dist-electron/main/backendWorker.js', 'dist-electron/main/chunks/x-1.js', 'dist-electron/preload/preload.cjs'];
    const unwanted = ['dist-electron/main/main.js.map', 'dist-electron/main/backendWorker.js.map', 'electron/main/main.ts', 'build/electron-builder.yml', 'dist/node/cli.mjs', '.electron-native/better-sqlite3/build/Release/better_sqlite3.node'];
    expect(matched(patterns, [...wanted, ...unwanted])).toEqual(wanted);
  });

  it("installs only the bundles' externals as node_modules: package.json's dependencies are exactly them", async () => {
    const { MAIN_BUNDLE_OPTIONS } = (await import(pathToFileURL(path.join(projectRoot, 'scripts', 'build-electron.mjs')).href)) as {
      MAIN_BUNDLE_OPTIONS: { external: string[] };
    };
    const externals = MAIN_BUNDLE_OPTIONS.external.filter((name) => name !== 'electron');
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...externals].sort());
  });

  it('unpacks native code from the asar (both present), and keeps JavaScript inside it, under the integrity check', async () => {
    const config = await load();
    const unpack = [config.asarUnpack ?? []].flat();
    const notifierVendor = listFiles('node_modules/node-notifier/vendor');
    expect(notifierVendor).toEqual(expect.arrayContaining(['node_modules/node-notifier/vendor/snoreToast/snoretoast-x64.exe', 'node_modules/node-notifier/vendor/notifu/notifu64.exe']));
    expect(notifierVendor.some((f) => f.includes('terminal-notifier.app/Contents/MacOS/'))).toBe(true);
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(fs.existsSync(path.join(projectRoot, addon))).toBe(true);
    expect(matched(unpack, [addon, ...notifierVendor])).toEqual([addon, ...notifierVendor]);
    expect(matched(unpack, ['dist-electron/main/main.js', 'dist-electron/main/backendWorker.js', 'node_modules/better-sqlite3/lib/index.js', 'node_modules/node-notifier/index.js'])).toEqual([]);
  });

  it('rebuilds better-sqlite3 for Electron from source while packaging', async () => {
    const config = await load();
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; encrypted cookies; the app only from an integrity-checked app.asar', async () => {
    const config = await load();
    expect(fuseWire(config.electronFuses)).toStrictEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
    });
  });

  it('the smoke-test build differs from the release only in allowing --inspect (for Playwright) and its output folder', async () => {
    const release = await load();
    const smoke = await load(smokeConfigFile);
    expect(smoke.directories?.output).toBe('release-smoke');
    expect(smoke.electronFuses).toStrictEqual({ ...release.electronFuses, enableNodeCliInspectArguments: true });
    const { directories: _a, electronFuses: _b, extends: _c, ...smokeRest } = smoke;
    const { directories: _d, electronFuses: _e, ...releaseRest } = release;
    expect(smokeRest).toStrictEqual(releaseRest);
  });

  it('targets AppImage and deb, NSIS and dmg, with an icon large enough for every platform', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    // electron-builder's deb target throws without a maintainer (or an author email in package.json).
    expect(config.linux?.maintainer).toBeTruthy();
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(icon).toBe('build/icon.png');
    }
    // macOS needs at least 512×512, Windows 256×256.
    expect(pngSize(path.join(projectRoot, 'build', 'icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('signs macOS with the hardened runtime and notarizes, allowing only V8 JIT', async () => {
    const config = await load();
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist' });
    const plist = fs.readFileSync(path.join(projectRoot, 'build', 'entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    expect([...plist.matchAll(/<key>/g)]).toHaveLength(1);
  });
});
