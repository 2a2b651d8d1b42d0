// Where the backend may go once the fuzz starts. It writes only its archive: the data file with SQLite's
// companions and the temporary copies named after it (a restore writes `<file>.restoring` and renames it over),
// the backups folder, the staging folder and the attachments folder (contract attachments, beside the data file). It reads those, the folder holding the data file (SQLite opens it to
// sync a deleted journal; opening the archive makes sure it exists), its own code and node_modules (lazy imports),
// and the system files listed below with their reason. It may look at (stat) the folders above its data folder:
// SQLite resolves every component of a database's path. It never names a canary, runs a program, changes
// directory or opens a socket.
import path from 'node:path';
import type { Access } from './straceTrace.ts';

export interface PathPolicy {
  dataFile: string;
  backupsDir: string;
  stagingDir: string;
  attachmentsDir: string;
  /** The app's own per-user settings files it may read (teamDatabase:get reads which database to open next). */
  configFiles: readonly string[];
  /** Trees the process may read: the project and the real location of node_modules. */
  codeRoots: readonly string[];
  /** Canary files and folders: any access at all is an escape. */
  canaries: readonly string[];
}

/**
 * System files a Node process reads on its own while it runs, whatever the handlers do: each with its reason.
 * Exact paths, or a folder when it ends with '/'.
 */
export const SYSTEM_READS: readonly (readonly [string, string])[] = [
  // Seen under memory pressure on a loaded 2-core machine (and at the base commit too): the runtime asks the kernel
  // for its overcommit policy when it reserves memory. A fixed kernel setting, never user data.
  ['/proc/sys/vm/overcommit_memory', 'the runtime reads the kernel overcommit policy when reserving memory'],
];

/** Paths that must never appear in the trace, even as a failed lookup. */
export const SYSTEM_CANARIES: readonly string[] = ['/etc/shadow', '/etc/passwd', '/dev/zero', '/root/.ssh/id_rsa', '/proc/self/environ'];

export type ViolationReason = 'canary' | 'write-outside' | 'read-outside' | 'exec' | 'cwd' | 'net' | 'io_uring';

export interface Violation {
  reason: ViolationReason;
  access: Access;
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
const isPseudo = (p: string) => !p.startsWith('/');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function mayWrite(p: string, policy: PathPolicy): boolean {
  if (isPseudo(p) || p === '/dev/null') return true;
  const data = path.resolve(policy.dataFile);
  const family = new RegExp(`^${escapeRegExp(data)}(?:\\.[a-z]+)?(?:-wal|-shm|-journal)?$`);
  return family.test(p) || inside(p, policy.backupsDir) || inside(p, policy.stagingDir) || inside(p, policy.attachmentsDir);
}

export function mayRead(p: string, policy: PathPolicy): boolean {
  if (mayWrite(p, policy) || p === path.dirname(path.resolve(policy.dataFile))) return true;
  if (policy.codeRoots.some((root) => inside(p, root)) || policy.configFiles.includes(p)) return true;
  return SYSTEM_READS.some(([allowed]) => (allowed.endsWith('/') ? inside(p, allowed.slice(0, -1)) : p === allowed));
}

export function isCanary(p: string, policy: PathPolicy): boolean {
  return policy.canaries.some((c) => inside(p, c)) || SYSTEM_CANARIES.some((c) => inside(p, c));
}

export function judgeAccesses(accesses: readonly Access[], policy: PathPolicy): Violation[] {
  const out: Violation[] = [];
  const dataDir = path.dirname(path.resolve(policy.dataFile));
  for (const access of accesses) {
    const p = access.path;
    let reason: ViolationReason | null = null;
    if (access.mode === 'io_uring' || access.mode === 'exec' || access.mode === 'cwd' || access.mode === 'net') reason = access.mode;
    else if (!isPseudo(p) && isCanary(p, policy)) reason = 'canary';
    else if (access.mode === 'write' && !mayWrite(p, policy) && !((access.syscall === 'mkdir' || access.syscall === 'mkdirat') && p === dataDir)) reason = 'write-outside';
    else if (access.mode === 'read' && !mayRead(p, policy)) reason = 'read-outside';
    else if (access.mode === 'stat' && !mayRead(p, policy) && !inside(dataDir, p)) reason = 'read-outside';
    if (reason) out.push({ reason, access });
  }
  return out;
}
