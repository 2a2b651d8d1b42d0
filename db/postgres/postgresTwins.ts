import type { PostgresMigration } from './postgresMigrations.ts';

// PostgreSQL twins of SQLite's migrations from 35 on, under the same numbers (the baseline stands for 1–34). Frozen
// once landed, like their SQLite originals; postgresSchemaParity.test.ts holds the two schemas equal after each.

/** Twin of 0035: the mail outbox and the owners' e-mail opt-outs (e-mail reminders). */
export const postgres0035MailReminders: PostgresMigration = {
  version: 35,
  name: 'mail_reminders',
  sql: `
CREATE TABLE mail_outbox (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  notification_id text COLLATE "C" NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  owner_id text COLLATE "C" REFERENCES owners(id),
  recipient text COLLATE "C" NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  status text COLLATE "C" NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts bigint NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at text COLLATE "C" NOT NULL,
  last_error text COLLATE "C",
  sent_at text COLLATE "C",
  message_id text COLLATE "C",
  server_response text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox(notification_id, recipient);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status = 'pending';

CREATE TABLE owner_mail_opt_outs (
  owner_id text COLLATE "C" PRIMARY KEY NOT NULL REFERENCES owners(id),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);
`,
};

/** Twin of 0036: the partial index of the live 咨询/工单 follow-ups the health score reads. */
export const postgres0036FollowUpInteractionsIndex: PostgresMigration = {
  version: 36,
  name: 'follow_up_interactions_index',
  sql: `
CREATE INDEX follow_ups_interactions ON follow_ups(customer_id, at) WHERE deleted_at IS NULL AND kind IN ('inquiry', 'ticket');
`,
};
