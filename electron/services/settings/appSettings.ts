// Every setting the archive keeps, in one place: its key in the settings table, and the one way a setting is
// written (through the audit log, inside the caller's transaction). Services that own a setting's meaning (the
// reminder schedule, the lost reasons, the language) call these; none writes the settings table another way.
import type { Executor, Tx } from '../../../db/handle.ts';
import { readSetting, writeSetting } from '../../../db/repositories/settingsRepo.ts';
import type { AuditMeta } from '../../../db/repositories/auditedWrites.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { localeOf } from '../../../shared/i18n/message.ts';

export const SETTING_KEYS = {
  schedule: 'reminders.schedule',
  holidays: 'reminders.holidays',
  desktop: 'desktop',
  lostReasons: 'renewals.lostReasons',
  zone: 'reminders.zone',
  watermark: 'reminders.watermark',
  /** The archive's language (settings:set), which default wording follows. */
  locale: 'locale',
  /** Tier classification rules (electron/services/tiers); the defaults when absent. */
  tierRules: 'tiers.rules',
  /** The local date of the last daily tier classification (the scheduler's own marker). */
  tierDailyRun: 'tiers.dailyRun',
  /** Lifecycle stage thresholds (electron/services/lifecycle); the defaults for any never saved. */
  lifecycleRules: 'lifecycle.rules',
  /** The unit usage figures are entered in (issue 13 signals); blank or absent: the catalogue's default. */
  usageUnit: 'signals.usageUnit',
  /** The health score's weights (electron/services/health); the defaults for any never saved. */
  healthWeights: 'health.weights',
  /** The day of the last daily health recompute (the scheduler's own marker). */
  healthDailyRun: 'health.dailyRun',
  /** The 风险预警 list's window in days (issue 13 warnings); absent: DEFAULT_RISK_WINDOW_DAYS. */
  riskWindow: 'risk.windowDays',
  /** The tiers whose customers are key customers (重点客户, issue 14); absent: DEFAULT_KEY_TIERS. */
  keyTiers: 'visits.keyTiers',
  /** Complaints (issue 14): the SLA per severity and the category list; absent: the defaults. */
  complaints: 'complaints.settings',
  /** Greetings (issue 14): days ahead and the tiers greeted on holidays; absent: DEFAULT_GREETING_SETTINGS. */
  greetings: 'greetings.settings',
  /** The 满意度 page's low-score threshold (issue 14 surveys); absent: DEFAULT_SURVEY_THRESHOLD. */
  surveyThreshold: 'surveys.threshold',
  /** The SMTP server for e-mail reminders (issue 15), without its password (the host's secret store has it). */
  smtp: 'mail.smtp',
  /** Team mode (issue 15): whether 客户经理 see only their own customers; absent: off. */
  teamSettings: 'team.settings',
} as const;

/** The settings a user changes (the zone and the watermark are the reminder engine's own markers). */
export type UserSettingKey = Exclude<keyof typeof SETTING_KEYS, 'zone' | 'watermark' | 'tierDailyRun' | 'healthDailyRun'>;

export async function saveSetting(tx: Tx, key: UserSettingKey, value: unknown, meta: AuditMeta): Promise<void> {
  await writeSetting(tx, SETTING_KEYS[key], value, meta);
}

/** A scheduler's own marker (the day a daily run last ran), written the same audited way. */
export async function saveMarkerSetting(tx: Tx, key: 'tierDailyRun' | 'healthDailyRun', value: unknown, meta: AuditMeta): Promise<void> {
  await writeSetting(tx, SETTING_KEYS[key], value, meta);
}

export async function readStoredSetting(x: Executor, key: keyof typeof SETTING_KEYS): Promise<unknown> {
  return readSetting(x, SETTING_KEYS[key]);
}

/** The archive's language (设置 → 语言): what services word messages in, and what the UI follows. */
export async function readLocaleSetting(x: Executor): Promise<Locale> {
  return localeOf(await readSetting(x, SETTING_KEYS.locale));
}
