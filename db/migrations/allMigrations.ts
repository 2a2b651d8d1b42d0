import type { MigrationDefinition } from './migrationDefinition.ts';
import { migration0001Init } from './0001_init.ts';
import { migration0002CustomerListIndexes } from './0002_customer_list_indexes.ts';
import { migration0003Reminders } from './0003_reminders.ts';
import { migration0004ImportBatches } from './0004_import_batches.ts';
import { migration0005ReminderCatchUp } from './0005_reminder_catch_up.ts';
import { migration0006CustomerListCovering } from './0006_customer_list_covering.ts';
import { migration0007CustomerBigramSets } from './0007_customer_bigram_sets.ts';
import { migration0008ContractCycleOptional } from './0008_contract_cycle_optional.ts';
import { migration0009CustomerNameSortKey } from './0009_customer_name_sort_key.ts';
import { migration0010NotificationMessages } from './0010_notification_messages.ts';
import { migration0011RenewalPicture } from './0011_renewal_picture.ts';
import { migration0012ReportIndexes } from './0012_report_indexes.ts';
import { migration0013ReportTerms } from './0013_report_terms.ts';
import { migration0014CustomerPinyinSearch } from './0014_customer_pinyin_search.ts';
import { migration0015TierClassification } from './0015_tier_classification.ts';
import { migration0016CustomerLifecycle } from './0016_customer_lifecycle.ts';
import { migration0017CustomerAliases } from './0017_customer_aliases.ts';
import { migration0018CustomerScopedBigrams } from './0018_customer_scoped_bigrams.ts';
import { migration0019TierTable } from './0019_tier_table.ts';
import { migration0020TierBulkWrite } from './0020_tier_bulk_write.ts';
import { migration0022ContractAttachments } from './0022_contract_attachments.ts';
import { migration0023RiskSignals } from './0023_risk_signals.ts';
import { migration0024ContractInstalments } from './0024_contract_instalments.ts';
import { migration0025CustomerHealth } from './0025_customer_health.ts';
import { migration0026HealthDirty } from './0026_health_dirty.ts';
import { migration0027RiskWarnings } from './0027_risk_warnings.ts';
import { migration0028PaymentRemindersUsageImport } from './0028_payment_reminders_usage_import.ts';
import { migration0029CareReminderKinds } from './0029_care_reminder_kinds.ts';
import { migration0034UsageLatestIndex } from './0034_usage_latest_index.ts';
import { migration0036FollowUpInteractionsIndex } from './0036_follow_up_interactions_index.ts';
import { migration0041PinyinMatch } from './0041_pinyin_match.ts';
import { migration0043DirtyMarksByTransaction } from './0043_dirty_marks_by_transaction.ts';
import { migration0035MailReminders } from './0035_mail_reminders.ts';
import { migration0037Accounts } from './0037_accounts.ts';
import { migration0042AttachmentBlobs } from './0042_attachment_blobs.ts';
import { migration0032KeyCustomersVisits } from './0032_key_customers_visits.ts';
import { migration0031Complaints } from './0031_complaints.ts';
import { migration0033GreetingsLoyalty } from './0033_greetings_loyalty.ts';
import { migration0030SatisfactionSurveys } from './0030_satisfaction_surveys.ts';

// Registered statically (bundler-safe, no directory scans at run time). Append only.
export const ALL_MIGRATIONS: readonly MigrationDefinition[] = [
  migration0001Init,
  migration0002CustomerListIndexes,
  migration0003Reminders,
  migration0004ImportBatches,
  migration0005ReminderCatchUp,
  migration0006CustomerListCovering,
  migration0007CustomerBigramSets,
  migration0008ContractCycleOptional,
  migration0009CustomerNameSortKey,
  migration0010NotificationMessages,
  migration0011RenewalPicture,
  migration0012ReportIndexes,
  migration0013ReportTerms,
  migration0014CustomerPinyinSearch,
  migration0015TierClassification,
  migration0016CustomerLifecycle,
  migration0017CustomerAliases,
  migration0018CustomerScopedBigrams,
  migration0019TierTable,
  migration0020TierBulkWrite,
  migration0022ContractAttachments,
  migration0023RiskSignals,
  migration0024ContractInstalments,
  migration0025CustomerHealth,
  migration0026HealthDirty,
  migration0027RiskWarnings,
  migration0028PaymentRemindersUsageImport,
  migration0029CareReminderKinds,
  migration0030SatisfactionSurveys,
  migration0031Complaints,
  migration0032KeyCustomersVisits,
  migration0033GreetingsLoyalty,
  migration0034UsageLatestIndex,
  migration0035MailReminders,
  migration0036FollowUpInteractionsIndex,
  migration0037Accounts,
  migration0041PinyinMatch,
  migration0042AttachmentBlobs,
  migration0043DirtyMarksByTransaction,
];

// The highest version, not the count: issue 12's helpers numbered their migrations apart (0014–0017), so a branch
// may hold a gap until they are merged.
export const LATEST_SCHEMA_VERSION = Math.max(...ALL_MIGRATIONS.map((m) => m.version));
