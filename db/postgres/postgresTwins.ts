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

/** Twin of 0037: team mode's accounts and their sessions. */
export const postgres0037Accounts: PostgresMigration = {
  version: 37,
  name: 'accounts',
  sql: `
CREATE TABLE accounts (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  login text COLLATE "C" NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
  display_name text COLLATE "C" NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  role text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'manager', 'readonly')),
  owner_id text COLLATE "C" REFERENCES owners(id),
  password_hash text COLLATE "C" NOT NULL,
  disabled bigint NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX accounts_login ON accounts(login);

CREATE TABLE account_sessions (
  token_hash text COLLATE "C" PRIMARY KEY NOT NULL,
  account_id text COLLATE "C" NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);
CREATE INDEX account_sessions_account ON account_sessions(account_id);
`,
};
