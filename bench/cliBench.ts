// npm run bench:cli [-- --runs N]
//
// Times the CLI as whole processes (bin/renewal-desk.js, which runs the bundle) on the demo database, and
// `npm run web` to its RENEWAL_DESK_URL= line with the renderer built, each run paired with `node -e ''` in the
// same run (A B A B …), so the ratio holds while the machine's speed drifts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 10);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'bin', 'renewal-desk.js');
const out = (line = '') => process.stdout.write(`${line}\n`);
// The web host's scheduler may fire reminders: without a session bus they stay in the outbox, not on a desktop.
const ENV = { ...process.env, RENEWAL_DESK_DB: '', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

interface Sample {
  wallMs: number;
  /** User + system CPU of the process and what it waited for (Linux), steadier than wall time on a busy machine. */
  cpuMs: number | null;
}

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU of this process's reaped children so far, from /proc/self/stat (cutime + cstime); null off Linux. */
function childrenCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

function runOnce(command: string, commandArgs: string[]): Sample {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(command, commandArgs, { cwd: repoRoot, env: ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

/** Wall time from spawning a web host to its URL line; then its whole process group is stopped. */
function timeToUrl(command: string, commandArgs: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, commandArgs, { cwd: repoRoot, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let elapsed: number | null = null;
    const stop = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no RENEWAL_DESK_URL line within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (elapsed === null && /^RENEWAL_DESK_URL=/m.test(output)) {
        elapsed = performance.now() - t0;
        clearTimeout(timer);
        stop();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', () => (elapsed === null ? reject(new Error(`web host ended before its URL line:\n${output}`)) : resolve(elapsed)));
  });
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(3);
const spread = (xs: number[]) => `${seconds(median(xs))} s [${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))}]`;

interface Row {
  label: string;
  wall: number[];
  cpu: number[];
  baseWall: number[];
  targetMs?: number;
}

function report(row: Row): { met: boolean | null } {
  const ratios = row.wall.map((w, i) => w / row.baseWall[i]!);
  const over = row.wall.map((w, i) => w - row.baseWall[i]!);
  const cpu = row.cpu.length === row.wall.length ? `  CPU ${seconds(median(row.cpu))} s` : '';
  const m = median(row.wall);
  const met = row.targetMs === undefined ? null : m <= row.targetMs;
  const verdict = row.targetMs === undefined ? '' : `  target ≤ ${seconds(row.targetMs)} s: ${met ? 'met' : 'NOT met'}`;
  out(
    `${row.label.padEnd(34)} wall ${spread(row.wall)}${cpu}  node -e '' ${seconds(median(row.baseWall))} s  ` +
      `ratio ${median(ratios).toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]  +${seconds(median(over))} s${verdict}`,
  );
  return { met };
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  out('== Machine');
  out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-bench-cli-'));
  try {
    const demo = path.join(dir, 'demo.db');
    // The first call also rebuilds a stale bundle, so it is not measured.
    runOnce(process.execPath, [bin, '--db', demo, 'demo', '--json']);
    const commands: { label: string; argv: string[]; targetMs?: number }[] = [
      { label: '--help', argv: ['--help'], targetMs: 300 },
      { label: 'info', argv: ['--db', demo, 'info'] },
      { label: 'customers list --json (200)', argv: ['--db', demo, 'customers', 'list', '--json'] },
      { label: 'remind --dry-run --json', argv: ['--db', demo, 'remind', '--dry-run', '--json'], targetMs: 600 },
    ];
    const rows: Row[] = commands.map((c) => ({ label: c.label, wall: [], cpu: [], baseWall: [], targetMs: c.targetMs }));
    for (const c of commands) runOnce(process.execPath, [bin, ...c.argv]);
    for (let i = 0; i < RUNS; i++) {
      commands.forEach((c, k) => {
        const base = runOnce(process.execPath, ['-e', '']);
        const run = runOnce(process.execPath, [bin, ...c.argv]);
        rows[k]!.baseWall.push(base.wallMs);
        rows[k]!.wall.push(run.wallMs);
        if (run.cpuMs !== null) rows[k]!.cpu.push(run.cpuMs);
      });
    }

    // Each web host start gets its own copy of the demo archive, so every run does the same start-up work.
    const webDb = path.join(dir, 'web.db');
    const freshWebDb = () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(webDb + suffix, { force: true });
      fs.copyFileSync(demo, webDb);
    };
    const webStarts = [
      { label: 'npm run web → URL line', command: 'npm', argv: ['run', '--silent', 'web', '--', '--port', '0', '--db', webDb], targetMs: 1500 },
      { label: '  node scripts/web.mjs → URL line', command: process.execPath, argv: [path.join(repoRoot, 'scripts', 'web.mjs'), '--port', '0', '--db', webDb] },
    ];
    const webRows: Row[] = webStarts.map((w) => ({ label: w.label, wall: [], cpu: [], baseWall: [], targetMs: w.targetMs }));
    // The warm-up builds a stale renderer (vite) and bundle.
    freshWebDb();
    await timeToUrl(webStarts[0]!.command, webStarts[0]!.argv, 300_000);
    for (let i = 0; i < RUNS; i++) {
      for (const [k, w] of webStarts.entries()) {
        freshWebDb();
        webRows[k]!.baseWall.push(runOnce(process.execPath, ['-e', '']).wallMs);
        webRows[k]!.wall.push(await timeToUrl(w.command, w.argv, 60_000));
      }
    }

    out();
    out(`== CLI processes on the demo archive (${RUNS} pairs each; median [min–max]; ratio and excess over node -e '' pair by pair)`);
    const verdicts = rows.map(report);
    out();
    out(`== Web host start-up, renderer built (${RUNS} pairs each)`);
    verdicts.push(...webRows.map(report));
    out();
    const judged = verdicts.filter((v) => v.met !== null);
    out(`targets: ${judged.filter((v) => v.met).length} of ${judged.length} met; load at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
