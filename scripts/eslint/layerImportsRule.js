// ESLint rule enforcing DESIGN.md's layer map, default-deny: a file in a layer may import only the layers
// listed for it; 'electron', the database drivers and Node built-ins are limited to the layers that own them.
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
];
export const ALLOWED = {
  shared: [],
  db: ['shared'],
  services: ['shared', 'db'],
  main: ['shared', 'db', 'services'],
  web: ['shared', 'db', 'services'],
  cli: ['shared', 'db', 'services'],
  preload: ['shared'],
  renderer: ['shared'],
};
const ELECTRON_LAYERS = new Set(['main', 'preload']);
const DB_DRIVERS = new Set(['kysely', 'better-sqlite3']);
const BROWSER_LAYERS = new Set(['shared', 'renderer']);
const BUILTINS = new Set(builtinModules);
const HANDLE_INTERNALS = new Set(['q', 'rawOf', 'makeDb', 'makeTx']);

function layerOf(absFile, root) {
  const rel = path.relative(root, absFile).split(path.sep).join('/');
  for (const [layer, dir] of LAYER_DIRS) if (rel === dir || rel.startsWith(`${dir}/`)) return layer;
  return null;
}

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
    if (!layer) return {};
    const check = (node, source, importedNames) => {
      if (typeof source !== 'string') return;
      const report = (reason) => context.report({ node, messageId: 'denied', data: { reason } });
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        const targetLayer = layerOf(target, root);
        if (targetLayer === null) return report(`${layer}/ may not import ${source}: it is outside every layer.`);
        if (targetLayer !== layer && !ALLOWED[layer].includes(targetLayer)) {
          return report(`Layer rule: ${layer}/ may import only [${ALLOWED[layer].join(', ')}], not ${targetLayer}/ (${source}).`);
        }
        const rel = path.relative(root, target).split(path.sep).join('/');
        if (layer !== 'db' && rel === 'db/handle.ts' && importedNames.some((n) => HANDLE_INTERNALS.has(n))) {
          return report('Only db/ may reach the query builder or raw connection behind a Db handle.');
        }
        return;
      }
      const pkg = packageName(source.replace(/^node:/, ''));
      if (pkg === 'electron' && !ELECTRON_LAYERS.has(layer)) {
        return report(`Only electron/main and electron/preload import 'electron' (found in ${layer}/).`);
      }
      if (DB_DRIVERS.has(pkg) && layer !== 'db') {
        return report(`Only db/ imports ${pkg}; use db/ repositories, Db/Tx and withTransaction.`);
      }
      if (BROWSER_LAYERS.has(layer) && (source.startsWith('node:') || BUILTINS.has(pkg))) {
        return report(`No Node built-ins in ${layer}/ (it runs in the browser): ${source}.`);
      }
    };
    const names = (node) =>
      (node.specifiers ?? []).map((s) => (s.imported ? (s.imported.name ?? s.imported.value) : s.local?.name)).filter(Boolean);
    return {
      ImportDeclaration: (node) => check(node, node.source.value, names(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, names(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, ['*']),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, ['*']),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value, ['*']);
        }
      },
    };
  },
};
