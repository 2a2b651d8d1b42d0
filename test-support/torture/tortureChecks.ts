// What the parent checks on the archive a killed child left, before anything else opens it (an open through
// the app would finish a migration and hide what the kill left): the file passes integrity_check, it is exactly
// one of the states a clean run passes through (the one the kill point implies, when it implies one), no
// acknowledged write is missing, batches are whole, reminders are neither lost nor doubled, and every backup
// the list shows is a complete, consistent archive.
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupsDirFor, listBackups } from '../../db/backups.ts';
import { differingTables, digestConnection, type ArchiveDigest } from './archiveDigest.ts';
import type { ChildReport } from './childProtocol.ts';

export interface Verdict {
  corrupt: number;
  partial: number;
  lost: number;
  doubled: number;
  problems: string[];
}

export function emptyVerdict(): Verdict {
  return { corrupt: 0, partial: 0, lost: 0, doubled: 0, problems: [] };
}

export interface StateExpectation {
  /** The states a clean run passes through, in order. */
  reference: ChildReport;
  /** Writes the child acknowledged: the state must be at least this far along. */
  acks: number;
  /** The state the kill point implies, when the operation is deterministic. */
  exactly: number | null;
  /** Digests a listed backup may also have (backups the template already held). */
  otherBackupStates: readonly string[];
}

const count = (raw: Database.Database, sql: string) => Number(raw.prepare(sql).pluck().get());

function hasTable(raw: Database.Database, name: string): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Rules every archive keeps whatever the operation; each broken one is a half-done batch. */
function batchRules(raw: Database.Database): string[] {
  const broken: string[] = [];
  const rule = (label: string, sql: string) => {
    const n = count(raw, sql);
    if (n > 0) broken.push(`${label}: ${n}`);
  };
  rule(
    'deleted customers with live contacts, contracts or follow-ups',
    `SELECT count(*) FROM customers c WHERE c.deleted_at IS NOT NULL AND (
       EXISTS (SELECT 1 FROM contracts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL) OR
       EXISTS (SELECT 1 FROM contacts p WHERE p.customer_id = c.id AND p.deleted_at IS NULL) OR
       EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL))`,
  );
  rule(
    'renewals decided as renewed whose next term is missing, unlinked, or whose term is not marked renewed',
    `SELECT count(*) FROM renewals r JOIN contracts k ON k.id = r.contract_id
       WHERE r.stage = 'renewed' AND r.new_contract_id IS NOT NULL AND k.deleted_at IS NULL AND (k.status != 'renewed' OR NOT EXISTS
         (SELECT 1 FROM contracts n WHERE n.id = r.new_contract_id AND n.renewal_of = k.id AND n.deleted_at IS NULL))`,
  );
  rule(
    'next terms whose previous term is not marked renewed',
    `SELECT count(*) FROM contracts n JOIN contracts k ON k.id = n.renewal_of
       WHERE n.deleted_at IS NULL AND k.status != 'renewed'`,
  );
  rule(
    'terms marked renewed with more than one live next term',
    `SELECT count(*) FROM (SELECT renewal_of FROM contracts WHERE renewal_of IS NOT NULL AND deleted_at IS NULL
       GROUP BY renewal_of HAVING count(*) > 1)`,
  );
  if (hasTable(raw, 'import_batches')) {
    rule(
      'import batches undone without their undo record, or the reverse',
      `SELECT count(*) FROM import_batches b WHERE (b.undone_at IS NOT NULL) !=
         EXISTS (SELECT 1 FROM audit_log a WHERE a.batch_id = b.id AND a.action = 'undone')`,
    );
    rule(
      'import batches whose audit rows do not match what they report writing',
      // Beyond its rows, the chain rule writes at most two stored terms per link and one per history term, and the
      // classification after the rows patches customers it did not create (customersRetiered, each at most once).
      `SELECT count(*) FROM (
         SELECT json_extract(b.summary, '$.contractsCreated') + json_extract(b.summary, '$.contractsUpdated') AS rows_written,
                2 * coalesce(json_extract(b.summary, '$.chainsLinked'), 0) + coalesce(json_extract(b.summary, '$.chainsHistory'), 0) AS chained,
                json_extract(b.summary, '$.customersCreated') + json_extract(b.summary, '$.customersUpdated') AS customers_written,
                coalesce(json_extract(b.summary, '$.customersRetiered'), 0) AS retiered,
                (SELECT count(*) FROM audit_log a WHERE a.batch_id = b.id AND a.entity = 'contracts') AS contract_audits,
                (SELECT count(*) FROM audit_log a WHERE a.batch_id = b.id AND a.entity = 'customers') AS customer_audits
           FROM import_batches b)
        WHERE contract_audits < rows_written OR contract_audits > rows_written + chained OR customer_audits < customers_written OR customer_audits > customers_written + retiered`,
    );
  }
  return broken;
}

/** Reminder invariants: a claim has exactly one in-app record, and no step is recorded twice. */
export function reminderCounts(raw: Database.Database): { lost: number; doubled: number } {
  if (!hasTable(raw, 'notifications')) return { lost: 0, doubled: 0 };
  return {
    lost: count(
      raw,
      `SELECT count(*) FROM reminders r WHERE r.outcome = 'fired' AND NOT EXISTS
         (SELECT 1 FROM notifications n WHERE n.reminder_id = r.id AND n.due_at = r.due_at)`,
    ),
    doubled: count(raw, 'SELECT count(*) FROM (SELECT 1 FROM notifications WHERE reminder_id IS NOT NULL GROUP BY reminder_id, due_at HAVING count(*) > 1)'),
  };
}

function nearest(digest: ArchiveDigest, states: ChildReport['states']): string {
  let best: string[] | null = null;
  let at = -1;
  states.forEach((s, i) => {
    const diff = differingTables(digest, { whole: s.whole, tables: s.tables });
    if (!best || diff.length < best.length) [best, at] = [diff, i];
  });
  return best ? `nearest state ${at} differs in ${(best as string[]).join(', ')}` : 'no reference states';
}

/**
 * Opens a file, checks it is whole, and digests it; null when it is not, counted under `counter` (a broken
 * archive is corrupt; a broken file in the backup list is half a backup shown as a whole one).
 */
function openWhole(
  file: string,
  known: ReadonlySet<string>,
  v: Verdict,
  what: string,
  counter: 'corrupt' | 'partial',
): { raw: Database.Database; digest: ArchiveDigest } | null {
  let raw: Database.Database | undefined;
  try {
    const db = (raw = new Database(file, { fileMustExist: true }));
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') throw new Error(`integrity_check says ${integrity.slice(0, 200)}`);
    return { raw: db, digest: db.transaction(() => digestConnection(db, known))() };
  } catch (e) {
    raw?.close();
    v[counter]++;
    v.problems.push(`${what}: ${(e as Error).message}`);
    return null;
  }
}

export function checkArchive(file: string, known: ReadonlySet<string>, expected: StateExpectation): Verdict {
  const v = emptyVerdict();
  const states = expected.reference.states;
  const opened = openWhole(file, known, v, 'the archive', 'corrupt');
  if (!opened) return v;
  const { raw, digest } = opened;
  try {
    const at = states.flatMap((s, i) => (s.whole === digest.whole ? [i] : []));
    if (at.length === 0) {
      v.partial++;
      v.problems.push(`the archive is in no state a clean run passes through (${nearest(digest, states)})`);
    } else if (expected.exactly !== null && !at.includes(expected.exactly)) {
      v.partial++;
      v.problems.push(`the kill point leaves state ${expected.exactly}, the archive is in state ${at.join('/')}`);
    } else if (Math.max(...at) < expected.acks) {
      v.partial++;
      v.problems.push(`${expected.acks} writes were acknowledged, the archive holds only the first ${Math.max(...at)}`);
    }
    for (const rule of batchRules(raw)) {
      v.partial++;
      v.problems.push(`half a batch: ${rule}`);
    }
    const reminders = reminderCounts(raw);
    v.lost += reminders.lost;
    v.doubled += reminders.doubled;
    if (reminders.lost || reminders.doubled) v.problems.push(`reminders: ${reminders.lost} claimed without a record, ${reminders.doubled} recorded twice`);
  } finally {
    raw.close();
  }
  checkListedBackups(file, known, new Set([...states.map((s) => s.whole), ...expected.otherBackupStates]), v);
  return v;
}

/** Every backup the list shows opens, is whole, and holds a state the archive really was in. */
function checkListedBackups(file: string, known: ReadonlySet<string>, allowed: ReadonlySet<string>, v: Verdict): void {
  const dir = backupsDirFor(file);
  for (const backup of listBackups(dir)) {
    const opened = openWhole(path.join(dir, backup.name), known, v, `listed backup ${backup.name}`, 'partial');
    if (opened) {
      opened.raw.close();
      if (!allowed.has(opened.digest.whole)) {
        v.partial++;
        v.problems.push(`listed backup ${backup.name} holds no state the archive was in`);
      }
    }
  }
}
