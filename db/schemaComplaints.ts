// The complaint tables (migration 0031), apart from schema.ts, which is at its length limit.
import type { SoftDeleted } from './schema.ts';

/** A customer complaint and where its flow stands (migration 0031). */
export interface ComplaintsTable extends SoftDeleted {
  id: string;
  customer_id: string;
  contract_id: string | null;
  follow_up_id: string | null;
  summary: string;
  category: string;
  severity: string;
  /** The last step recorded, and its handler. */
  step: string;
  handler_id: string;
  received_at: string;
  due_at: string;
  closed_at: string | null;
  satisfaction: number | null;
}

/** One recorded step of a complaint (migration 0031). */
export interface ComplaintStepsTable extends SoftDeleted {
  id: string;
  complaint_id: string;
  step: string;
  handler_id: string;
  at: string;
  note: string | null;
}
