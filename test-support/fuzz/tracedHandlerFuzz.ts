// One traced run of the handler fuzz: a fresh workspace, the bundled child under strace, then everything judged
// afterwards: the child's own report (envelopes), the trace (paths), the canaries and the archive's integrity.
import fs from 'node:fs';
import path from 'node:path';
import { CHOSEN_LOCATION_FILE } from '../../electron/services/chosenLocation.ts';
import { userDataDir } from '../../electron/services/dataLocation.ts';
import Database from 'better-sqlite3';
import { bundleChild } from '../childBundle.ts';
import { createFuzzWorkspace } from './fuzzWorkspace.ts';
import type { HandlerFuzzReport } from './handlerFuzz.ts';
import type { HandlerFuzzChildConfig } from './handlerFuzzChild.ts';
import { judgeAccesses, type PathPolicy, type Violation } from './pathPolicy.ts';
import { parseTrace } from './straceTrace.ts';
import { assertStraceWorks, runTraced } from './straceRunner.ts';
import { attachmentsDirFor } from '../../db/attachmentStore.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface TracedFuzzResult {
  report: HandlerFuzzReport | null;
  /** Why the child did not finish, with the payload it was on; null when it did. */
  failure: string | null;
  violations: Violation[];
  /** Accesses judged (after the marker). */
  accesses: number;
  markerSeen: boolean;
  canariesUnchanged: boolean;
  integrity: string;
  foreignKeyProblems: number;
  /** What the child and its backend worker wrote to stderr (the last 100 kB). */
  stderr: string;
  wallMs: number;
}

/** The backend worker's bundle as the web host runs it (npm run build:node; Vitest's global setup builds it). */
export const BACKEND_BUNDLE = path.join(ROOT, 'dist', 'node', 'backend.mjs');

export async function runTracedHandlerFuzz(config: Omit<HandlerFuzzChildConfig, 'targets' | 'marker'>, timeoutMs: number): Promise<TracedFuzzResult> {
  assertStraceWorks();
  if (config.workerScript !== undefined && !fs.existsSync(config.workerScript)) throw new Error(`${config.workerScript} is missing: run npm run build:node first.`);
  const child = await bundleChild('test-support/fuzz/handlerFuzzChild.ts');
  const ws = await createFuzzWorkspace();
  const started = Date.now();
  try {
    const before = ws.canaryFingerprint();
    const traceFile = path.join(path.dirname(ws.dir), `${path.basename(ws.dir)}.trace`);
    const full: HandlerFuzzChildConfig = { ...config, targets: ws.targets, marker: ws.marker };
    const run = await runTraced({
      command: process.execPath,
      args: [child, JSON.stringify(full)],
      cwd: ws.dir,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: ws.dir, TZ: 'Asia/Shanghai', LANG: 'C.UTF-8' },
      traceFile,
      timeoutMs,
      keep: ['@', 'CRASH ', 'REPORT '],
    });
    const reportLine = run.last['REPORT '];
    const report = reportLine ? (JSON.parse(reportLine.slice('REPORT '.length)) as HandlerFuzzReport) : null;
    const failure = report
      ? null
      : `child ${run.timedOut ? `timed out after ${timeoutMs} ms` : `exited ${run.code ?? run.signal}`}; last payload ${run.last['@'] ?? 'none'}; ${run.last['CRASH '] ?? ''} ${run.stderr.slice(-2000)}`;
    // The backend worker logs an internal error's stack to stderr: kept for a failing run.
    const stderr = run.stderr;
    const trace = fs.existsSync(traceFile) ? fs.readFileSync(traceFile, 'utf8') : '';
    // FUZZ_KEEP_TRACE=FILE keeps the trace to read when a violation needs explaining.
    const keepAs = process.env['FUZZ_KEEP_TRACE'];
    if (keepAs) fs.copyFileSync(traceFile, keepAs);
    fs.rmSync(traceFile, { force: true });
    const parsed = parseTrace(trace, ws.dir, ws.marker);
    const policy: PathPolicy = {
      dataFile: ws.targets.dataFile,
      backupsDir: ws.targets.backupsDir,
      stagingDir: ws.targets.stagingDir,
      attachmentsDir: attachmentsDirFor(ws.targets.dataFile),
      // The child's HOME is the workspace: its per-user data folder is the one userDataDir derives from it.
      configFiles: [path.join(userDataDir({ HOME: ws.dir }, 'linux'), CHOSEN_LOCATION_FILE)],
      codeRoots: [...new Set([ROOT, fs.realpathSync(path.join(ROOT, 'node_modules'))])],
      canaries: [ws.targets.canaryDir, ...ws.targets.canaryFiles],
    };
    const db = new Database(ws.targets.dataFile, { readonly: true });
    let integrity: string;
    let foreignKeyProblems: number;
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }));
      foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    } finally {
      db.close();
    }
    return {
      report,
      failure,
      violations: judgeAccesses(parsed.accesses, policy),
      accesses: parsed.accesses.length,
      markerSeen: parsed.markerSeen,
      canariesUnchanged: ws.canaryFingerprint() === before,
      integrity,
      foreignKeyProblems,
      stderr,
      wallMs: Date.now() - started,
    };
  } finally {
    ws.remove();
  }
}

/** Violations grouped by reason and path, for a readable failure. */
export function summarizeViolations(violations: readonly Violation[], max = 30): string[] {
  const seen = new Map<string, number>();
  for (const v of violations) {
    const key = `${v.reason} ${v.access.mode} ${v.access.syscall} ${v.access.path}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].slice(0, max).map(([k, n]) => (n > 1 ? `${k} (×${n})` : k));
}
