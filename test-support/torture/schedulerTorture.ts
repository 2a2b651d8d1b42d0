// The scheduler under torture: one archive lives through a timeline of reminder processes (the crash test's
// child: start-up redelivery, then a tick with delivery), each SIGKILLed at a named point of the tick or at a
// random moment; the next process is the restart. Before each run the parent notes what was due; after it,
// every due step was claimed by that tick or none was, each claim has exactly one in-app record, nothing not
// yet due was taken, and no step that fired once fires again.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { addDaysIso } from '../../shared/domain/dates.ts';
import { mulberry32 } from '../../shared/domain/seededRandom.ts';
import { bundleChild } from '../childBundle.ts';
import { TORTURE_EXTERNAL } from './childProtocol.ts';
import type { ChildSpec, Plant } from './childProtocol.ts';
import { reminderCounts, emptyVerdict, type Verdict } from './tortureChecks.ts';
import { runTortureChild, type ChildOutcome } from './runTortureChild.ts';
import type { OpSummary } from './tortureSuite.ts';
import { ARCHIVE, withArchive } from './tortureTemplates.ts';

const POINTS = ['after-claim', 'after-commit-before-notify', 'mid-delivery'] as const;
const START = '2026-11-23T00:00:00.000Z';
const CHILD = 'test-support/reminders/reminderCrashChild.ts';

interface Snapshot {
  integrity: string;
  /** Reminder id → fired_at, for every claimed step. */
  fired: Map<string, string>;
  /** Due at the run's instant and not claimed. */
  due: Set<string>;
  nextDue: string | null;
  lost: number;
  doubled: number;
  /** Steps with more than one in-app record (nothing is snoozed here, so one arming each). */
  recordedTwice: number;
  undelivered: number;
}

function snapshot(file: string, nowIso: string): Snapshot {
  const raw = new Database(file, { fileMustExist: true });
  try {
    const integrity = String(raw.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') return { integrity, fired: new Map(), due: new Set(), nextDue: null, lost: 0, doubled: 0, recordedTwice: 0, undelivered: 0 };
    const fired = new Map((raw.prepare('SELECT id, fired_at FROM reminders WHERE fired_at IS NOT NULL').raw().all() as [string, string][]).map(([id, at]) => [id, at]));
    const due = new Set(raw.prepare('SELECT id FROM reminders WHERE fired_at IS NULL AND due_at <= ?').pluck().all(nowIso) as string[]);
    const nextDue = raw.prepare('SELECT min(due_at) FROM reminders WHERE fired_at IS NULL').pluck().get() as string | null;
    const count = (sql: string) => Number(raw.prepare(sql).pluck().get());
    return {
      integrity,
      fired,
      due,
      nextDue,
      ...reminderCounts(raw),
      recordedTwice: count('SELECT count(*) FROM (SELECT reminder_id FROM notifications WHERE reminder_id IS NOT NULL GROUP BY reminder_id HAVING count(*) > 1)'),
      undelivered: count('SELECT count(*) FROM notifications WHERE delivered_at IS NULL'),
    };
  } finally {
    raw.close();
  }
}

/** Compares what a run left with what was due when it started; adds what it finds to `v`. */
function judgeRun(before: Snapshot, after: Snapshot, completed: boolean, v: Verdict, tag: (p: string) => string): void {
  if (after.integrity !== 'ok') {
    v.corrupt++;
    v.problems.push(tag(`integrity_check says ${after.integrity.slice(0, 200)}`));
    return;
  }
  const claimed = [...after.fired.keys()].filter((id) => !before.fired.has(id));
  const early = claimed.filter((id) => !before.due.has(id));
  if (early.length > 0) {
    v.partial++;
    v.problems.push(tag(`${early.length} steps claimed that were not yet due`));
  }
  if (claimed.length > 0 && claimed.length !== before.due.size) {
    v.partial++;
    v.problems.push(tag(`the tick claimed ${claimed.length} of the ${before.due.size} due steps`));
  }
  if (completed && claimed.length === 0 && before.due.size > 0) {
    v.lost += before.due.size;
    v.problems.push(tag(`a run that finished claimed none of the ${before.due.size} due steps`));
  }
  const reclaimed = [...before.fired].filter(([id, at]) => after.fired.has(id) && after.fired.get(id) !== at).length;
  const gone = [...before.fired.keys()].filter((id) => !after.fired.has(id)).length;
  const doubled = reclaimed + Math.max(0, after.doubled - before.doubled) + Math.max(0, after.recordedTwice - before.recordedTwice);
  if (doubled + gone > 0) {
    v.doubled += doubled + gone;
    v.problems.push(tag(`${reclaimed} steps claimed again, ${gone} fired steps re-armed, ${after.recordedTwice - before.recordedTwice} steps recorded twice`));
  }
  const lost = Math.max(0, after.lost - before.lost);
  if (lost > 0) {
    v.lost += lost;
    v.problems.push(tag(`${lost} claims without their in-app record`));
  }
  if (completed && after.undelivered > 0) {
    v.lost += after.undelivered;
    v.problems.push(tag(`${after.undelivered} in-app records never handed to the OS after a clean start-up`));
  }
}

async function makeTemplate(file: string, seed: number): Promise<void> {
  const random = mulberry32(seed);
  await withArchive(file, START, async (call) => {
    for (let c = 0; c < 30; c++) {
      const customer = await call('customers:create', { name: `提醒测试客户${c}`, tier: (['vip', 'important', 'normal'] as const)[c % 3] });
      for (let k = 0; k < 3; k++) {
        await call('contracts:create', { customerId: customer.id, number: `TX-${c}-${k}`, endsOn: addDaysIso('2026-12-20', Math.floor(random() * 200)) });
      }
    }
  });
}

export interface SchedulerOptions {
  runs: number;
  seed: number;
  workDir: string;
  /** The plant runs instead of run `plantAt` (tortureChild.ts), to show the checks catch it. */
  plant?: { at: number; plant: Plant; bundle: string };
}

export async function tortureScheduler(options: SchedulerOptions): Promise<OpSummary> {
  const started = Date.now();
  const dir = path.join(options.workDir, 'scheduler');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const bundle = await bundleChild(CHILD, TORTURE_EXTERNAL);
  const file = path.join(dir, ARCHIVE);
  const toastLog = path.join(dir, 'toasts.jsonl');
  fs.writeFileSync(toastLog, '');
  await makeTemplate(file, options.seed);
  // A clean run on a copy, to time how long a reminder process lives.
  const probeFile = path.join(dir, 'timing.db');
  fs.copyFileSync(file, probeFile);
  const timing = await runTortureChild(bundle, [probeFile, snapshot(file, START).nextDue ?? START, 'none', path.join(dir, 'timing.jsonl')]);
  if (timing.code !== 0) throw new Error(`scheduler: the clean timing run failed: ${timing.stderr}`);

  const summary: OpSummary = { op: 'scheduler', runs: 0, kills: 0, ...emptyVerdict(), failures: 0, problems: [], ms: 0 };
  const random = mulberry32(options.seed);
  let now = Date.parse(START);
  for (let run = 0; run <= options.runs; run++) {
    const final = run === options.runs;
    const first = snapshot(file, new Date(now).toISOString());
    // Jump to the next due step (often a few days past it, so several fall due at once and some are superseded).
    if (first.nextDue) now = Math.max(now, Date.parse(first.nextDue)) + Math.floor(random() * 3) * 86_400_000 + Math.floor(random() * 60) * 1000;
    const nowIso = new Date(now).toISOString();
    const before = snapshot(file, nowIso);
    const tag = (p: string) => `scheduler seed ${options.seed} run ${run} at ${nowIso} (replay: npm run torture -- --op scheduler --seed ${options.seed} --runs ${options.runs}): ${p}`;
    let outcome: ChildOutcome;
    if (options.plant?.at === run) {
      const spec: ChildSpec = { op: 'scheduler', file, nowIso, inputs: {}, killAt: null, record: null, plant: options.plant.plant };
      outcome = await runTortureChild(options.plant.bundle, [JSON.stringify(spec)]);
    } else if (final) {
      // The last start-up runs to the end: whatever earlier kills left must be delivered and nothing left due.
      outcome = await runTortureChild(bundle, [file, nowIso, 'none', toastLog]);
    } else if (random() < 0.5) {
      outcome = await runTortureChild(bundle, [file, nowIso, POINTS[Math.floor(random() * POINTS.length)]!, toastLog]);
    } else {
      const killAfterMs = Math.floor(random() * timing.wallMs * 1.1);
      outcome = await runTortureChild(bundle, [file, nowIso, 'none', toastLog], { killAfterMs, fromSpawn: true });
    }
    if (!final) summary.runs++;
    if (outcome.killed) summary.kills++;
    if (!outcome.killed && outcome.code !== 0) {
      summary.failures++;
      summary.problems.push(tag(`the reminder process failed on its own (${outcome.code}): ${outcome.stderr.slice(0, 800)}`));
    }
    const v = emptyVerdict();
    judgeRun(before, snapshot(file, nowIso), !outcome.killed && outcome.code === 0, v, tag);
    summary.corrupt += v.corrupt;
    summary.partial += v.partial;
    summary.lost += v.lost;
    summary.doubled += v.doubled;
    summary.problems.push(...v.problems);
    if (v.corrupt > 0) break;
  }
  const end = snapshot(file, new Date(now).toISOString());
  if (end.integrity === 'ok' && end.due.size > 0) {
    summary.lost += end.due.size;
    summary.problems.push(`scheduler seed ${options.seed}: ${end.due.size} due steps never claimed by the end`);
  }
  summary.ms = Date.now() - started;
  return summary;
}
