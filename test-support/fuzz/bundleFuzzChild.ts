// Bundles a fuzz child with esbuild, the way the app's own processes are bundled, so the child starts without
// compiling TypeScript. The bundle sits under node_modules/.cache (better-sqlite3, kept external, resolves from
// there) and is named by its content's hash: node_modules is shared by every worktree of the repository, and two
// checkouts with different sources must never run each other's child.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const FUZZ_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'renewal-desk', 'fuzz');

const built = new Map<string, Promise<string>>();

/** The bundle's path; built once per test process and entry. */
export function bundleFuzzChild(entry: string): Promise<string> {
  let bundle = built.get(entry);
  if (!bundle) built.set(entry, (bundle = buildChild(entry)));
  return bundle;
}

async function buildChild(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'node-notifier'],
    // Bundled CommonJS dependencies (exceljs) may call require(); an ES module has none unless it is made.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild produced nothing for ${entry}`);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = path.join(FUZZ_CACHE_DIR, `${path.basename(entry, '.ts')}-${hash}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(FUZZ_CACHE_DIR, { recursive: true });
    pruneStaleBundles();
    // Written aside and renamed: another test file or worktree may be bundling the same child right now.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  }
  return file;
}

/** Bundles written a week ago or more: most are of sources long changed, and one still wanted is simply built again. */
function pruneStaleBundles(): void {
  const cutoff = Date.now() - 7 * 86_400_000;
  for (const name of fs.readdirSync(FUZZ_CACHE_DIR)) {
    const file = path.join(FUZZ_CACHE_DIR, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}
