// Bundles a child process's entry with esbuild, the way the app's own processes are bundled, so each of the many
// children a crash, torture or fuzz test spawns starts without compiling TypeScript. The bundle sits under
// node_modules/.cache (better-sqlite3, native and kept external, resolves from there) and is named by the hash of
// its content: node_modules is shared by every worktree of the repository, and two checkouts with different
// sources must never run each other's child, nor a stale one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
export const CHILD_BUNDLE_DIR = path.join(ROOT, 'node_modules', '.cache', 'renewal-desk', 'children');
const WEEK_MS = 7 * 86_400_000;
/** Native code and vendor binaries stay outside every bundle. */
const ALWAYS_EXTERNAL = ['better-sqlite3', 'node-notifier'];

const built = new Map<string, Promise<string>>();

/**
 * The bundle's path for `entry` (relative to the project root); built once per test process. `external` names
 * more packages left to Node (exceljs, loaded only for .xlsx, then costs a child no start-up time).
 */
export function bundleChild(entry: string, external: readonly string[] = []): Promise<string> {
  const key = `${entry}\n${external.join(',')}`;
  let bundle = built.get(key);
  if (!bundle) built.set(key, (bundle = buildChild(entry, [...ALWAYS_EXTERNAL, ...external])));
  return bundle;
}

async function buildChild(entry: string, external: string[]): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // Bundled CommonJS dependencies (exceljs) may call require(); an ES module has none unless it is made.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild produced nothing for ${entry}`);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = path.join(CHILD_BUNDLE_DIR, `${path.basename(entry, '.ts')}-${hash}.mjs`);
  if (fs.existsSync(file)) {
    // Still wanted: the week-old pruning below goes by when a bundle was last used.
    const now = new Date();
    fs.utimesSync(file, now, now);
    return file;
  }
  fs.mkdirSync(CHILD_BUNDLE_DIR, { recursive: true });
  // Written aside and renamed: another test file or worktree may be bundling the same child right now.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, code);
  fs.renameSync(partial, file);
  pruneStaleBundles(file);
  return file;
}

/** Bundles nobody used for a week belong to sources long changed; one still wanted is simply built again. */
function pruneStaleBundles(keep: string): void {
  const cutoff = Date.now() - WEEK_MS;
  for (const name of fs.readdirSync(CHILD_BUNDLE_DIR)) {
    const file = path.join(CHILD_BUNDLE_DIR, name);
    try {
      if (file !== keep && fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}
