import { spawn } from 'node:child_process';
import { emptyReport, readChildLine, type ChildReport } from './childProtocol.ts';

export interface ChildOutcome {
  report: ChildReport;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Killed by the parent or by itself with SIGKILL, as planned (not for hanging). */
  killed: boolean;
  hung: boolean;
  stderr: string;
  /** Spawn to exit. */
  wallMs: number;
}

export interface RunChildOptions {
  /** Kill this long after READY (or after the spawn when the child never says READY). */
  killAfterMs?: number | null;
  /** Count from the spawn instead of from READY (children that do not speak the protocol). */
  fromSpawn?: boolean;
  /** A child that runs longer is killed and reported as hung. */
  hangMs?: number;
}

/** Runs a bundled child with `args`, folding its stdout into a report. */
export function runTortureChild(bundle: string, args: readonly string[], options: RunChildOptions = {}): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const p = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const report = emptyReport();
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    const arm = () => {
      if (options.killAfterMs === null || options.killAfterMs === undefined || timer) return;
      timer = setTimeout(() => p.kill('SIGKILL'), options.killAfterMs);
    };
    if (options.fromSpawn) arm();
    const hang = setTimeout(() => {
      hung = true;
      stderr += `\n[torture] child still running after ${options.hangMs ?? 120_000} ms: killed`;
      p.kill('SIGKILL');
    }, options.hangMs ?? 120_000);
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        readChildLine(report, line);
        if (line === 'READY') arm();
      }
    });
    p.on('error', reject);
    p.on('close', (code, signal) => {
      clearTimeout(hang);
      if (timer) clearTimeout(timer);
      if (pending) readChildLine(report, pending);
      resolve({ report, code, signal, killed: signal === 'SIGKILL' && !hung, hung, stderr, wallMs: Date.now() - started });
    });
  });
}
