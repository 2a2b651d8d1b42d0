import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0035MailReminders: MigrationDefinition = {
  version: 35,
  name: 'mail_reminders',
  sql: `
-- E-mail reminders (issue 15). The mail outbox: one row per (notification, recipient), written in the reminder
-- tick's transaction beside the notification it copies, so a reminder is mailed exactly once (the unique index)
-- however often the tick or the delivery runs. status: 'pending' (to send at next_attempt_at), 'sent' (the
-- server's answer kept), 'failed' (gave up after the last try). A notification removed (an imported term's
-- reminders re-armed) takes its unsent mail with it.
CREATE TABLE mail_outbox (
  id TEXT PRIMARY KEY NOT NULL,
  notification_id TEXT NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  owner_id TEXT REFERENCES owners(id),
  recipient TEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  message_id TEXT,
  server_response TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox(notification_id, recipient);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status = 'pending';

-- Owners who asked for no reminder e-mail: a row is the opt-out, removing it opts back in. A small table of its
-- own rather than a column, so owners (referenced from everywhere) is not rebuilt.
CREATE TABLE owner_mail_opt_outs (
  owner_id TEXT PRIMARY KEY NOT NULL REFERENCES owners(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
`,
};
