import fs from 'node:fs';
import path from 'node:path';

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    // Tests are not part of any bundle; editing one should not trigger a rebuild.
    if (child === 'node_modules' || /\.test\.tsx?$/.test(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when an output is missing or any source file is newer than the oldest output. */
export function isStale(outputs, sources) {
  if (outputs.some((o) => !fs.existsSync(o))) return true;
  const built = Math.min(...outputs.map((o) => fs.statSync(o).mtimeMs));
  return sources.some((s) => newestMtime(s) > built);
}
