// `npm test` needs a few Debian packages: Chromium and CJK fonts for the end-to-end tests, D-Bus with libnotify
// (plus Debian's python3 D-Bus bindings) for notification tests, strace for the handler fuzz's escape check, and
// LibreOffice Calc (headless, no GUI) for the test that a real spreadsheet program reads and writes our exports, and
// PostgreSQL (its server binaries: the test run starts a throwaway server of its own, test-support/postgres/).
// Checked with dpkg -s; apt-get runs only when something is missing, and only as root on Debian. Otherwise we
// say exactly what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const SYSTEM_PACKAGES = ['chromium', 'fonts-noto-cjk', 'dbus', 'libnotify-bin', 'python3-dbus', 'python3-gi', 'strace', 'libreoffice-calc-nogui', 'postgresql'];

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function missingPackages() {
  return SYSTEM_PACKAGES.filter((p) => !installed(p));
}

export function ensureSystemPackages() {
  const isDebian = fs.existsSync('/etc/debian_version') && spawnSync('dpkg-query', ['--version']).status === 0;
  if (!isDebian) {
    console.warn(`[test] Not Debian: make sure these are installed yourself: ${SYSTEM_PACKAGES.join(' ')} (a Chromium binary on PATH as "chromium", CJK fonts, D-Bus, notify-send, strace, LibreOffice's soffice, PostgreSQL's initdb and pg_ctl).`);
    return;
  }
  const missing = missingPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[test] Missing system packages: ${missing.join(' ')}\n[test] Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`[test] Installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`[test] apt-get ${args.join(' ')} failed (exit ${r.status}).`);
      process.exit(1);
    }
  };
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}
