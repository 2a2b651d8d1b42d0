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

/**
 * Twin of 0041: pinyin_match(reading, query), which SQLite registers on each connection from
 * shared/domain/pinyinSearch.ts's pinyinMatches, as a function of the schema. The same walk, written as a
 * forward pass over (query unit, reading position) pairs instead of the recursion: reach[u][p] says unit u may be
 * taken from position p on. Characters, not bytes, throughout (substr, char_length). STRICT: a NULL reading gives
 * NULL, which a WHERE treats as SQLite's 0.
 */
export const postgres0041PinyinMatch: PostgresMigration = {
  version: 41,
  name: 'pinyin_match',
  sql: `
CREATE FUNCTION pinyin_match(reading text, query text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  parts text[];
  units text[];
  runs text[];
  readings text[];
  reach boolean[];
  m int;
  n int;
  w int;
  u int;
  p int;
  k int;
  unit text;
  run text;
  r text;
BEGIN
  IF reading = '' OR query = '' THEN
    RETURN false;
  END IF;
  parts := string_to_array(reading, ' ');
  m := array_length(parts, 1);
  units := regexp_split_to_array(query, '');
  n := array_length(units, 1);
  -- runs[u]: the letter run from unit u to the next Han character or the end ('' at a Han character).
  runs := array_fill(''::text, ARRAY[n + 1]);
  FOR u IN REVERSE n..1 LOOP
    runs[u] := CASE WHEN units[u] ~ '^[a-z]$' THEN units[u] || runs[u + 1] ELSE '' END;
  END LOOP;
  -- reach[(u - 1) * w + p], units and positions from 1; every position may start the match.
  w := m + 1;
  reach := array_fill(false, ARRAY[n * w]);
  FOR p IN 1..m LOOP
    reach[p] := true;
  END LOOP;
  FOR u IN 1..n LOOP
    unit := units[u];
    run := runs[u];
    FOR p IN 1..m LOOP
      CONTINUE WHEN NOT reach[(u - 1) * w + p];
      IF run = '' THEN
        -- A Han character of the query takes a position holding that character.
        IF unit = substr(parts[p], 1, 1) THEN
          IF u = n THEN
            RETURN true;
          END IF;
          IF p < m THEN
            reach[u * w + p + 1] := true;
          END IF;
        END IF;
        CONTINUE;
      END IF;
      readings := CASE WHEN char_length(parts[p]) > 1 THEN string_to_array(substr(parts[p], 2), ',') ELSE ARRAY[]::text[] END;
      FOREACH r IN ARRAY readings LOOP
        CONTINUE WHEN left(r, 1) <> unit;
        -- How many units this position may take: its first letter, a zh/ch/sh initial, or the whole reading.
        FOREACH k IN ARRAY ARRAY[
          1,
          CASE WHEN substr(r, 2, 1) = 'h' AND substr(run, 2, 1) = 'h' AND unit IN ('z', 'c', 's') THEN 2 END,
          CASE WHEN char_length(r) > 1 AND left(run, char_length(r)) = r THEN char_length(r) END
        ] LOOP
          CONTINUE WHEN k IS NULL;
          IF u + k > n THEN
            RETURN true;
          END IF;
          IF p < m THEN
            reach[(u + k - 1) * w + p + 1] := true;
          END IF;
        END LOOP;
        -- A reading cut short by the end of the query: the user is still typing it.
        IF u + char_length(run) - 1 = n AND char_length(run) < char_length(r) AND left(r, char_length(run)) = run THEN
          RETURN true;
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN false;
END
$fn$;
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

/** Twin of 0042: the attachments' bytes kept in the archive (where a team archive keeps them). */
export const postgres0042AttachmentBlobs: PostgresMigration = {
  version: 42,
  name: 'attachment_blobs',
  sql: `
CREATE TABLE attachment_blobs (
  sha256 text COLLATE "C" PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  bytes bytea NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  CHECK (length(bytes) = size_bytes)
);
`,
};

/**
 * Twin of 0043: the dirty-mark triggers write a mark again when it is already there (ON CONFLICT DO UPDATE instead of
 * DO NOTHING), so the mark's xmin names the last transaction that marked it. A recompute clears only the marks
 * written by transactions its scan saw (db/repositories/dirtyMarkSnapshot.ts); one marked again by a write that
 * committed after the scan began stays for the next refresh instead of waiting for the next daily run. The same
 * rows as before; only their xmin moves. DISTINCT: a contract row moved between two contracts of one customer marks
 * it once (DO UPDATE may not touch a row twice in one statement).
 */
export const postgres0043DirtyMarksByTransaction: PostgresMigration = {
  version: 43,
  name: 'dirty_marks_by_transaction',
  sql: `
CREATE OR REPLACE FUNCTION mark_dirty_by_customer_id() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_ARGV[0] = 'health_dirty' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO health_dirty (customer_id) VALUES (NEW.customer_id) ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.customer_id IS DISTINCT FROM NEW.customer_id) THEN
      INSERT INTO health_dirty (customer_id) VALUES (OLD.customer_id) ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
    END IF;
  ELSE
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO lifecycle_dirty (customer_id) VALUES (NEW.customer_id) ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.customer_id IS DISTINCT FROM NEW.customer_id) THEN
      INSERT INTO lifecycle_dirty (customer_id) VALUES (OLD.customer_id) ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
    END IF;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION mark_dirty_customer_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_ARGV[0] = 'health_dirty' THEN
    INSERT INTO health_dirty (customer_id) VALUES (NEW.id) ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
  ELSE
    INSERT INTO lifecycle_dirty (customer_id) VALUES (NEW.id) ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION mark_dirty_by_contract_id() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  new_contract text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.contract_id END;
  old_contract text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.contract_id END;
BEGIN
  IF TG_ARGV[0] = 'health_dirty' THEN
    INSERT INTO health_dirty (customer_id) SELECT DISTINCT customer_id FROM contracts WHERE id IN (new_contract, old_contract)
      ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
  ELSE
    INSERT INTO lifecycle_dirty (customer_id) SELECT DISTINCT customer_id FROM contracts WHERE id IN (new_contract, old_contract)
      ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION mark_risk_outcome_dirty() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  contract text := CASE WHEN TG_OP = 'DELETE' THEN OLD.contract_id ELSE NEW.contract_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM risk_warnings WHERE contract_id = contract AND deleted_at IS NULL) THEN
    INSERT INTO risk_outcome_dirty (contract_id) VALUES (contract) ON CONFLICT (contract_id) DO UPDATE SET contract_id = EXCLUDED.contract_id;
  END IF;
  RETURN NULL;
END
$fn$;
`,
};
