// `npm run build:electron`: bundles electron/main (ESM) and electron/preload (CommonJS) into dist-electron/.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Native addons and modules that locate files beside themselves stay in node_modules: better-sqlite3 loads a
// .node file, node-notifier runs its vendor binaries (both asar-unpacked when packaged).
const MAIN_EXTERNALS = ['electron', 'better-sqlite3', 'node-notifier'];

/** How the main process is bundled; bench/importBench.ts bundles its measured children the same way. */
export const MAIN_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: MAIN_EXTERNALS,
  // Bundled CommonJS dependencies may call require(); an ES module has none unless it is created.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

/** Builds both bundles; `outDir` defaults to dist-electron/ (main/main.js and preload/preload.cjs inside). */
export async function buildElectron({ root = projectRoot, outDir = path.join(root, 'dist-electron') } = {}) {
  const names = await contractNames(root);
  await Promise.all([
    // The main process and its backend worker (started by main from dist-electron/main/backendWorker.js).
    build({
      entryPoints: {
        main: path.join(root, 'electron', 'main', 'main.ts'),
        backendWorker: path.join(root, 'electron', 'services', 'backend', 'backendWorker.ts'),
      },
      outdir: path.join(outDir, 'main'),
      ...MAIN_BUNDLE_OPTIONS,
      target: 'node22',
      sourcemap: true,
      logLevel: 'warning',
    }),
    build({
      entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
      outfile: path.join(outDir, 'preload', 'preload.cjs'),
      bundle: true,
      // A sandboxed preload is not an ES module and can require only 'electron' (and a few polyfills), so it
      // is built as browser-platform CommonJS: any Node import fails the build instead of failing at run time.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      minify: true,
      logLevel: 'warning',
      plugins: [contractNamesOnly(names)],
    }),
  ]);
}

/** The operation names, read from the real contract at build time. */
async function contractNames(root) {
  const result = await build({
    entryPoints: [path.join(root, 'shared', 'api', 'apiContract.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const source = result.outputFiles[0]?.text ?? '';
  const contract = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  return contract.API_NAMES;
}

/**
 * The preload checks names only, yet importing the contract would bundle zod and every schema (about half a
 * megabyte) into a script that runs on every page load; the preload gets the same names as a plain set.
 */
function contractNamesOnly(names) {
  return {
    name: 'contract-names-only',
    setup(b) {
      b.onResolve({ filter: /[\\/]apiContract\.ts$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: 'contract-names' }));
      b.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({
        loader: 'js',
        contents:
          `const NAMES = new Set(${JSON.stringify(names)});\n` +
          'export const API_NAMES = [...NAMES];\n' +
          'export function isApiName(name) { return NAMES.has(name); }\n',
      }));
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
