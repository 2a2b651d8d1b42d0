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

export async function renewalAuditOfCustomer(x: Executor, customerId: string, limit: number): Promise<RenewalAuditRow[]> {
  // An import's bulk create is audited without images: the record as it stands is what it wrote.
  const rows = await sql<RenewalAuditRow>`
    SELECT a.at, a.actor, k.id AS contractId, k.number AS contractNo,
      CASE WHEN json_extract(a.before, '$.deleted_at') IS NULL THEN json_extract(a.before, '$.stage') END AS fromStage,
      CASE
        WHEN a.after IS NULL AND a.before IS NULL THEN r.stage
        WHEN json_extract(a.after, '$.deleted_at') IS NULL THEN json_extract(a.after, '$.stage')
      END AS toStage,
      CASE WHEN a.after IS NULL THEN r.lost_reason ELSE json_extract(a.after, '$.lost_reason') END AS lostReason,
      CASE WHEN a.after IS NULL THEN r.lost_note ELSE json_extract(a.after, '$.lost_note') END AS lostNote
    FROM contracts k
    JOIN renewals r ON r.contract_id = k.id
    JOIN audit_log a ON a.entity = 'renewals' AND a.entity_id = r.id
    WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND a.action <> 'undo'
      AND (a.batch_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM audit_log u WHERE u.batch_id = a.batch_id AND u.action = 'undone'))
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${limit}`.execute(q(x));
  return rows.rows;
}
