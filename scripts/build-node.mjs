// The CLI and the web host run as esbuild bundles under dist/node/ (`npm run build:node`). Their launchers
// (bin/renewal-desk.js, scripts/web.mjs) rebuild them when missing or older than a source, so a fresh clone after
// `npm ci` and a checkout after `git pull` both run current code with no build step to remember.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './isStale.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join('dist', 'node');

// webMain finds the project two directories above itself, which holds for electron/web/ and dist/node/ alike.
// The backend worker runs both the archive's reader and, as a second thread from the same script, its writer.
export const NODE_ENTRIES = {
  cli: 'electron/cli/cliEntry.ts',
  web: 'electron/web/webMain.ts',
  backend: 'electron/services/backend/backendWorker.ts',
};

// What the bundles are made of, as isStale reads it: the source trees, the lockfiles (npm ci rewrites
// node_modules/.package-lock.json) and the build's own options.
const SOURCES = [
  'shared',
  'db',
  'electron/services',
  'electron/cli',
  'electron/web',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'scripts/build-node.mjs',
  'scripts/build-electron.mjs',
];

// Besides the main process's externals: exceljs is loaded only for .xlsx (left to Node, it costs nothing until
// then), and vite only when the web host rebuilds a stale renderer. pg-native is pg's optional libpq binding, which
// pg loads only when asked for pg.native; we never ask, and it is not installed.
const NODE_EXTERNALS = ['exceljs', 'vite', 'pg-native'];

export const nodeBundlePath = (name, root = projectRoot) => path.join(root, OUT_DIR, `${name}.mjs`);

export function nodeBundlesAreStale(root = projectRoot) {
  return isStale(Object.keys(NODE_ENTRIES).map((name) => nodeBundlePath(name, root)), SOURCES.map((s) => path.join(root, s)));
}

/**
 * Builds both bundles. Code split at dynamic imports (the CLI answers --help before loading its main chunk), so
 * chunks are named by content hash, written first, and each entry is renamed into place last: a process that
 * starts meanwhile loads the old build or the new one, never a mix, and two builds at once both succeed.
 */
export async function buildNodeBundles({ root = projectRoot } = {}) {
  const { build } = await import('esbuild');
  const { MAIN_BUNDLE_OPTIONS } = await import('./build-electron.mjs');
  const outdir = path.join(root, OUT_DIR);
  // The entries are dated by when the sources were read, so an edit made during the build leaves them stale.
  const startedAt = new Date();
  const result = await build({
    ...MAIN_BUNDLE_OPTIONS,
    external: [...MAIN_BUNDLE_OPTIONS.external, ...NODE_EXTERNALS],
    entryPoints: Object.fromEntries(Object.entries(NODE_ENTRIES).map(([name, entry]) => [name, path.join(root, entry)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node20',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  const entries = new Set(Object.keys(NODE_ENTRIES).map((name) => nodeBundlePath(name, root)));
  const isEntry = (file) => entries.has(file.path);
  const ordered = [...result.outputFiles.filter((f) => !isEntry(f)), ...result.outputFiles.filter(isEntry)];
  for (const file of ordered) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.utimesSync(temporary, startedAt, startedAt);
    fs.renameSync(temporary, file.path);
  }
  pruneOldChunks(path.join(outdir, 'chunks'), new Set(ordered.map((f) => f.path)));
}

/** Chunks of earlier builds go after an hour: long enough for any process started from one to have loaded them. */
function pruneOldChunks(dir, current) {
  if (!fs.existsSync(dir)) return;
  const cutoff = Date.now() - 3_600_000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (current.has(file)) continue;
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // another build removed it first
    }
  }
}

// Said on a terminal only: a script reading the CLI's stderr as JSON should not find a build note there.
const noteOnTerminal = (message) => {
  if (process.stderr.isTTY) process.stderr.write(`${message}\n`);
};

/** The path of one bundle, after rebuilding both when they are missing or stale. */
export async function ensureNodeBundle(name, { root = projectRoot, log = noteOnTerminal } = {}) {
  if (nodeBundlesAreStale(root)) {
    log('[renewal-desk] 正在打包命令行与网页服务（源码已更新）… bundling the CLI and the web host');
    await buildNodeBundles({ root });
  }
  return nodeBundlePath(name, root);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildNodeBundles().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
