import type { Generated } from 'kysely';
import type { Stamped } from './schema.ts';

// Issue 15's e-mail reminders (migration 0035). Kept beside schema.ts, which is at its size limit; the table-shape
// check (electron/services/tableShapes.test.ts) reads both.

/** One reminder e-mail to one recipient, copied from a notification in the tick that stored it. */
export interface MailOutboxTable extends Stamped {
  id: string;
  notification_id: string;
  owner_id: string | null;
  recipient: string;
  /** 'pending' | 'sent' | 'failed' (gave up). */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  message_id: string | null;
  server_response: string | null;
}

/** An owner who wants no reminder e-mail; the row's presence is the opt-out. */
export interface OwnerMailOptOutsTable extends Stamped {
  owner_id: string;
}
