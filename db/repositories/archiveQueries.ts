// Rows for the whole-archive workbook (handover, audit): every live record of each kind, streamed from one
// prepared statement per sheet, in the order the sheet shows them. Deleted records and derived tables (search
// index, pending reminder steps) are left out; fired reminders come in as the notifications they raised
// (an import's summary is not one: the import history sheet has the import).
import type { FollowUpSheetRecord } from '../../shared/importExport/exportCells.ts';
import type { Db } from '../handle.ts';
import { sql } from 'kysely';
import { engineOf, q, rawOf, type DbEngine } from '../handle.ts';

export interface ArchiveCustomerRow {
  name: string;
  code: string | null;
  industry: string | null;
  tier: string;
  ownerName: string | null;
  lifecycleStage: string;
  source: string | null;
  /** JSON array of tag names, by name. */
  tagsJson: string;
  nextExpiryOn: string | null;
  archivedAt: string | null;
  /** JSON object of custom fields. */
  customFieldsJson: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  tierPinned: string | null;
  tierReason: string | null;
}

export interface ArchiveContactRow {
  customerName: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  isPrimary: number;
  notes: string | null;
}

export interface ArchiveContractRow {
  customerName: string;
  number: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
  currency: string;
  cycle: string | null;
  service: string | null;
  status: string;
  ownerName: string | null;
  renewalOfNumber: string | null;
  notes: string | null;
}

export interface ArchiveRenewalRow {
  customerName: string;
  contractNumber: string;
  stage: string;
  outcomeOn: string | null;
  outcomeAmountFen: number | null;
  lostReason: string | null;
  lostNote: string | null;
  newContractNumber: string | null;
  notes: string | null;
}

/** The follow-up sheet's record, and whether its next follow-up was done. */
export interface ArchiveFollowUpRow extends FollowUpSheetRecord {
  nextDoneAt: string | null;
}

export interface ArchiveNotificationRow {
  firedAt: string;
  customerName: string;
  title: string;
  body: string;
  titleKey: string | null;
  bodyKey: string | null;
  messageParams: string | null;
  readAt: string | null;
}

export interface ArchiveTagRow {
  name: string;
  color: string | null;
  customers: number;
}

export interface ArchiveOwnerRow {
  name: string;
  email: string | null;
  phone: string | null;
  active: number;
}

export interface ArchiveImportRow {
  createdAt: string;
  fileName: string;
  kind: string;
  format: string;
  encoding: string | null;
  rows: number;
  summaryJson: string;
  actor: string;
  undoneAt: string | null;
}

const LIVE_CUSTOMER = 'JOIN customers c ON c.id = x.customer_id AND c.deleted_at IS NULL';

/** The customer's live tag names as a JSON array, by name: SQLite's json_group_array, PostgreSQL's json_agg. */
const TAGS_JSON: Record<DbEngine, string> = {
  sqlite: `(SELECT json_group_array(name) FROM (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id AND t.deleted_at IS NULL
          WHERE ct.customer_id = c.id ORDER BY t.name))`,
  postgres: `(SELECT coalesce(json_agg(t.name ORDER BY t.name), '[]'::json)::text FROM customer_tags ct
          JOIN tags t ON t.id = ct.tag_id AND t.deleted_at IS NULL WHERE ct.customer_id = c.id)`,
};

// Aliases are quoted: PostgreSQL folds an unquoted one to lower case.
const SQL = {
  customers: `
SELECT c.name, c.code, c.industry, c.tier, o.name AS "ownerName", c.lifecycle_stage AS "lifecycleStage", c.source,
       {tagsJson} AS "tagsJson",
       c.next_expiry_on AS "nextExpiryOn", c.archived_at AS "archivedAt", c.custom_fields AS "customFieldsJson", c.notes,
       c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.tier_pinned AS "tierPinned", c.tier_reason AS "tierReason"
  FROM customers c LEFT JOIN owners o ON o.id = c.owner_id
 WHERE c.deleted_at IS NULL
 ORDER BY c.name_sort_key, c.name`,
  contacts: `
SELECT c.name AS "customerName", x.name, x.title, x.phone, x.email, x.birthday, x.is_primary AS "isPrimary", x.notes
  FROM contacts x ${LIVE_CUSTOMER}
 WHERE x.deleted_at IS NULL
 ORDER BY c.name_sort_key, c.name, x.is_primary DESC, x.name, x.id`,
  contracts: `
SELECT c.name AS "customerName", x.number, x.signed_on AS "signedOn", x.starts_on AS "startsOn", x.ends_on AS "endsOn",
       x.amount_fen AS "amountFen", x.currency, x.cycle, x.service, x.status, o.name AS "ownerName",
       prev.number AS "renewalOfNumber", x.notes
  FROM contracts x ${LIVE_CUSTOMER}
  LEFT JOIN owners o ON o.id = x.owner_id
  LEFT JOIN contracts prev ON prev.id = x.renewal_of
 WHERE x.deleted_at IS NULL
 ORDER BY c.name_sort_key, c.name, x.ends_on IS NULL, x.ends_on, x.number`,
  renewals: `
SELECT c.name AS "customerName", k.number AS "contractNumber", r.stage, r.outcome_on AS "outcomeOn",
       r.outcome_amount_fen AS "outcomeAmountFen", r.lost_reason AS "lostReason", r.lost_note AS "lostNote",
       nk.number AS "newContractNumber", r.notes
  FROM renewals r
  JOIN contracts k ON k.id = r.contract_id AND k.deleted_at IS NULL
  JOIN customers c ON c.id = k.customer_id AND c.deleted_at IS NULL
  LEFT JOIN contracts nk ON nk.id = r.new_contract_id
 WHERE r.deleted_at IS NULL
 ORDER BY c.name_sort_key, c.name, k.ends_on, k.number`,
  followups: `
SELECT c.name AS "customerName", k.number AS "contractNumber", x.at, x.channel, x.kind, x.summary,
       x.next_follow_up_on AS "nextFollowUpOn", x.next_done_at AS "nextDoneAt", o.name AS "ownerName"
  FROM follow_ups x ${LIVE_CUSTOMER}
  LEFT JOIN contracts k ON k.id = x.contract_id AND k.deleted_at IS NULL
  LEFT JOIN owners o ON o.id = x.owner_id
 WHERE x.deleted_at IS NULL
 ORDER BY x.at, c.name_sort_key, x.id`,
  notifications: `
SELECT fired_at AS "firedAt", customer_name AS "customerName", title, body, title_key AS "titleKey", body_key AS "bodyKey",
       message_params AS "messageParams", read_at AS "readAt"
  FROM notifications
 WHERE kind <> 'summary'
 ORDER BY fired_at, id`,
  tags: `
SELECT t.name, t.color,
       (SELECT count(*) FROM customer_tags ct JOIN customers c ON c.id = ct.customer_id AND c.deleted_at IS NULL WHERE ct.tag_id = t.id) AS customers
  FROM tags t
 WHERE t.deleted_at IS NULL
 ORDER BY t.name`,
  owners: `
SELECT name, email, phone, active FROM owners WHERE deleted_at IS NULL ORDER BY name, id`,
  imports: `
SELECT created_at AS "createdAt", file_name AS "fileName", kind, format, encoding, rows, summary AS "summaryJson", actor,
       undone_at AS "undoneAt"
  FROM import_batches
 ORDER BY created_at, id`,
} as const;

export interface ArchiveRows {
  customers: ArchiveCustomerRow;
  contacts: ArchiveContactRow;
  contracts: ArchiveContractRow;
  renewals: ArchiveRenewalRow;
  followups: ArchiveFollowUpRow;
  notifications: ArchiveNotificationRow;
  tags: ArchiveTagRow;
  owners: ArchiveOwnerRow;
  imports: ArchiveImportRow;
}
export type ArchiveSheetKind = keyof ArchiveRows;

/** Walks one sheet's rows; returns how many. The walk holds Kysely's connection, so nothing interleaves with it. */
export async function forEachArchiveRow<K extends ArchiveSheetKind>(db: Db, kind: K, onRow: (row: ArchiveRows[K]) => void): Promise<number> {
  const engine = engineOf(db);
  const text = SQL[kind].replace('{tagsJson}', TAGS_JSON[engine]);
  if (engine === 'postgres') {
    // No streaming cursor on PostgreSQL (pg-cursor is not a dependency): a sheet's rows are read whole, as the
    // export sheets' are (exportQueries.ts).
    const { rows } = await sql.raw<ArchiveRows[K]>(text).execute(q(db));
    for (const row of rows) onRow(row);
    return rows.length;
  }
  return q(db)
    .connection()
    .execute(async () => {
      let n = 0;
      for (const row of rawOf(db).prepare(text).iterate() as IterableIterator<ArchiveRows[K]>) {
        onRow(row);
        n++;
      }
      return n;
    });
}
