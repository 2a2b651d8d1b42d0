// The folder a handler fuzz runs in: data/ holds the archive (with its backups and staging folders beside it, as
// the app lays them out) and a neighbouring archive; canary/ sits outside it with files the backend must never
// touch, one of them a valid archive that system:restore would gladly take. Fingerprints show any change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupsDirFor } from '../../db/backups.ts';
import { openDatabase } from '../../db/openDatabase.ts';
import { stagingDirFor } from '../../electron/services/dataLocation.ts';
import type { FuzzTargets } from './hostileValues.ts';

export interface FuzzWorkspace {
  dir: string;
  targets: FuzzTargets;
  /** The file the child looks up when the fuzz begins; the trace is judged from there. */
  marker: string;
  /** Hash, size and modification time of every canary file. */
  canaryFingerprint(): string;
  remove(): void;
}

function filesUnder(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((name) => filesUnder(path.join(p, name)));
}

export async function createFuzzWorkspace(prefix = 'renewal-desk-fuzz-'): Promise<FuzzWorkspace> {
  // realpath: strace reports the kernel's paths, and the temp dir may sit behind a symlink.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const dataDir = path.join(dir, 'data');
  const canaryDir = path.join(dir, 'canary');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(canaryDir);
  const canaryDb = path.join(canaryDir, 'canary.db');
  const opened = await openDatabase({ file: canaryDb, backupsDir: path.join(canaryDir, 'canary-backups') });
  await opened.close();
  fs.writeFileSync(path.join(canaryDir, 'canary.txt'), 'If the fuzz can read this, the backend escaped its folders.\n');
  fs.writeFileSync(path.join(canaryDir, 'canary.csv'), '客户名称,合同编号,到期日期\n金丝雀公司,CANARY-1,2027-01-01\n');
  const neighbour = path.join(dataDir, 'neighbour.db');
  fs.copyFileSync(canaryDb, neighbour);
  const dataFile = path.join(dataDir, 'archive.db');
  const canaryFiles = [canaryDb, path.join(canaryDir, 'canary.txt'), path.join(canaryDir, 'canary.csv'), neighbour];
  const targets: FuzzTargets = {
    workDir: dir,
    dataFile,
    backupsDir: backupsDirFor(dataFile),
    stagingDir: stagingDirFor(dataFile),
    canaryFiles,
    canaryDir,
  };
  return {
    dir,
    targets,
    marker: path.join(dir, 'fuzz-begins.marker'),
    canaryFingerprint: () =>
      [...filesUnder(canaryDir), neighbour]
        .map((f) => {
          const st = fs.statSync(f);
          return `${f} ${st.size} ${st.mtimeMs} ${createHash('sha256').update(fs.readFileSync(f)).digest('hex')}`;
        })
        .join('\n'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
