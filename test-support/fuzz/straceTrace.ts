// Reads what `strace -f -xx -y` wrote (see straceRunner.ts) into file accesses: which path each syscall named,
// resolved against its directory fd or the working directory, and whether it reads, writes, runs or moves.
// With -xx every string and every decoded fd path is hex-escaped, so no path can break the line's syntax.
import path from 'node:path';

/** `stat` looks at a path's metadata (stat, access, readlink); `read` opens it for reading. */
export type AccessMode = 'stat' | 'read' | 'write' | 'exec' | 'cwd' | 'net' | 'io_uring';

export interface Access {
  line: number;
  pid: number;
  syscall: string;
  mode: AccessMode;
  /** Absolute and normalized; a pseudo file (pipe:[…], socket:[…], anon_inode:…) as the kernel names it. */
  path: string;
}

type Arg = { kind: 'string'; value: string } | { kind: 'fd'; path: string | null } | { kind: 'other'; text: string };
type Spec = { mode: AccessMode | 'open'; paths: [dirfd: number | null, path: number][]; flags?: number };

const S = (mode: AccessMode, ...paths: [number | null, number][]): Spec => ({ mode, paths });
const SPECS: Record<string, Spec> = {
  open: { mode: 'open', paths: [[null, 0]], flags: 1 },
  openat: { mode: 'open', paths: [[0, 1]], flags: 2 },
  openat2: { mode: 'open', paths: [[0, 1]], flags: 2 },
  creat: S('write', [null, 0]),
  execve: S('exec', [null, 0]),
  execveat: S('exec', [0, 1]),
  chdir: S('cwd', [null, 0]),
  fchdir: S('cwd', [0, 0]),
  chroot: S('cwd', [null, 0]),
  rename: S('write', [null, 0], [null, 1]),
  link: S('write', [null, 0], [null, 1]),
  renameat: S('write', [0, 1], [2, 3]),
  renameat2: S('write', [0, 1], [2, 3]),
  linkat: S('write', [0, 1], [2, 3]),
  symlink: S('write', [null, 1]),
  symlinkat: S('write', [1, 2]),
  inotify_add_watch: S('read', [null, 1]),
};
for (const name of ['stat', 'lstat', 'access', 'readlink', 'statfs', 'getxattr', 'lgetxattr', 'listxattr', 'llistxattr']) SPECS[name] = S('stat', [null, 0]);
for (const name of ['newfstatat', 'fstatat64', 'statx', 'faccessat', 'faccessat2', 'readlinkat', 'name_to_handle_at']) SPECS[name] = S('stat', [0, 1]);
SPECS['uselib'] = S('read', [null, 0]);
for (const name of ['mkdir', 'rmdir', 'unlink', 'chmod', 'chown', 'lchown', 'utime', 'utimes', 'mknod', 'truncate', 'setxattr', 'lsetxattr', 'removexattr', 'lremovexattr', 'mount', 'umount2', 'swapon', 'swapoff', 'acct', 'pivot_root']) SPECS[name] = S('write', [null, 0]);
for (const name of ['mkdirat', 'unlinkat', 'fchmodat', 'fchmodat2', 'fchownat', 'utimensat', 'futimesat', 'mknodat']) SPECS[name] = S('write', [0, 1]);

const WRITE_FLAGS = /\b(?:O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND|O_TMPFILE)\b/;
const HEX_STRING = /^"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?$/;
const FD = /^(\d+|AT_FDCWD)<((?:\\x[0-9a-f]{2})*)>$/;
const LINE = /^(\d+)\s+(\w+)\((.*)$/;

export function unhex(hex: string): string {
  return Buffer.from(hex.replace(/\\x/g, ''), 'hex').toString('utf8');
}

/** Splits an argument list at top-level commas (structs, arrays and fd paths may hold commas of their own). */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[' || c === '(' || c === '<') depth++;
    else if (c === '}' || c === ']' || c === ')' || c === '>') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
}

function parseArg(text: string): Arg {
  const s = HEX_STRING.exec(text);
  if (s) return { kind: 'string', value: unhex(s[1] ?? '') };
  const fd = FD.exec(text);
  if (fd) return { kind: 'fd', path: unhex(fd[2] ?? '') };
  if (text === 'AT_FDCWD') return { kind: 'fd', path: null };
  return { kind: 'other', text };
}

/** The argument text of a syscall line: up to its result, or up to an interruption by another thread. */
function argText(rest: string): string {
  const unfinished = rest.lastIndexOf(' <unfinished ...>');
  if (unfinished >= 0) return rest.slice(0, unfinished);
  const result = rest.lastIndexOf(') = ');
  if (result >= 0) return rest.slice(0, result);
  return rest.endsWith(')') ? rest.slice(0, -1) : rest;
}

/** The fd path a finished call returned (`= 3</real/path>`): the kernel's view, symlinks resolved. */
function returnedPath(rest: string): string | null {
  const m = /\) = \d+<((?:\\x[0-9a-f]{2})*)>/.exec(rest);
  return m ? unhex(m[1] ?? '') : null;
}

const isPseudo = (p: string) => !p.startsWith('/');

export interface ParsedTrace {
  /** Accesses after the first line that names the marker. */
  accesses: Access[];
  markerSeen: boolean;
  /** Lines read (all of them, before the marker too). */
  lines: number;
}

/** `cwd` is the traced process's working directory, for the non-*at calls that take a relative path. */
export function parseTrace(text: string, cwd: string, marker: string): ParsedTrace {
  const accesses: Access[] = [];
  const lines = text.split('\n');
  let markerSeen = false;
  lines.forEach((raw, index) => {
    const m = LINE.exec(raw);
    if (!m) return;
    const pid = Number(m[1]);
    const syscall = m[2] ?? '';
    const rest = m[3] ?? '';
    const args = splitArgs(argText(rest)).map(parseArg);
    const named = args.flatMap((a) => (a.kind === 'string' ? [a.value] : []));
    if (!markerSeen) {
      markerSeen = named.some((p) => path.resolve(cwd, p) === marker);
      return;
    }
    const push = (mode: AccessMode, p: string) => accesses.push({ line: index + 1, pid, syscall, mode, path: isPseudo(p) ? p : path.resolve(p) });
    if (syscall === 'connect' || syscall === 'bind') return push('net', named[0] ?? args.map((a) => (a.kind === 'other' ? a.text : '')).join(','));
    if (syscall.startsWith('io_uring')) return push('io_uring', syscall);
    const spec = SPECS[syscall];
    if (!spec) {
      // A path syscall this table does not know: count every string it names as a write, the strict reading.
      for (const p of named) push('write', path.resolve(cwd, p));
      return;
    }
    let mode: AccessMode = spec.mode === 'open' ? 'read' : spec.mode;
    if (spec.mode === 'open') {
      const flags = args[spec.flags ?? 0];
      mode = flags && flags.kind === 'other' && WRITE_FLAGS.test(flags.text) ? 'write' : 'read';
    }
    for (const [dirIndex, pathIndex] of spec.paths) {
      const dir = dirIndex === null ? null : args[dirIndex];
      const base = dir && dir.kind === 'fd' && dir.path !== null ? dir.path : cwd;
      const target = args[pathIndex];
      if (syscall === 'fchdir') push(mode, base);
      else if (target?.kind === 'string') push(mode, target.value === '' ? base : isPseudo(base) && !target.value.startsWith('/') ? base : path.resolve(base, target.value));
    }
    const real = returnedPath(rest);
    if (real !== null) push(mode, real);
  });
  return { accesses, markerSeen, lines: lines.length };
}
