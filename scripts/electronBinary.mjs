// The Electron binary for `npm start`. package.json disables electron's postinstall (allowScripts), so the
// binary is fetched on first start instead, by electron's own install.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function electronPackageDir(root) {
  return path.join(root, 'node_modules', 'electron');
}

export function electronVersion(root) {
  return JSON.parse(fs.readFileSync(path.join(electronPackageDir(root), 'package.json'), 'utf8')).version;
}

/** The installed binary, found the way electron's index.js finds it; null when it is not there. */
export function installedElectronBinary(root, env = process.env) {
  const dir = electronPackageDir(root);
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** Returns the binary, running install.js first when it is missing; null when it still is not there. */
export function ensureElectronBinary(root, log) {
  const existing = installedElectronBinary(root);
  if (existing) return existing;
  log('未找到 Electron 运行程序，正在下载（electron 的 install.js）… / Electron binary not found, running electron\'s install.js…');
  const dir = electronPackageDir(root);
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: 'inherit' });
  return installedElectronBinary(root);
}

export function electronMissingMessage(version) {
  return [
    `无法获取 Electron ${version} 运行程序，桌面版无法启动。`,
    '  electron 的 install.js 未能下载它（通常是因为无法访问 GitHub，或设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。',
    '  可以改用浏览器版：npm run web',
    '  或在可以联网的环境中重试 npm start；也可以设置 ELECTRON_MIRROR 使用镜像。',
    '',
    `Could not get the Electron ${version} binary, so the desktop app cannot start.`,
    "  electron's install.js could not download it (usually GitHub is unreachable, or ELECTRON_SKIP_BINARY_DOWNLOAD is set).",
    '  Use the browser version instead: npm run web',
    '  Or retry npm start where the download works; ELECTRON_MIRROR selects a mirror.',
  ].join('\n');
}
