import fs from 'node:fs';
import path from 'node:path';

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const st = fs.statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules' || child.endsWith('.test.ts') || child.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** The renderer bundle is stale when any of its sources is newer than the built index.html. */
export function rendererIsStale(root: string, distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
  return sources.some((s) => newestMtime(s) > built);
}

export async function ensureRendererBuilt(root: string, distDir: string, log: (m: string) => void): Promise<void> {
  if (!rendererIsStale(root, distDir)) return;
  log('正在构建界面（renderer 已过期）… building the renderer');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel: 'warn' });
}
