// Bundles a child entry once per content: the file is named after the hash of the bundle itself, so worktrees
// that share node_modules/.cache (through a node_modules link) never run each other's code, and a stale bundle
// can never be picked up. It lives under node_modules so that better-sqlite3 (native, kept external) resolves.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const cacheDir = path.join(projectRoot, 'node_modules', '.cache', 'renewal-desk', 'torture');
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Returns the path of the bundled `entry` (a path relative to the project root). */
export async function buildTortureChild(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectRoot, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native code, vendor binaries, and exceljs (loaded only for .xlsx: left to Node it costs no start-up time).
    external: ['better-sqlite3', 'node-notifier', 'exceljs', 'vite'],
    // Bundled CommonJS dependencies may call require(); an ES module has none unless it is created.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = path.join(cacheDir, `${path.basename(entry, '.ts')}-${hash}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: another run building the same content at the same time sees a whole file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, code);
    fs.renameSync(temp, file);
    pruneOldBundles(file);
  } else {
    const now = new Date();
    fs.utimesSync(file, now, now);
  }
  return file;
}

/** Bundles nobody has built for a week belong to code that is gone. */
function pruneOldBundles(keep: string): void {
  for (const name of fs.readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (file !== keep && Date.now() - fs.statSync(file).mtimeMs > WEEK_MS) fs.rmSync(file, { force: true });
  }
}
