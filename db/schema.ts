import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { KeyCustomerManagersTable, KeyCustomerOverridesTable, VisitStandardsTable } from './schemaKeyCustomers.ts';
import type { ComplaintStepsTable, ComplaintsTable } from './schemaComplaints.ts';
import type { LoyaltyPointsTable, MessageTemplatesTable, ReferralsTable, RenewalOffersTable } from './schemaCare.ts';
import type { MailOutboxTable, OwnerMailOptOutsTable } from './schemaMail.ts';
import type { AccountSessionsTable, AccountsTable } from './schemaAccounts.ts';
import type { AttachmentBlobsTable } from './schemaAttachments.ts';
import type { CompetitorEventsTable, ContractInstalmentsTable, CustomerHealthTable, CustomerHealthWeeksTable, HealthDirtyTable, RiskWarningActionsTable, RiskWarningsTable, UsageFiguresTable } from './schemaRisk.ts';
export type { CompetitorEventsTable, ContractInstalmentsTable, CustomerHealthTable, CustomerHealthWeeksTable, HealthDirtyTable, RiskWarningActionsTable, RiskWarningsTable, UsageFiguresTable } from './schemaRisk.ts';
import type { SurveyActionsTable, SurveyCampaignCustomersTable, SurveyCampaignsTable, SurveyDimensionsTable, SurveysTable } from './schemaSurveys.ts';
export type { SurveyActionsTable, SurveyCampaignCustomersTable, SurveyCampaignsTable, SurveyDimensionsTable, SurveysTable } from './schemaSurveys.ts';

// Table types stay inside db/. Services see domain types from shared/.
export interface Stamped {
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}
export interface SoftDeleted extends Stamped {
  deleted_at: string | null;
}

export interface OwnersTable extends SoftDeleted {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  active: Generated<number>;
}

export interface CustomersTable extends SoftDeleted {
  id: string;
  name: string;
  code: string | null;
  industry: string | null;
  tier: string;
  owner_id: string | null;
  lifecycle_stage: string;
  source: string | null;
  custom_fields: string;
  notes: string | null;
  next_expiry_on: string | null;
  archived_at: string | null;
  /** nameSortKey(name) (shared/domain/nameSortKey.ts); NULL only between migration 0009 and the fill after it. */
  name_sort_key: string | null;
  /** 'manual' (set by hand) or 'import' (a sheet's 客户等级 the rules disagree with): no classification overwrites it. */
  tier_pinned: string | null;
  /** The rules' reason, JSON {key, params} (shared/tiers/tierRules.ts); NULL when pinned or never classified. */
  tier_reason: string | null;
}

export interface TagsTable extends SoftDeleted {
  id: string;
  name: string;
  color: string | null;
}

export interface CustomerTagsTable extends Stamped {
  customer_id: string;
  tag_id: string;
}

export interface ContactsTable extends SoftDeleted {
  id: string;
  customer_id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  is_primary: number;
  notes: string | null;
}

export interface ContractsTable extends SoftDeleted {
  id: string;
  customer_id: string;
  number: string;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  amount_fen: number | null;
  currency: string;
  cycle: string | null;
  service: string | null;
  status: string;
  owner_id: string | null;
  renewal_of: string | null;
  notes: string | null;
  /** 提醒日期: a one-off reminder date on top of the ladder (migration 0011). */
  remind_on: string | null;
}

export interface FollowUpsTable extends SoftDeleted {
  id: string;
  customer_id: string;
  contract_id: string | null;
  at: string;
  channel: string;
  kind: string;
  summary: string;
  next_follow_up_on: string | null;
  next_done_at: string | null;
  owner_id: string | null;
}

export interface SettingsTable extends Stamped {
  key: string;
  value: string;
}

export interface AuditLogTable extends Stamped {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  batch_id: string | null;
}

export interface CustomerSearchTable {
  customer_id: string;
  text: string;
  /** The name's pinyin reading (shared/domain/pinyinSearch.ts); NULL only between migration 0014 and its fill. */
  pinyin: string | null;
}

export interface CustomerBigramsTable {
  bigram: string;
  customer_id: string;
}

/** A customer's bigrams, space-separated: what to remove from customer_bigrams when it is reindexed. */
export interface CustomerBigramSetsTable {
  customer_id: string;
  bigrams: string;
}

/** One owner × tier × archive state of customers (migration 0018): the scope of customer_scoped_bigrams. */
export interface SearchScopesTable {
  id: Generated<number>;
  /** The owner id, '' for none. */
  owner_key: string;
  tier: string;
  archived: number;
}

/** customer_bigrams again, under each customer's search_scopes id; kept by triggers (migration 0018). */
export interface CustomerScopedBigramsTable {
  bigram: string;
  scope: number;
  customer_id: string;
}

export interface SearchBigramDfTable {
  bigram: string;
  n: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface RenewalsTable extends SoftDeleted {
  id: string;
  contract_id: string;
  stage: string;
  outcome_on: string | null;
  outcome_amount_fen: number | null;
  lost_reason: string | null;
  lost_note: string | null;
  new_contract_id: string | null;
  notes: string | null;
}

/** A pair of terms the user said is not a renewal: the chain rule never links it (migration 0011). */
export interface RenewalLinkVetoesTable extends SoftDeleted {
  id: string;
  earlier_id: string;
  later_id: string;
}

export interface ReminderRulesTable extends SoftDeleted {
  id: string;
  scope: string;
  scope_id: string;
  steps: string | null;
  template: string | null;
}

export interface RemindersTable extends Stamped {
  id: string;
  kind: string;
  subject_id: string;
  customer_id: string;
  occurrence_date: string;
  step: number;
  local_date: string;
  time_of_day: string;
  due_at: string;
  snoozed_until: string | null;
  fired_at: string | null;
  outcome: string | null;
  done_at: string | null;
}

/** Migration 0019: the tier table; the key is `code`, not `id`. */
export interface TiersTable extends SoftDeleted {
  code: string;
  /** NULL for a built-in the user has not renamed: the catalogue names it. */
  name: string | null;
  colour: string;
  rank: number;
  builtin: number;
}

export interface CustomerAliasesTable extends SoftDeleted {
  id: string;
  customer_id: string;
  name: string;
  merged_from_id: string | null;
}

/** A contract's attachment (migration 0022): the bytes are the file `stored_name` in the attachments folder. */
export interface ContractAttachmentsTable extends SoftDeleted {
  id: string;
  contract_id: string;
  file_name: string;
  stored_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
}

export interface NotificationsTable extends Stamped {
  id: string;
  tick_id: string;
  reminder_id: string | null;
  kind: string;
  subject_id: string | null;
  customer_id: string | null;
  customer_name: string;
  step: number | null;
  due_at: string;
  fired_at: string;
  title: string;
  body: string;
  subject_url: string | null;
  /** Catalogue keys and the facts (JSON) the title and body are worded from (migration 0010); null before it. */
  title_key: string | null;
  body_key: string | null;
  message_params: string | null;
  delivered_at: string | null;
  delivery_attempts: Generated<number>;
  last_error: string | null;
  read_at: string | null;
}

/** A customer's computed lifecycle stage and loyalty (migration 0016). */
export interface CustomerLifecycleTable {
  customer_id: string;
  stage: string;
  since: string;
  reason: string;
  loyalty: string;
  consecutive_renewals: number;
  years: number;
  last_amount_fen: number | null;
  lost_on: string | null;
  lost_reason: string | null;
  signals: string;
  computed_on: string;
}

export interface CustomerLifecycleHistoryTable {
  id: string;
  customer_id: string;
  stage: string;
  previous_stage: string | null;
  on_date: string;
  reason: string;
  created_at: string;
}

export interface LifecycleDirtyTable {
  customer_id: string;
}

export interface Database {
  owners: OwnersTable;
  customers: CustomersTable;
  tags: TagsTable;
  customer_tags: CustomerTagsTable;
  contacts: ContactsTable;
  contracts: ContractsTable;
  follow_ups: FollowUpsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  customer_search: CustomerSearchTable;
  customer_bigrams: CustomerBigramsTable;
  customer_bigram_sets: CustomerBigramSetsTable;
  search_bigram_df: SearchBigramDfTable;
  search_scopes: SearchScopesTable;
  customer_scoped_bigrams: CustomerScopedBigramsTable;
  schema_migrations: MigrationsTable;
  renewals: RenewalsTable;
  renewal_link_vetoes: RenewalLinkVetoesTable;
  reminder_rules: ReminderRulesTable;
  reminders: RemindersTable;
  notifications: NotificationsTable;
  customer_aliases: CustomerAliasesTable;
  tiers: TiersTable;
  customer_lifecycle: CustomerLifecycleTable;
  customer_lifecycle_history: CustomerLifecycleHistoryTable;
  lifecycle_dirty: LifecycleDirtyTable;
  contract_attachments: ContractAttachmentsTable;
  usage_figures: UsageFiguresTable;
  competitor_events: CompetitorEventsTable;
  contract_instalments: ContractInstalmentsTable;
  customer_health: CustomerHealthTable;
  customer_health_weeks: CustomerHealthWeeksTable;
  health_dirty: HealthDirtyTable;
  risk_warnings: RiskWarningsTable;
  risk_warning_actions: RiskWarningActionsTable;
  risk_outcome_dirty: { contract_id: string };
  key_customer_overrides: KeyCustomerOverridesTable;
  key_customer_managers: KeyCustomerManagersTable;
  visit_standards: VisitStandardsTable;
  complaints: ComplaintsTable;
  complaint_steps: ComplaintStepsTable;
  message_templates: MessageTemplatesTable;
  renewal_offers: RenewalOffersTable;
  loyalty_points: LoyaltyPointsTable;
  referrals: ReferralsTable;
  survey_dimensions: SurveyDimensionsTable;
  surveys: SurveysTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_campaign_customers: SurveyCampaignCustomersTable;
  survey_actions: SurveyActionsTable;
  mail_outbox: MailOutboxTable;
  owner_mail_opt_outs: OwnerMailOptOutsTable;
  accounts: AccountsTable;
  account_sessions: AccountSessionsTable;
  attachment_blobs: AttachmentBlobsTable;
}

export type OwnerRow = Selectable<OwnersTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomerRow = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type TagRow = Selectable<TagsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ContractRow = Selectable<ContractsTable>;
export type ContractUpdate = Updateable<ContractsTable>;
export type FollowUpRow = Selectable<FollowUpsTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** Tables whose rows are audited and can be restored from an audit before-image. */
export const AUDITED_TABLES = [
  'owners',
  'customers',
  'tags',
  'contacts',
  'contracts',
  'follow_ups',
  'settings',
  'renewals',
  'reminder_rules',
  'renewal_link_vetoes',
  'customer_aliases',
  'tiers',
  'contract_attachments',
  'usage_figures',
  'competitor_events',
  'contract_instalments',
  'risk_warnings',
  'risk_warning_actions',
  'key_customer_overrides',
  'key_customer_managers',
  'visit_standards',
  'complaints',
  'complaint_steps',
  'message_templates',
  'renewal_offers',
  'loyalty_points',
  'referrals',
  'survey_dimensions',
  'surveys',
  'survey_campaigns',
  'survey_campaign_customers',
  'survey_actions',
] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];
