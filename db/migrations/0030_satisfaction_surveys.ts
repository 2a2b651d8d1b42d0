import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0030SatisfactionSurveys: MigrationDefinition = {
  version: 30,
  name: 'satisfaction_surveys',
  sql: `
-- Satisfaction surveys (issue 14, electron/services/surveys). New tables only; no existing table is rebuilt.
--
-- The dimensions a survey scores. The three built-ins (product quality, service attitude, resolution speed) carry a
-- code and a NULL name while the user has not renamed them, so the catalogue names them in the reader's language.
-- Retiring one (retired_on) takes it off new surveys; the scores already given keep it (history).
CREATE TABLE survey_dimensions (
  id TEXT PRIMARY KEY NOT NULL,
  code TEXT UNIQUE CHECK (code IS NULL OR code IN ('productQuality', 'serviceAttitude', 'resolutionSpeed')),
  name TEXT CHECK (name IS NULL OR length(trim(name)) BETWEEN 1 AND 20),
  position INTEGER NOT NULL,
  retired_on TEXT CHECK (retired_on IS NULL OR length(retired_on) = 10),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (code IS NOT NULL OR name IS NOT NULL)
);
WITH builtin(id, code, position) AS (VALUES ('dim-product-quality', 'productQuality', 10), ('dim-service-attitude', 'serviceAttitude', 20),
                                            ('dim-resolution-speed', 'resolutionSpeed', 30)),
     stamp(since) AS (SELECT coalesce((SELECT min(applied_at) FROM schema_migrations), '1970-01-01T00:00:00.000Z'))
INSERT INTO survey_dimensions (id, code, name, position, created_at, updated_at)
  SELECT id, code, NULL, position, since, since FROM builtin, stamp ORDER BY position;

-- A survey campaign: the customers picked (by tier, or by a contract due within N days, kept as JSON in selection)
-- are asked on on_date. Each picked customer is a survey_campaign_customers row, whose reminder of kind 'survey'
-- (subject = that row) reminds the customer's owner on the date; recording the customer's survey in the campaign
-- sets survey_id and completes the task.
CREATE TABLE survey_campaigns (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  on_date TEXT NOT NULL CHECK (length(on_date) = 10),
  selection TEXT NOT NULL CHECK (json_valid(selection)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX survey_campaigns_date ON survey_campaigns(on_date) WHERE deleted_at IS NULL;

-- One survey: a customer (and optionally one of its contracts), a date, a follow-up channel, the scores as a JSON
-- object {dimension id: 1..5} (a dimension added later is simply absent from older surveys) and a comment.
CREATE TABLE surveys (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  contract_id TEXT REFERENCES contracts(id),
  campaign_id TEXT REFERENCES survey_campaigns(id),
  on_date TEXT NOT NULL CHECK (length(on_date) = 10),
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'wechat', 'visit', 'email', 'sms', 'other')),
  scores TEXT NOT NULL CHECK (json_valid(scores) AND json_type(scores) = 'object'),
  comment TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
-- A customer's surveys by date (the customer card, the health factor over the last 12 months); every survey by date (results).
CREATE INDEX surveys_customer_date ON surveys(customer_id, on_date) WHERE deleted_at IS NULL;
CREATE INDEX surveys_date ON surveys(on_date) WHERE deleted_at IS NULL;
CREATE INDEX surveys_campaign ON surveys(campaign_id) WHERE deleted_at IS NULL AND campaign_id IS NOT NULL;

CREATE TABLE survey_campaign_customers (
  id TEXT PRIMARY KEY NOT NULL,
  campaign_id TEXT NOT NULL REFERENCES survey_campaigns(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  owner_id TEXT REFERENCES owners(id),
  survey_id TEXT REFERENCES surveys(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX survey_campaign_customers_key ON survey_campaign_customers(campaign_id, customer_id) WHERE deleted_at IS NULL;
CREATE INDEX survey_campaign_customers_customer ON survey_campaign_customers(customer_id) WHERE deleted_at IS NULL;

-- An improvement action (the results page's action on a low score): what was done, on a date, by whom; listed under its survey.
CREATE TABLE survey_actions (
  id TEXT PRIMARY KEY NOT NULL,
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  on_date TEXT NOT NULL CHECK (length(on_date) = 10),
  text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 500),
  done_by TEXT NOT NULL CHECK (length(trim(done_by)) BETWEEN 1 AND 40),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX survey_actions_survey ON survey_actions(survey_id, on_date) WHERE deleted_at IS NULL;

-- The health score's satisfaction factor reads a customer's surveys: any write to them marks the customer (0026).
CREATE TRIGGER health_dirty_survey_insert AFTER INSERT ON surveys BEGIN
  INSERT OR IGNORE INTO health_dirty (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER health_dirty_survey_update AFTER UPDATE ON surveys
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.on_date IS NOT NEW.on_date OR OLD.scores IS NOT NEW.scores OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty (customer_id) VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty (customer_id) SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_survey_delete AFTER DELETE ON surveys BEGIN
  INSERT OR IGNORE INTO health_dirty (customer_id) VALUES (OLD.customer_id);
END;
`,
};
