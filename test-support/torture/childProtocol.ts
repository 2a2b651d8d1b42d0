// What the torture parent tells a child (one JSON argument) and what the child prints back, one line each:
//   READY                    the operation starts now (random kills are timed from here)
//   ACK <n>                  the n-th write the operation makes returned: its state must survive
//   BACKUP <name>            a backup call returned this backup (its name in the list)
//   STATE <digest> <tables>  (recording runs) a state the archive passed through, in order
//   AT <point> <nth> <i>     (recording runs) the n-th time <point> was reached, the archive was in state i
//   POINTS <json>            how often each point was reached
//   ELAPSED <ms>             READY to the end, recording time left out
//   DONE
import type { CrashPoint } from '../../db/crashHooks.ts';

/** Packages the torture child leaves to Node: exceljs, loaded only for .xlsx, then costs a child no start-up time. */
export const TORTURE_EXTERNAL = ['exceljs'];

export const TORTURE_OPS = ['import', 'renew', 'bulk', 'migration', 'backup', 'restore'] as const;
export type TortureOp = (typeof TORTURE_OPS)[number];

/** A point the child reaches itself: right after one call of the operation returned to its caller. */
export type ChildPoint = CrashPoint | 'after-return';

/** Faults a child plants on purpose, to show that the parent's checks catch them. */
export const PLANTS = ['half-batch', 'scribble', 'half-listed-backup', 'stale-wal', 'version-first', 'claim-without-record', 're-arm-fired'] as const;
export type Plant = (typeof PLANTS)[number];

export interface ChildSpec {
  /** 'scheduler' only with a plant: the scheduler's real runs use test-support/reminders/reminderCrashChild.ts. */
  op: TortureOp | 'scheduler';
  /** The archive the child opens. */
  file: string;
  /** The injected clock: every run of an operation sees the same instant, so states compare byte for byte. */
  nowIso: string;
  /** Files and ids the operation works on, prepared by the parent. */
  inputs: Record<string, string>;
  killAt: { point: ChildPoint; nth: number } | null;
  /** Print every state the archive passes through (the reference run). */
  record: { knownIdsFile: string } | null;
  plant: Plant | null;
}

export function parseChildSpec(arg: string | undefined): ChildSpec {
  if (!arg) throw new Error('usage: tortureChild <spec json>');
  return JSON.parse(arg) as ChildSpec;
}

export interface ChildReport {
  ready: boolean;
  done: boolean;
  acks: number;
  backups: string[];
  /** Distinct states in the order the archive passed through them (recording runs). */
  states: { whole: string; tables: Record<string, string> }[];
  /** `${point}#${nth}` → the state index at that moment (recording runs). */
  stateAt: Map<string, number>;
  points: Partial<Record<ChildPoint, number>>;
  elapsedMs: number;
}

export function emptyReport(): ChildReport {
  return { ready: false, done: false, acks: 0, backups: [], states: [], stateAt: new Map(), points: {}, elapsedMs: 0 };
}

/** Folds one line of a child's stdout into its report. */
export function readChildLine(report: ChildReport, line: string): void {
  const [tag, ...rest] = line.split(' ');
  if (tag === 'READY') report.ready = true;
  else if (tag === 'DONE') report.done = true;
  else if (tag === 'ACK') report.acks = Number(rest[0]);
  else if (tag === 'BACKUP') report.backups.push(rest.join(' '));
  else if (tag === 'STATE') report.states.push({ whole: rest[0]!, tables: JSON.parse(rest.slice(1).join(' ')) as Record<string, string> });
  else if (tag === 'AT') report.stateAt.set(`${rest[0]}#${rest[1]}`, Number(rest[2]));
  else if (tag === 'POINTS') report.points = JSON.parse(rest.join(' ')) as ChildReport['points'];
  else if (tag === 'ELAPSED') report.elapsedMs = Number(rest[0]);
}
