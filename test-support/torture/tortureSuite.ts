// The torture loop for one operation: build its template, run one clean recording child to learn the states a
// run passes through and where each kill point falls, then run children that are SIGKILLed at a named point or
// at a random moment, two at a time, and check each archive they leave. Every run has its own seed (printed
// with each problem), so `npm run torture -- --op X --seed N --runs 1` replays it.
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../shared/domain/seededRandom.ts';
import { collectIds, digestArchive } from './archiveDigest.ts';
import type { ChildPoint, ChildSpec, Plant, TortureOp } from './childProtocol.ts';
import { OPERATIONS } from './tortureOperations.ts';
import { checkArchive, emptyVerdict, type Verdict } from './tortureChecks.ts';
import { ARCHIVE, TEMPLATES, type Template } from './tortureTemplates.ts';
import { runTortureChild, type ChildOutcome } from './runTortureChild.ts';

export interface OpSummary extends Omit<Verdict, 'problems'> {
  op: string;
  runs: number;
  kills: number;
  /** Problems that are none of the four counts (a child that failed on its own, a next operation that broke). */
  failures: number;
  problems: string[];
  ms: number;
}

export function summaryLine(s: OpSummary): string {
  return (
    `[torture] ${s.op.padEnd(9)} runs ${s.runs}, kills ${s.kills}, corrupt ${s.corrupt}, partial ${s.partial}, ` +
    `lost reminders ${s.lost}, doubled reminders ${s.doubled}, other failures ${s.failures} (${(s.ms / 1000).toFixed(1)} s)`
  );
}

export interface Prepared {
  op: TortureOp;
  template: Template;
  known: Set<string>;
  knownIdsFile: string;
  reference: ChildOutcome;
  /** Digests of backups the template already held. */
  templateBackups: string[];
}

function copyDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

/** The template's input files, as they sit in a run's own copy. */
function inputsIn(template: Template, runDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(template.inputs)) {
    out[k] = v.startsWith(template.dir + path.sep) ? path.join(runDir, path.relative(template.dir, v)) : v;
  }
  return out;
}

function databasesIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.db')).map((f) => path.join(dir, f));
}

type SpecSource = Pick<Prepared, 'op' | 'template' | 'knownIdsFile'>;

function spec(from: SpecSource, runDir: string, killAt: ChildSpec['killAt'], plant: Plant | null, record = false): string {
  const s: ChildSpec = {
    op: from.op,
    file: path.join(runDir, ARCHIVE),
    nowIso: from.template.nowIso,
    inputs: inputsIn(from.template, runDir),
    killAt,
    record: record ? { knownIdsFile: from.knownIdsFile } : null,
    plant,
  };
  return JSON.stringify(s);
}

/** Builds the template and runs the recording child; a failure here is a broken setup, not a finding. */
export async function prepareOperation(op: TortureOp, bundle: string, workDir: string): Promise<Prepared> {
  const templateDir = path.join(workDir, op, 'template');
  fs.rmSync(templateDir, { recursive: true, force: true });
  fs.mkdirSync(templateDir, { recursive: true });
  const template = await TEMPLATES[op](templateDir);
  const known = new Set<string>();
  for (const db of databasesIn(templateDir)) for (const id of collectIds(db)) known.add(id);
  const knownIdsFile = path.join(workDir, op, 'known-ids.json');
  fs.writeFileSync(knownIdsFile, JSON.stringify([...known]));
  const templateBackups = databasesIn(templateDir).filter((f) => !f.endsWith(ARCHIVE)).map((f) => digestArchive(f, known).whole);
  const runDir = path.join(workDir, op, 'reference');
  copyDir(templateDir, runDir);
  const reference = await runTortureChild(bundle, [spec({ op, template, knownIdsFile }, runDir, null, null, true)]);
  if (reference.code !== 0 || !reference.report.done) throw new Error(`${op}: the clean recording run failed (${reference.code}): ${reference.stderr}`);
  const prepared: Prepared = { op, template, known, knownIdsFile, reference, templateBackups };
  const verdict = checkArchive(path.join(runDir, ARCHIVE), known, {
    reference: reference.report,
    acks: reference.report.acks,
    exactly: reference.report.states.length - 1,
    otherBackupStates: templateBackups,
  });
  if (verdict.problems.length > 0) throw new Error(`${op}: the clean run's own archive fails the checks: ${verdict.problems.join('; ')}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  return prepared;
}

interface KillPlan {
  killAt: ChildSpec['killAt'];
  killAfterMs: number | null;
  exactly: number | null;
  label: string;
}

/** Half the runs die at a named point (which one and its n-th time by seed), half at a random moment. */
function planKill(prepared: Prepared, seed: number): KillPlan {
  const random = mulberry32(seed);
  const op = OPERATIONS[prepared.op];
  const report = prepared.reference.report;
  const points = op.points.filter((p) => (report.points[p] ?? 0) > 0);
  if (random() < 0.5 && points.length > 0) {
    const point: ChildPoint = points[Math.floor(random() * points.length)]!;
    const nth = 1 + Math.floor(random() * report.points[point]!);
    const exactly = op.deterministic ? (report.stateAt.get(`${point}#${nth}`) ?? null) : null;
    return { killAt: { point, nth }, killAfterMs: null, exactly, label: `at ${point} #${nth}` };
  }
  // A little past the clean run's length, so some kills land as it finishes.
  const killAfterMs = Math.floor(random() * report.elapsedMs * 1.1);
  return { killAt: null, killAfterMs, exactly: null, label: `${killAfterMs} ms after READY` };
}

export interface RunResult {
  killed: boolean;
  verdict: Verdict;
  failures: string[];
}

/** One run: copy the template, run a child to its death, check what it left, then use the archive. */
export async function tortureRun(prepared: Prepared, bundle: string, runDir: string, seed: number, plant: Plant | null = null): Promise<RunResult> {
  copyDir(prepared.template.dir, runDir);
  const plan = plant ? { killAt: null, killAfterMs: null, exactly: null, label: `planted ${plant}` } : planKill(prepared, seed);
  const outcome = await runTortureChild(bundle, [spec(prepared, runDir, plan.killAt, plant)], { killAfterMs: plan.killAfterMs });
  const failures: string[] = [];
  const replay = plant ? '' : `; replay: npm run torture -- --op ${prepared.op} --seed ${seed} --runs 1`;
  const tag = (p: string) => `${prepared.op} seed ${seed} (${plan.label}${replay}): ${p}`;
  if (!outcome.killed && outcome.code !== 0) failures.push(tag(`the child failed on its own (${outcome.code}): ${outcome.stderr.slice(0, 800)}`));
  const file = path.join(runDir, ARCHIVE);
  const verdict = checkArchive(file, prepared.known, {
    reference: prepared.reference.report,
    acks: outcome.report.acks,
    exactly: plan.exactly,
    otherBackupStates: prepared.templateBackups,
  });
  verdict.problems = verdict.problems.map(tag);
  // Only an archive that passed can be expected to work next; a broken one is already counted.
  if (verdict.problems.length === 0) {
    try {
      const next = await OPERATIONS[prepared.op].next({
        file,
        nowIso: prepared.template.nowIso,
        inputs: inputsIn(prepared.template, runDir),
        known: prepared.known,
        reference: prepared.reference.report,
      });
      failures.push(...next.map(tag));
    } catch (e) {
      failures.push(tag(`the next operation failed: ${(e as Error).message}`));
    }
  }
  if (verdict.problems.length === 0 && failures.length === 0) fs.rmSync(runDir, { recursive: true, force: true });
  return { killed: outcome.killed, verdict, failures };
}

export interface TortureOptions {
  runs: number;
  /** Run i of this operation uses seed + i. */
  seed: number;
  workDir: string;
  bundle: string;
  /** Children at a time (each on its own archive). */
  parallel?: number;
  /** Progress details (the template, the clean run); the summary line is the caller's. */
  log?: (line: string) => void;
  /** An operation already prepared (a test that also plants faults on it). */
  prepared?: Prepared;
}

export async function tortureOperation(op: TortureOp, options: TortureOptions): Promise<OpSummary> {
  const started = Date.now();
  const prepared = options.prepared ?? (await prepareOperation(op, options.bundle, options.workDir));
  const ref = prepared.reference;
  options.log?.(
    `[torture] ${op}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s; the clean run took ${ref.report.elapsedMs} ms ` +
      `(${ref.wallMs} ms with recording), passed ${ref.report.states.length} states, reached ${JSON.stringify(ref.report.points)}`,
  );
  const summary: OpSummary = { op, runs: 0, kills: 0, ...emptyVerdict(), failures: 0, problems: [], ms: 0 };
  const parallel = options.parallel ?? 2;
  for (let i = 0; i < options.runs; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, options.runs - i) }, (_, k) => i + k);
    const results = await Promise.all(
      batch.map((n) => tortureRun(prepared, options.bundle, path.join(options.workDir, op, `run-${n}`), options.seed + n)),
    );
    for (const r of results) {
      summary.runs++;
      if (r.killed) summary.kills++;
      summary.corrupt += r.verdict.corrupt;
      summary.partial += r.verdict.partial;
      summary.lost += r.verdict.lost;
      summary.doubled += r.verdict.doubled;
      summary.failures += r.failures.length;
      summary.problems.push(...r.verdict.problems, ...r.failures);
    }
  }
  summary.ms = Date.now() - started;
  return summary;
}
