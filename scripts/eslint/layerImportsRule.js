// ESLint rule enforcing DESIGN.md's layer map, default-deny: every linted file belongs to a layer, a file in a
// layer may import only the layers listed for it, and 'electron', the database drivers, the table types and
// Node built-ins are limited to the layers that own them. Tests may also import test-support/.
import path from 'node:path';
import { builtinModules } from 'node:module';

export const LAYER_DIRS = [
  ['services', 'electron/services'],
  ['main', 'electron/main'],
  ['preload', 'electron/preload'],
  ['web', 'electron/web'],
  ['cli', 'electron/cli'],
  ['shared', 'shared'],
  ['db', 'db'],
  ['renderer', 'renderer'],
  ['bench', 'bench'],
  ['e2e', 'e2e'],
  // The packaged-app smoke test: its own Playwright config, run only by .github/workflows/package.yml.
  ['e2eElectron', 'e2e-electron'],
  ['scripts', 'scripts'],
  ['scripts', 'bin'],
  ['testSupport', 'test-support'],
];
/** Tool configuration at the project root. */
const CONFIG_FILES = new Set(['eslint.config.js', 'vite.config.ts', 'vitest.config.ts', 'playwright.config.ts']);

export const ALLOWED = {
  shared: [],
  db: ['shared'],
  services: ['shared', 'db'],
  main: ['shared', 'services'],
  web: ['shared', 'services'],
  cli: ['shared', 'services'],
  preload: ['shared'],
  renderer: ['shared'],
  // Benchmarks seed their data with the tests' generators.
  bench: ['shared', 'db', 'services', 'testSupport'],
  e2e: ['shared', 'testSupport'],
  e2eElectron: ['shared'],
  scripts: ['shared'],
  config: ['shared', 'scripts'],
  // Test helpers set up whatever a test needs: a database through the services, a fake Electron for main/.
  testSupport: ['shared', 'db', 'services', 'main', 'preload', 'web', 'cli'],
};
/** What a test may import beyond its layer's own arrows. */
const TEST_ALLOWED = ['testSupport'];
/** A script's test checks that the script and electron/main agree on a path. */
const TEST_ALLOWED_BY_LAYER = { scripts: ['main'] };
const ELECTRON_LAYERS = new Set(['main', 'preload']);
const DB_DRIVERS = new Set(['kysely', 'better-sqlite3']);
/** Layers that may reach below db/'s repositories: drivers, the raw handle, table types. */
const DB_INSIDERS = new Set(['db', 'bench', 'testSupport']);
const BROWSER_LAYERS = new Set(['shared', 'renderer']);
const BUILTINS = new Set(builtinModules);
const HANDLE_INTERNALS = new Set(['q', 'rawOf', 'makeDb', 'makeTx']);
const TABLE_TYPES = /^db\/(schema\.ts$|migrations\/)/;

function relativePath(absFile, root) {
  return path.relative(root, absFile).split(path.sep).join('/');
}

export function layerOf(absFile, root) {
  const rel = relativePath(absFile, root);
  if (CONFIG_FILES.has(rel)) return 'config';
  for (const [layer, dir] of LAYER_DIRS) if (rel === dir || rel.startsWith(`${dir}/`)) return layer;
  return null;
}

const isTestFile = (file) => /\.(test|spec)\.tsx?$/.test(file);

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export const layerImportsRule = {
  meta: { type: 'problem', schema: [], messages: { denied: '{{reason}}' } },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const layer = layerOf(file, root);
    if (!layer) {
      return {
        Program: (node) =>
          context.report({
            node,
            messageId: 'denied',
            data: { reason: `${relativePath(file, root)} belongs to no layer: put it in one of the layer folders (DESIGN.md) or add its layer to scripts/eslint/layerImportsRule.js.` },
          }),
      };
    }
    const test = isTestFile(file);
    const insider = DB_INSIDERS.has(layer) || test;
    const allowed = new Set([layer, ...ALLOWED[layer], ...(test ? [...TEST_ALLOWED, ...(TEST_ALLOWED_BY_LAYER[layer] ?? [])] : [])]);
    const check = (node, source, importedNames, typeOnly) => {
      if (typeof source !== 'string') return;
      const report = (reason) => context.report({ node, messageId: 'denied', data: { reason } });
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        const targetLayer = layerOf(target, root);
        if (targetLayer === null) return report(`${layer}/ may not import ${source}: it is outside every layer.`);
        if (!allowed.has(targetLayer)) {
          return report(`Layer rule: ${layer}/ may import only [${ALLOWED[layer].join(', ')}], not ${targetLayer}/ (${source}).`);
        }
        const rel = relativePath(target, root);
        if (!insider && rel === 'db/handle.ts' && importedNames.some((n) => HANDLE_INTERNALS.has(n))) {
          return report('Only db/ may reach the query builder or raw connection behind a Db handle.');
        }
        if (!insider && TABLE_TYPES.test(rel)) {
          return report(`Table shapes stay inside db/: ${layer}/ may not import ${rel}; use the repositories' domain types from shared/.`);
        }
        return;
      }
      const pkg = packageName(source.replace(/^node:/, ''));
      if (pkg === 'electron' && !ELECTRON_LAYERS.has(layer) && !(layer === 'testSupport' && typeOnly)) {
        return report(`Only electron/main and electron/preload import 'electron' (found in ${layer}/).`);
      }
      if (DB_DRIVERS.has(pkg) && !insider) {
        return report(`Only db/ imports ${pkg}; use db/ repositories, Db/Tx and withTransaction.`);
      }
      if (BROWSER_LAYERS.has(layer) && !test && (source.startsWith('node:') || BUILTINS.has(pkg))) {
        return report(`No Node built-ins in ${layer}/ (it runs in the browser): ${source}.`);
      }
    };
    const names = (node) =>
      (node.specifiers ?? []).map((s) => (s.imported ? (s.imported.name ?? s.imported.value) : s.local?.name)).filter(Boolean);
    const typeOnly = (node) =>
      node.importKind === 'type' || node.exportKind === 'type' || ((node.specifiers ?? []).length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, names(node), typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, names(node), typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, ['*'], node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, ['*'], false),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value, ['*'], false);
        }
      },
    };
  },
};
