// Owners, customers, their contacts, tags, contracts, follow-ups and renewals; settings, audit, imports, reminders and notifications.
// PostgreSQL twin of the SQLite tables at schema version 34 (see postgresBaseline.ts for the type mapping).
export const BASELINE_CORE_SQL = `
CREATE TABLE owners (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  name text COLLATE "C" NOT NULL,
  email text COLLATE "C",
  phone text COLLATE "C",
  active bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX owners_name_live ON owners(name) WHERE deleted_at IS NULL;

CREATE TABLE customers (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  name text COLLATE "C" NOT NULL CHECK (length(trim(name)) > 0),
  code text COLLATE "C",
  industry text COLLATE "C",
  tier text COLLATE "C" NOT NULL DEFAULT 'normal',
  owner_id text COLLATE "C" REFERENCES owners(id),
  lifecycle_stage text COLLATE "C" NOT NULL DEFAULT 'customer',
  source text COLLATE "C",
  custom_fields text COLLATE "C" NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields)),
  notes text COLLATE "C",
  next_expiry_on text COLLATE "C",
  archived_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  -- VARCHAR(120) in SQLite, whose TEXT affinity never enforces the length: text here, so no value that SQLite
  -- accepts is refused.
  name_sort_key text COLLATE "C",
  tier_pinned text COLLATE "C" CHECK (tier_pinned IS NULL OR tier_pinned IN ('manual', 'import')),
  tier_reason text COLLATE "C" CHECK (tier_reason IS NULL OR json_valid(tier_reason))
);
CREATE INDEX customers_list_expiry ON customers(next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_owner ON customers(owner_id, next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_owner_tier ON customers(owner_id, tier, next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_tier ON customers(tier, next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name ON customers(name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX customers_name_live ON customers(name) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_owner ON customers(owner_id, name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_owner_tier ON customers(owner_id, tier, name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_sort_key_missing ON customers(id) WHERE name_sort_key IS NULL;
CREATE INDEX customers_name_tier ON customers(tier, name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_updated ON customers(updated_at);

CREATE TABLE tags (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  name text COLLATE "C" NOT NULL,
  color text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX tags_name_live ON tags(name) WHERE deleted_at IS NULL;

CREATE TABLE customer_tags (
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  tag_id text COLLATE "C" NOT NULL REFERENCES tags(id),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, tag_id)
);
CREATE INDEX customer_tags_tag ON customer_tags(tag_id, customer_id);

CREATE TABLE contacts (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  name text COLLATE "C" NOT NULL,
  title text COLLATE "C",
  phone text COLLATE "C",
  email text COLLATE "C",
  birthday text COLLATE "C",
  is_primary bigint NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  notes text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX contacts_customer ON contacts(customer_id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_customer_phone ON contacts(customer_id, phone) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX contacts_one_primary ON contacts(customer_id) WHERE is_primary = 1 AND deleted_at IS NULL;
CREATE INDEX contacts_updated ON contacts(updated_at);

CREATE TABLE contracts (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  number text COLLATE "C" NOT NULL,
  signed_on text COLLATE "C",
  starts_on text COLLATE "C",
  ends_on text COLLATE "C",
  amount_fen bigint CHECK (amount_fen IS NULL OR amount_fen >= 0),
  currency text COLLATE "C" NOT NULL DEFAULT 'CNY',
  cycle text COLLATE "C" CHECK (cycle IS NULL OR cycle IN ('month', 'quarter', 'half_year', 'year', 'once')),
  service text COLLATE "C",
  status text COLLATE "C" NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'renewed', 'terminated')),
  owner_id text COLLATE "C" REFERENCES owners(id),
  renewal_of text COLLATE "C" REFERENCES contracts(id),
  notes text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C",
  remind_on text COLLATE "C",
  CHECK (ends_on IS NOT NULL OR cycle IS NOT DISTINCT FROM 'once'),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX contracts_customer ON contracts(customer_id, ends_on) WHERE deleted_at IS NULL;
CREATE INDEX contracts_ends_on ON contracts(ends_on) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX contracts_number_live ON contracts(number) WHERE deleted_at IS NULL;
CREATE INDEX contracts_renewal_of ON contracts(renewal_of) WHERE renewal_of IS NOT NULL;
CREATE INDEX contracts_report_open ON contracts(status, ends_on, amount_fen, customer_id, owner_id, id, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX contracts_report_successor ON contracts(renewal_of, starts_on, signed_on, ends_on, id, amount_fen, deleted_at)
  WHERE renewal_of IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX contracts_updated ON contracts(updated_at);

CREATE TABLE follow_ups (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers(id),
  contract_id text COLLATE "C" REFERENCES contracts(id),
  at text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL CHECK (channel IN ('phone', 'wechat', 'visit', 'email', 'sms', 'other')),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('revisit', 'renewal', 'complaint', 'inquiry', 'ticket', 'other')),
  summary text COLLATE "C" NOT NULL,
  next_follow_up_on text COLLATE "C",
  next_done_at text COLLATE "C",
  owner_id text COLLATE "C" REFERENCES owners(id),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX follow_ups_contract_at ON follow_ups(contract_id, at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_customer_at ON follow_ups(customer_id, at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_due ON follow_ups(next_follow_up_on)
  WHERE deleted_at IS NULL AND next_done_at IS NULL AND next_follow_up_on IS NOT NULL;
CREATE INDEX follow_ups_revisit_at ON follow_ups(at, customer_id) WHERE deleted_at IS NULL AND kind = 'revisit';
CREATE INDEX follow_ups_updated ON follow_ups(updated_at);

CREATE TABLE renewals (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  contract_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  stage text COLLATE "C" NOT NULL DEFAULT 'pending' CHECK (stage IN ('pending', 'contacted', 'negotiating', 'renewed', 'lost')),
  outcome_on text COLLATE "C",
  outcome_amount_fen bigint CHECK (outcome_amount_fen IS NULL OR outcome_amount_fen >= 0),
  lost_reason text COLLATE "C",
  lost_note text COLLATE "C",
  new_contract_id text COLLATE "C" REFERENCES contracts(id),
  notes text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX renewals_contract_live ON renewals(contract_id) WHERE deleted_at IS NULL;
CREATE INDEX renewals_stage ON renewals(stage) WHERE deleted_at IS NULL;

CREATE TABLE renewal_link_vetoes (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  earlier_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  later_id text COLLATE "C" NOT NULL REFERENCES contracts(id),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE INDEX renewal_link_vetoes_later ON renewal_link_vetoes(later_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX renewal_link_vetoes_pair ON renewal_link_vetoes(earlier_id, later_id) WHERE deleted_at IS NULL;

CREATE TABLE settings (
  key text COLLATE "C" PRIMARY KEY NOT NULL,
  value text COLLATE "C" NOT NULL CHECK (json_valid(value)),
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);

CREATE TABLE audit_log (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  at text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  entity text COLLATE "C" NOT NULL,
  entity_id text COLLATE "C" NOT NULL,
  before text COLLATE "C" CHECK (before IS NULL OR json_valid(before)),
  after text COLLATE "C" CHECK (after IS NULL OR json_valid(after)),
  batch_id text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);
CREATE INDEX audit_log_batch ON audit_log(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at);

CREATE TABLE import_batches (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('contracts', 'customers', 'followups', 'usage')),
  file_name text COLLATE "C" NOT NULL,
  format text COLLATE "C" NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding text COLLATE "C",
  rows bigint NOT NULL,
  summary text COLLATE "C" NOT NULL CHECK (json_valid(summary)),
  actor text COLLATE "C" NOT NULL,
  undone_at text COLLATE "C",
  undo_batch_id text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);
CREATE INDEX import_batches_created ON import_batches(created_at);

CREATE TABLE import_mapping_presets (
  signature text COLLATE "C" PRIMARY KEY NOT NULL,
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('contracts', 'customers', 'followups')),
  headers text COLLATE "C" NOT NULL CHECK (json_valid(headers)),
  columns text COLLATE "C" NOT NULL CHECK (json_valid(columns)),
  used_count bigint NOT NULL DEFAULT 0,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);

CREATE TABLE reminder_rules (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  scope text COLLATE "C" NOT NULL CHECK (scope IN ('tier', 'contract')),
  scope_id text COLLATE "C" NOT NULL,
  steps text COLLATE "C" CHECK (steps IS NULL OR json_valid(steps)),
  template text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  deleted_at text COLLATE "C"
);
CREATE UNIQUE INDEX reminder_rules_scope_live ON reminder_rules(scope, scope_id) WHERE deleted_at IS NULL;

CREATE TABLE reminders (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('expiry', 'birthday', 'followup', 'remind', 'payment', 'complaint', 'visit', 'holiday', 'survey')),
  subject_id text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C" NOT NULL,
  occurrence_date text COLLATE "C" NOT NULL,
  step bigint NOT NULL,
  local_date text COLLATE "C" NOT NULL,
  time_of_day text COLLATE "C" NOT NULL,
  due_at text COLLATE "C" NOT NULL,
  snoozed_until text COLLATE "C",
  fired_at text COLLATE "C",
  outcome text COLLATE "C" CHECK (outcome IN ('fired', 'superseded', 'done', 'missed')),
  done_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1
);
CREATE INDEX reminders_customer ON reminders(customer_id);
CREATE INDEX reminders_due ON reminders(due_at) WHERE fired_at IS NULL;
CREATE UNIQUE INDEX reminders_key ON reminders(kind, subject_id, occurrence_date, step);
CREATE INDEX reminders_subject ON reminders(subject_id);

CREATE TABLE notifications (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  tick_id text COLLATE "C" NOT NULL,
  reminder_id text COLLATE "C",
  kind text COLLATE "C" NOT NULL,
  subject_id text COLLATE "C",
  customer_id text COLLATE "C",
  customer_name text COLLATE "C" NOT NULL,
  step bigint,
  due_at text COLLATE "C" NOT NULL,
  fired_at text COLLATE "C" NOT NULL,
  title text COLLATE "C" NOT NULL,
  body text COLLATE "C" NOT NULL,
  subject_url text COLLATE "C",
  delivered_at text COLLATE "C",
  delivery_attempts bigint NOT NULL DEFAULT 0,
  last_error text COLLATE "C",
  read_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  title_key text COLLATE "C",
  body_key text COLLATE "C",
  message_params text COLLATE "C"
);
CREATE UNIQUE INDEX notifications_claim ON notifications(reminder_id, due_at) WHERE reminder_id IS NOT NULL;
CREATE INDEX notifications_fired ON notifications(fired_at);
CREATE INDEX notifications_subject ON notifications(subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX notifications_undelivered ON notifications(tick_id) WHERE delivered_at IS NULL;
CREATE INDEX notifications_unread ON notifications(fired_at) WHERE read_at IS NULL;
`;
