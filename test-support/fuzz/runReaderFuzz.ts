// Runs the reader fuzz in bundled child processes and restarts after a case that kills or hangs its child, so
// one bad case is reported with its index and kind and the rest still run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleChild } from '../childBundle.ts';
import type { ReaderChildConfig } from './readerFuzzChild.ts';

export interface ReaderProblem {
  index: number;
  kind: string;
  detail: string;
}

export interface ReaderFuzzResult {
  cases: number;
  read: number;
  validation: number;
  problems: ReaderProblem[];
  /** Per kind of case: how many, and the milliseconds they took. */
  kinds: Record<string, { cases: number; ms: number }>;
  maxRssBytes: number;
  children: number;
  wallMs: number;
}

/** The V8 heap a child may grow to: a reader that tries to hold a whole bomb in memory dies instead of swapping. */
export const CHILD_HEAP_MB = 384;

interface ChildOutcome {
  lastCase: { index: number; kind: string } | null;
  problems: ReaderProblem[];
  outcomes: { kind: string; outcome: 'read' | 'validation'; ms: number }[];
  done: { maxRssBytes: number } | null;
  hang: number | null;
  exit: string;
}

function runChild(bundle: string, config: ReaderChildConfig, silenceMs: number): Promise<ChildOutcome> {
  const p = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, bundle, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: ChildOutcome = { lastCase: null, problems: [], outcomes: [], done: null, hang: null, exit: '' };
  let pending = '';
  let stderr = '';
  let watchdog: NodeJS.Timeout | undefined;
  // A read that spins without yielding never lets the child's own timer fire: silence this long means a hang.
  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      out.hang = out.lastCase?.index ?? config.from;
      p.kill('SIGKILL');
    }, silenceMs);
  };
  arm();
  p.stdout.setEncoding('utf8');
  p.stdout.on('data', (chunk: string) => {
    arm();
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^@(\d+) (\S+)/.exec(line);
      const ended = /^= (\d+) (read|validation) (\d+)/.exec(line);
      if (m) out.lastCase = { index: Number(m[1]), kind: m[2] ?? '' };
      else if (ended) out.outcomes.push({ kind: out.lastCase?.kind ?? '?', outcome: ended[2] === 'read' ? 'read' : 'validation', ms: Number(ended[3]) });
      else if (line.startsWith('PROBLEM ')) {
        const p = JSON.parse(line.slice(8)) as { index: number; kind: string; detail: string };
        out.problems.push({ index: p.index, kind: p.kind === 'uncaughtException' || p.kind === 'unhandledRejection' ? `${out.lastCase?.kind ?? '?'} (${p.kind})` : p.kind, detail: p.detail });
      } else if (line.startsWith('HANG ')) out.hang = Number(line.slice(5));
      else if (line.startsWith('DONE ')) out.done = JSON.parse(line.slice(5)) as ChildOutcome['done'];
    }
  });
  p.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 20_000) stderr += c.toString('utf8');
  });
  return new Promise((resolve) => {
    p.once('close', (code, signal) => {
      clearTimeout(watchdog);
      out.exit = `${code ?? signal} ${stderr.slice(-1500)}`;
      resolve(out);
    });
  });
}

export interface ReaderFuzzOptions {
  seed: number;
  cases: number;
  caseTimeMs: number;
  big?: boolean;
  plant?: ReaderChildConfig['plant'];
  plantBytes?: number;
}

export async function runReaderFuzz(o: ReaderFuzzOptions): Promise<ReaderFuzzResult> {
  const started = Date.now();
  const bundle = await bundleChild('test-support/fuzz/readerFuzzChild.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-reader-fuzz-'));
  const result: ReaderFuzzResult = { cases: o.cases, read: 0, validation: 0, problems: [], kinds: {}, maxRssBytes: 0, children: 0, wallMs: 0 };
  try {
    for (let from = 0; from < o.cases; ) {
      const config: ReaderChildConfig = { seed: o.seed, from, to: o.cases, dir, caseTimeMs: o.caseTimeMs, big: o.big === true, ...(o.plant ? { plant: o.plant, plantBytes: o.plantBytes ?? 0 } : {}) };
      const child = await runChild(bundle, config, o.caseTimeMs * 4);
      result.children++;
      result.problems.push(...child.problems);
      for (const o of child.outcomes) {
        result[o.outcome]++;
        const k = (result.kinds[o.kind] ??= { cases: 0, ms: 0 });
        k.cases++;
        k.ms += o.ms;
      }
      if (child.done) {
        result.maxRssBytes = Math.max(result.maxRssBytes, child.done.maxRssBytes);
        break;
      }
      // The child died or hung on its last case: report that case (unless it reported itself) and go on after it.
      const failed = child.hang ?? child.lastCase?.index ?? from;
      const kind = child.lastCase?.index === failed ? child.lastCase.kind : '?';
      if (!child.problems.some((p) => p.index === failed)) {
        result.problems.push({ index: failed, kind, detail: child.hang !== null ? `no answer within ${o.caseTimeMs} ms` : `child died: ${child.exit}` });
      }
      from = failed + 1;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  result.wallMs = Date.now() - started;
  return result;
}
