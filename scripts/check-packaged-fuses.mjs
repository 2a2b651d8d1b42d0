// Reads the fuse wire of a packaged app's Electron binary and compares it with the electronFuses of the
// electron-builder config it was built from, so CI proves the shipped binary has them, not only the config.
// Usage: node scripts/check-packaged-fuses.mjs <app> [config]   (<app>: the executable, or the .app on macOS)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fuses from '@electron/fuses';
import fuseConstants from '@electron/fuses/dist/constants.js';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';

const { FuseV1Options, getCurrentFuseWire } = fuses;
const { FuseState } = fuseConstants;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Fuse name → wanted state, as electron-builder maps the config's electronFuses onto the fuse wire. */
export async function expectedFuses(configFile = 'build/electron-builder.yml', root = projectRoot) {
  const config = await getConfig(root, configFile, null);
  if (!config.electronFuses) throw new Error(`${configFile} sets no electronFuses`);
  const wire = PlatformPackager.prototype['generateFuseConfig'].call(undefined, config.electronFuses);
  const expected = {};
  for (const [index, on] of Object.entries(wire)) {
    const name = FuseV1Options[Number(index)];
    if (name !== undefined && typeof on === 'boolean') expected[name] = on;
  }
  return expected;
}

/** The fuses of the binary at `app` that differ from the config, as "Name: wanted X, binary has Y" lines. */
export async function packagedFuseMismatches(app, configFile = 'build/electron-builder.yml', root = projectRoot) {
  const expected = await expectedFuses(configFile, root);
  const wire = await getCurrentFuseWire(app);
  const state = (s) => (s === FuseState.ENABLE ? 'on' : s === FuseState.DISABLE ? 'off' : s === undefined ? 'absent' : `state ${s}`);
  return Object.entries(expected)
    .filter(([name, on]) => wire[FuseV1Options[name]] !== (on ? FuseState.ENABLE : FuseState.DISABLE))
    .map(([name, on]) => `${name}: wanted ${on ? 'on' : 'off'}, the binary has it ${state(wire[FuseV1Options[name]])}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [app, configFile = 'build/electron-builder.yml'] = process.argv.slice(2);
  if (!app) {
    console.error('usage: node scripts/check-packaged-fuses.mjs <app> [config]');
    process.exit(2);
  }
  packagedFuseMismatches(path.resolve(app), configFile)
    .then(async (mismatches) => {
      if (mismatches.length > 0) {
        console.error(`${app}: fuses differ from ${configFile}:\n  ${mismatches.join('\n  ')}`);
        process.exit(1);
      }
      const expected = await expectedFuses(configFile);
      console.log(`${app}: fuses as ${configFile} sets them (${Object.entries(expected).map(([n, on]) => `${n} ${on ? 'on' : 'off'}`).join(', ')})`);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
