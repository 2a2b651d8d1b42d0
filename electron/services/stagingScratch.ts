// Files the backend makes on the way to an answer (an export, an encrypted snapshot) are written in a folder of
// their own inside the archive's staging folder, the one place besides the data and the backups it writes, and
// the folder goes whatever happens.
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from './serviceContext.ts';

/** Runs `work` with a fresh folder in the staging folder (named `prefix…`), then removes it. */
export async function withStagingScratch<T>(ctx: ServiceContext, prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  fs.mkdirSync(ctx.stagingDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(ctx.stagingDir, prefix));
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
