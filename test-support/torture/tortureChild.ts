// A torture child: opens an archive the way the app does, runs one operation through the real handler table
// and SIGKILLs itself at the named point it was given (or is killed by the parent at a random moment). In a
// recording run it prints every state the archive passes through instead. Protocol: childProtocol.ts.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { CrashHooks } from '../../db/crashHooks.ts';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/allMigrations.ts';
import { buildHandlerTable } from '../../electron/services/allHandlers.ts';
import { dispatch } from '../../electron/services/handlerTable.ts';
import { stderrLogger } from '../../electron/services/logger.ts';
import { openServiceContext, type OpenContext } from '../../electron/services/openServiceContext.ts';
import { digestArchive } from './archiveDigest.ts';
import { runChildOperation, type ChildRun } from './childOperations.ts';
import { parseChildSpec, type ChildPoint } from './childProtocol.ts';

const spec = parseChildSpec(process.argv[2]);
const say = (line: string) => process.stdout.write(`${line}\n`);

function die(): never {
  process.kill(process.pid, 'SIGKILL');
  // The signal is on its way; never run another line of the operation meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  throw new Error('still alive after SIGKILL');
}

const known = spec.record ? new Set(JSON.parse(fs.readFileSync(spec.record.knownIdsFile, 'utf8')) as string[]) : null;
const states: string[] = [];
let recordingMs = 0;
/** The state on disk now, as another connection sees it: only what has been committed. */
function recordState(): number {
  if (!known) return -1;
  const started = performance.now();
  const d = digestArchive(spec.file, known);
  if (states.at(-1) !== d.whole) {
    states.push(d.whole);
    say(`STATE ${d.whole} ${JSON.stringify(d.tables)}`);
  }
  recordingMs += performance.now() - started;
  return states.length - 1;
}

// Every commit passes 'after-commit'; a restore's swap is the one change of state that is not a commit.
const CHANGES_STATE = new Set<ChildPoint>(['after-commit', 'restore:swapped']);
const reachedCount: Partial<Record<ChildPoint, number>> = {};
function reach(point: ChildPoint): void {
  const nth = (reachedCount[point] = (reachedCount[point] ?? 0) + 1);
  if (known) say(`AT ${point} ${nth} ${CHANGES_STATE.has(point) ? recordState() : states.length - 1}`);
  if (spec.killAt && spec.killAt.point === point && spec.killAt.nth === nth) die();
}
const crashHooks: CrashHooks = { reached: reach };

let startedAt = 0;
function ready(): void {
  recordState();
  recordingMs = 0;
  say('READY');
  startedAt = performance.now();
}

const open = (): Promise<OpenContext> =>
  openServiceContext({ file: spec.file, now: () => new Date(spec.nowIso), logger: stderrLogger('torture-child'), crashHooks });

let opened: OpenContext;
if (spec.op === 'migration') {
  // The migration is the open itself: the clock starts before it.
  ready();
  if (spec.plant === 'version-first') {
    // A migration runner that bumps the version before the migration's work is done, then dies.
    const raw = new Database(spec.file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    die();
  }
  opened = await open();
  say('ACK 1');
  reach('after-return');
} else {
  opened = await open();
  ready();
}

const table = buildHandlerTable();
let acks = 0;
const run: ChildRun = {
  spec,
  ctx: opened.ctx,
  envelope: (name, input = {}) => dispatch(table, opened.ctx, name, input),
  async call<T>(name: string, input: unknown = {}): Promise<T> {
    const result = await dispatch(table, opened.ctx, name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.data as T;
  },
  committed: () => say(`ACK ${++acks}`),
  returned: () => reach('after-return'),
  say,
  die,
};
if (spec.op !== 'migration') await runChildOperation(run);
const elapsed = performance.now() - startedAt - recordingMs;
await opened.close();
recordState();
say(`POINTS ${JSON.stringify(reachedCount)}`);
say(`ELAPSED ${Math.round(elapsed)}`);
say('DONE');
