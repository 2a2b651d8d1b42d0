// `npm start [-- --db FILE]`: the desktop app. Fetches the Electron binary if needed, builds better-sqlite3 for
// Electron, rebuilds stale bundles, then runs Electron on the project (package.json main is the main bundle).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { electronMissingMessage, electronVersion, ensureElectronBinary } from './electronBinary.mjs';
import { ensureElectronSqlite, nativeBuildFailedMessage } from './electronNativeSqlite.mjs';
import { isStale } from './isStale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => process.stderr.write(`[renewal-desk] ${message}\n`);
const fail = (message) => {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
};

const version = electronVersion(root);
const binary = ensureElectronBinary(root, log);
if (!binary) fail(electronMissingMessage(version));

try {
  ensureElectronSqlite(root, version, log);
} catch (e) {
  fail(nativeBuildFailedMessage(e instanceof Error ? e : new Error(String(e))));
}

const at = (...p) => path.join(root, ...p);
if (isStale([at('dist', 'renderer', 'index.html')], [at('renderer'), at('shared'), at('vite.config.ts'), at('package-lock.json')])) {
  log('正在构建界面… / building the renderer…');
  const { build } = await import('vite');
  await build({ configFile: at('vite.config.ts'), logLevel: 'warn' });
}
const bundles = [at('dist-electron', 'main', 'main.js'), at('dist-electron', 'preload', 'preload.cjs')];
if (isStale(bundles, [at('electron'), at('shared'), at('db'), at('package-lock.json'), at('scripts', 'build-electron.mjs')])) {
  log('正在打包主进程… / bundling electron/main and preload…');
  await buildElectron({ root });
}

// The app is the project directory, so Electron reads name and version from package.json. A relative --db is
// meant relative to where the user typed `npm start`, which npm keeps in INIT_CWD.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.env.INIT_CWD ?? process.cwd(), env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
