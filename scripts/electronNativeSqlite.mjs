// better-sqlite3 compiled for Electron's ABI, in a directory of its own: node_modules/better-sqlite3 keeps its
// Node build, so Vitest, the web host and the CLI go on working. electron/main loads this build through
// better-sqlite3's `nativeBinding` option (electron/main/electronNativeBinding.ts names the same path).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';
export const ELECTRON_NATIVE_ADDON = path.join(ELECTRON_NATIVE_DIR, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const STAMP = path.join(ELECTRON_NATIVE_DIR, 'better-sqlite3.build.json');

// npm passes its configuration to scripts as npm_config_* variables, and node-gyp reads them: a `nodedir` in
// .npmrc would silently build against Node's headers instead of Electron's.
const NODE_GYP_OVERRIDES = new Set(['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl', 'npm_config_dist_url']);

/** Builds the addon unless it is already built for this Electron, better-sqlite3, platform and arch. */
export function ensureElectronSqlite(root, electronVersion, log) {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const wanted = {
    electron: electronVersion,
    betterSqlite3: JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version,
    platform: process.platform,
    arch: process.arch,
  };
  const addon = path.join(root, ELECTRON_NATIVE_ADDON);
  const stampFile = path.join(root, STAMP);
  if (fs.existsSync(addon) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === JSON.stringify(wanted)) return addon;

  log(`正在为 Electron ${electronVersion} 编译 better-sqlite3… / building better-sqlite3 for Electron ${electronVersion}…`);
  const target = path.join(root, ELECTRON_NATIVE_DIR, 'better-sqlite3');
  fs.rmSync(target, { recursive: true, force: true });
  fs.rmSync(stampFile, { force: true });
  fs.cpSync(source, target, {
    recursive: true,
    filter: (file) => {
      const top = path.relative(source, file).split(path.sep)[0];
      return top !== 'build' && top !== 'node_modules';
    },
  });

  const nodeGyp = nodeGypScript(root);
  if (!nodeGyp) throw new Error('node-gyp not found (it ships with npm)');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !NODE_GYP_OVERRIDES.has(key.toLowerCase())));
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`],
    { cwd: target, env, stdio: 'inherit' },
  );
  if (result.status !== 0 || !fs.existsSync(addon)) throw new Error(`node-gyp exited with ${result.status ?? result.signal}`);
  fs.writeFileSync(stampFile, JSON.stringify(wanted));
  return addon;
}

/** npm's own node-gyp (next to the running npm, or to node), else one in node_modules. */
function nodeGypScript(root) {
  const script = ['node_modules', 'node-gyp', 'bin', 'node-gyp.js'];
  const nodeDir = path.dirname(process.execPath);
  const candidates = [
    ...(process.env.npm_execpath ? [path.join(path.dirname(process.env.npm_execpath), '..', ...script)] : []),
    path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', ...script),
    path.join(nodeDir, 'node_modules', 'npm', ...script),
    path.join(root, ...script),
  ];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

export function nativeBuildFailedMessage(error) {
  return [
    `无法为 Electron 编译 better-sqlite3：${error.message}`,
    '  需要 Python 3 和 C/C++ 编译工具，并能从 electronjs.org 下载 Electron 头文件。',
    '  可以改用浏览器版：npm run web',
    '',
    `Could not build better-sqlite3 for Electron: ${error.message}`,
    '  This needs Python 3, a C/C++ toolchain, and access to electronjs.org for the Electron headers.',
    '  Use the browser version instead: npm run web',
  ].join('\n');
}
