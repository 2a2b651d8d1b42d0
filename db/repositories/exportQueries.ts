// Rows for the export sheets, streamed from one prepared statement each, in the order the files are written.
// The walk holds Kysely's connection (no transaction needed to read), so nothing interleaves with it.
import type {
  ContractSheetRecord,
  CustomerSheetRecord,
  FollowUpSheetRecord,
} from '../../shared/importExport/exportCells.ts';
import { CompiledQuery, sql as rawSql } from 'kysely';
import type { Db } from '../handle.ts';
import { engineOf, q, rawOf } from '../handle.ts';

// The rows are exactly the shared sheet records the CSV and .xlsx writers take.
export type ContractExportRow = ContractSheetRecord;
export type CustomerExportRow = CustomerSheetRecord;
export type FollowUpExportRow = FollowUpSheetRecord;

const PRIMARY_CONTACT = 'LEFT JOIN contacts p ON p.customer_id = c.id AND p.is_primary = 1 AND p.deleted_at IS NULL';
const OWNER = 'LEFT JOIN owners o ON o.id = c.owner_id';

export const CONTRACT_EXPORT_SQL = `
SELECT c.name AS "customerName", p.name AS "contactName", p.title AS "contactTitle", p.phone AS "contactPhone",
       k.number, k.signed_on AS "signedOn", k.starts_on AS "startsOn", k.ends_on AS "endsOn", k.amount_fen AS "amountFen",
       k.service, k.cycle, c.tier, o.name AS "ownerName", r.stage, r.outcome_on AS "renewalOn",
       r.outcome_amount_fen AS "renewalAmountFen", r.lost_reason AS "lostReason", r.lost_note AS "lostNote",
       k.remind_on AS "remindOn", k.notes
  FROM contracts k
  JOIN customers c ON c.id = k.customer_id AND c.deleted_at IS NULL
  ${PRIMARY_CONTACT}
  ${OWNER}
  LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
 WHERE k.deleted_at IS NULL
 ORDER BY k.ends_on IS NULL, k.ends_on, k.number`;

const CUSTOMER_EXPORT_SQL = `
SELECT c.name AS "customerName", p.name AS "contactName", p.title AS "contactTitle", p.phone AS "contactPhone",
       c.tier, o.name AS "ownerName", c.notes, c.tier_pinned AS "tierPinned", c.tier_reason AS "tierReason"
  FROM customers c
  ${PRIMARY_CONTACT}
  ${OWNER}
 WHERE c.deleted_at IS NULL
 ORDER BY c.name_sort_key`;

const FOLLOW_UP_EXPORT_SQL = `
SELECT c.name AS "customerName", k.number AS "contractNumber", f.at, f.channel, f.kind, f.summary,
       f.next_follow_up_on AS "nextFollowUpOn", fo.name AS "ownerName"
  FROM follow_ups f
  JOIN customers c ON c.id = f.customer_id AND c.deleted_at IS NULL
  LEFT JOIN contracts k ON k.id = f.contract_id AND k.deleted_at IS NULL
  LEFT JOIN owners fo ON fo.id = f.owner_id
 WHERE f.deleted_at IS NULL
 ORDER BY f.at, c.name_sort_key, f.summary, f.id`;

/**
 * The statement narrowed to one owner's customers (alias `c` in each), as text with one placeholder in the engine's
 * style; unnarrowed, the statement as written.
 */
function narrowed(db: Db, sql: string, ownerId: string | undefined): { text: string; params: string[] } {
  if (ownerId === undefined) return { text: sql, params: [] };
  const placeholder = engineOf(db) === 'postgres' ? '$1' : '?';
  const text = sql.replace('\n ORDER BY', `\n   AND c.owner_id = ${placeholder}\n ORDER BY`);
  if (text === sql) throw new Error('an export statement without its ORDER BY line cannot be narrowed to an owner');
  return { text, params: [ownerId] };
}

async function walk<T>(db: Db, sql: string, onRow: (row: T) => void, ownerId?: string): Promise<number> {
  const { text, params } = narrowed(db, sql, ownerId);
  if (engineOf(db) === 'postgres') {
    // No streaming cursor on PostgreSQL yet (pg-cursor is not a dependency): the sheet's rows are read whole.
    const { rows } = params.length === 0 ? await rawSql.raw<T>(text).execute(q(db)) : await q(db).executeQuery<T>(CompiledQuery.raw(text, params));
    for (const row of rows) onRow(row);
    return rows.length;
  }
  return q(db)
    .connection()
    .execute(async () => {
      let n = 0;
      for (const row of rawOf(db).prepare(text).iterate(...params) as IterableIterator<T>) {
        onRow(row);
        n++;
      }
      return n;
    });
}

/** `ownerId`: only that owner's customers' rows (team mode's owner scope). */
export const forEachContractForExport = (db: Db, onRow: (r: ContractExportRow) => void, ownerId?: string) => walk(db, CONTRACT_EXPORT_SQL, onRow, ownerId);
export const forEachCustomerForExport = (db: Db, onRow: (r: CustomerExportRow) => void, ownerId?: string) => walk(db, CUSTOMER_EXPORT_SQL, onRow, ownerId);
export const forEachFollowUpForExport = (db: Db, onRow: (r: FollowUpExportRow) => void, ownerId?: string) => walk(db, FOLLOW_UP_EXPORT_SQL, onRow, ownerId);
