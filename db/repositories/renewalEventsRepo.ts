import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';

// The audit trail of a customer's renewal records, read for the follow-up timeline: each write that changed a
// term's stage (a renewal, a loss, a step along the pipeline). Writes of a batch since undone are left out.

export interface RenewalAuditRow {
  at: string;
  actor: string;
  contractId: string;
  contractNo: string;
  /** The stage before the write; null when there was no live record (待跟进). */
  fromStage: string | null;
  /** The stage after it; null when the write removed the record. */
  toStage: string | null;
  lostReason: string | null;
  lostNote: string | null;
}

interface StoredRow {
  at: string;
  actor: string;
  contractId: string;
  contractNo: string;
  before: string | null;
  after: string | null;
  stage: string;
  lostReason: string | null;
  lostNote: string | null;
}

type Image = Record<string, unknown>;
const parsed = (json: string | null): Image | null => (json === null ? null : (JSON.parse(json) as Image));
/** A text field of an image, as SQLite's json_extract gave it: NULL when absent or null. */
const field = (image: Image | null, key: string): string | null => (image?.[key] == null ? null : String(image[key]));
/** The stage an image shows: none when the image is of a deleted record (or there is no image). */
const liveStage = (image: Image | null): string | null => (image && image['deleted_at'] == null ? field(image, 'stage') : null);

export async function renewalAuditOfCustomer(x: Executor, customerId: string, limit: number): Promise<RenewalAuditRow[]> {
  // The images are read whole and taken apart here: one statement for both engines (JSON functions differ).
  const rows = await sql<StoredRow>`
    SELECT a.at, a.actor, k.id AS "contractId", k.number AS "contractNo", a.before, a.after, r.stage,
      r.lost_reason AS "lostReason", r.lost_note AS "lostNote"
    FROM contracts k
    JOIN renewals r ON r.contract_id = k.id
    JOIN audit_log a ON a.entity = 'renewals' AND a.entity_id = r.id
    WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND a.action <> 'undo'
      AND (a.batch_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM audit_log u WHERE u.batch_id = a.batch_id AND u.action = 'undone'))
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${limit}`.execute(q(x));
  return rows.rows.map((row) => {
    const before = parsed(row.before);
    const after = parsed(row.after);
    return {
      at: row.at,
      actor: row.actor,
      contractId: row.contractId,
      contractNo: row.contractNo,
      fromStage: liveStage(before),
      // An import's bulk create is audited without images: the record as it stands is what it wrote.
      toStage: after === null && before === null ? row.stage : liveStage(after),
      lostReason: after === null ? row.lostReason : field(after, 'lost_reason'),
      lostNote: after === null ? row.lostNote : field(after, 'lost_note'),
    };
  });
}
