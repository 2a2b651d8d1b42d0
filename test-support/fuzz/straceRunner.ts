// Runs a process under strace, following its threads, stopping only at syscalls that name a path (%file), open a
// socket, or set up io_uring (whose file operations strace could not see; libuv is told not to use it). Strings
// are hex-escaped (-xx) and fds decoded to paths (-y), for straceTrace.ts to read.
import { spawn, spawnSync } from 'node:child_process';

export const TRACED_SYSCALLS = '%file,connect,bind,io_uring_setup,io_uring_enter,io_uring_register';

/** Fails with what to do when strace is missing or ptrace is not allowed here: the escape check never skips. */
export function assertStraceWorks(): void {
  const r = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', '--', 'true'], { encoding: 'utf8' });
  if (r.error) {
    throw new Error(`strace could not be started (${r.error.message}). The escape check needs it: apt-get install strace (npm test ensures it through scripts/ensureSystemPackages.mjs).`);
  }
  if (r.status !== 0) {
    throw new Error(`strace cannot trace on this machine (exit ${r.status}): ${r.stderr.trim()}. Ptrace must be allowed (kernel.yama.ptrace_scope ≤ 1, no seccomp rule against it in the container).`);
  }
}

export interface TracedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last line the child printed that starts with each of these prefixes. */
  last: Record<string, string>;
  stderr: string;
}

export interface TraceOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  traceFile: string;
  timeoutMs: number;
  /** Line prefixes of the child's stdout to keep the last of. */
  keep: readonly string[];
}

export function runTraced(o: TraceOptions): Promise<TracedRun> {
  const args = ['-f', '--seccomp-bpf', '-qq', '-xx', '-y', '-s', '8192', '-o', o.traceFile, '-e', `trace=${TRACED_SYSCALLS}`, '--', o.command, ...o.args];
  // Its own process group, so a time-out kills strace and the traced child together.
  const p = spawn('strace', args, { cwd: o.cwd, env: { ...o.env, UV_USE_IO_URING: '0' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const last: Record<string, string> = {};
  let pending = '';
  let stderr = '';
  p.stdout.setEncoding('utf8');
  p.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) for (const prefix of o.keep) if (line.startsWith(prefix)) last[prefix] = line;
  });
  p.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 100_000) stderr += c.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (p.pid !== undefined) process.kill(-p.pid, 'SIGKILL');
    }, o.timeoutMs);
    p.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    p.once('close', (code, signal) => {
      clearTimeout(timer);
      for (const prefix of o.keep) if (pending.startsWith(prefix)) last[prefix] = pending;
      resolve({ code, signal, timedOut, last, stderr });
    });
  });
}
