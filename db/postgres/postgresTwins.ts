import type { PostgresMigration } from './postgresMigrations.ts';

// PostgreSQL twins of SQLite's migrations from 35 on, under the same numbers (the baseline stands for 1–34). Frozen
// once landed, like their SQLite originals; postgresSchemaParity.test.ts holds the two schemas equal after each.

/** Twin of 0036: the partial index of the live 咨询/工单 follow-ups the health score reads. */
export const postgres0036FollowUpInteractionsIndex: PostgresMigration = {
  version: 36,
  name: 'follow_up_interactions_index',
  sql: `
CREATE INDEX follow_ups_interactions ON follow_ups(customer_id, at) WHERE deleted_at IS NULL AND kind IN ('inquiry', 'ticket');
`,
};
