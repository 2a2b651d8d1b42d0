import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { DEFAULT_LADDERS, DEFAULT_LADDER_SETTINGS, normalizeSteps, type LadderSettings, type TierMap } from '../../../shared/reminders/reminderLadder.ts';
import { LADDER_SOURCE_TIER } from '../../../shared/tiers/tierTable.ts';
import { listTiers } from '../../../db/repositories/tiersRepo.ts';
import { defaultTemplates } from '../../../shared/reminders/reminderTemplate.ts';
import { buildWorkingDayCalendar, parseHolidayData, type HolidayData, type WorkingDayCalendar } from '../../../shared/reminders/workingDays.ts';
import { isTimeOfDay } from '../../../shared/reminders/localDueInstant.ts';
import type { Executor } from '../../../db/handle.ts';
import { listReminderRules, readSettingValues } from '../../../db/repositories/reminderRulesRepo.ts';
import { readStoredSetting, SETTING_KEYS } from '../settings/appSettings.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { localeOf } from '../../../shared/i18n/message.ts';
import { greetingSettingsOf, type GreetingSettings } from '../../../shared/messages/customerMessages.ts';
import { holidayRuns, type HolidayRun } from '../../../shared/messages/holidayGreetings.ts';

// Everything that decides when a reminder is due, read together so one recompute sees one consistent view.

export { SETTING_KEYS } from '../settings/appSettings.ts';

export interface ReminderConfig {
  ladder: LadderSettings;
  calendar: WorkingDayCalendar;
  /** Every live tier's ladder and template (a tier without its own rule row has 普通's). */
  ladders: TierMap<number[]>;
  templates: TierMap<string>;
  holidayOverrideCount: number;
  /** The archive's language, which default templates and the words services write follow. */
  locale: Locale;
  /** Birthday and holiday greetings: how many days ahead, which tiers are greeted on holidays (issue 14). */
  greetings: GreetingSettings;
  /** The holidays, bundled and imported, as runs of days off (holiday greetings). */
  holidayRuns: HolidayRun[];
}

export async function loadReminderConfig(x: Executor): Promise<ReminderConfig> {
  // One read for all keys: this runs inside every contract write.
  const values = await readSettingValues(x, [SETTING_KEYS.schedule, SETTING_KEYS.holidays, SETTING_KEYS.locale, SETTING_KEYS.greetings]);
  const schedule = (values.get(SETTING_KEYS.schedule) ?? {}) as Partial<LadderSettings>;
  const holidaysRaw = values.get(SETTING_KEYS.holidays);
  const parsed = holidaysRaw ? parseHolidayData(holidaysRaw) : null;
  const holidays: HolidayData | null = parsed?.ok ? parsed.data : null;
  const rules = await listReminderRules(x, 'tier');
  const ladders: TierMap<number[]> = { vip: [...DEFAULT_LADDERS.vip], important: [...DEFAULT_LADDERS.important], normal: [...DEFAULT_LADDERS.normal] };
  const locale = localeOf(values.get(SETTING_KEYS.locale));
  const templates: TierMap<string> = { ...defaultTemplates(locale) };
  // The tier table (migration 0019) says which codes are tiers; a rule of a removed tier is not read.
  const live = new Set((await listTiers(x)).map((t) => t.code));
  for (const rule of rules) {
    if (!live.has(rule.scopeId)) continue;
    if (rule.steps) ladders[rule.scopeId] = normalizeSteps(rule.steps);
    if (rule.template) templates[rule.scopeId] = rule.template;
  }
  for (const code of live) {
    ladders[code] ??= [...ladders[LADDER_SOURCE_TIER]!];
    templates[code] ??= templates[LADDER_SOURCE_TIER]!;
  }
  return {
    ladder: {
      timeOfDay: typeof schedule.timeOfDay === 'string' && isTimeOfDay(schedule.timeOfDay) ? schedule.timeOfDay : DEFAULT_LADDER_SETTINGS.timeOfDay,
      shiftToWorkingDay: schedule.shiftToWorkingDay === true,
    },
    calendar: buildWorkingDayCalendar(holidays),
    ladders,
    templates,
    holidayOverrideCount: holidays ? Object.keys(holidays.holidays).length + Object.keys(holidays.workdays).length : 0,
    locale,
    greetings: greetingSettingsOf(values.get(SETTING_KEYS.greetings)),
    holidayRuns: holidayRunsCached(holidays),
  };
}

// Grouping some 500 dates into runs is cheap, but this runs inside every contract write: once per holiday data.
let cachedRuns: { data: HolidayData | null; runs: HolidayRun[] } | null = null;
function holidayRunsCached(data: HolidayData | null): HolidayRun[] {
  if (!cachedRuns || JSON.stringify(cachedRuns.data) !== JSON.stringify(data)) cachedRuns = { data, runs: holidayRuns(data) };
  return cachedRuns.runs;
}

export interface DesktopSettings {
  startAtLogin: boolean;
  keepInTray: boolean;
}

// Keeping the app in the tray is what lets reminders fire with the window closed, so it is on by default;
// starting at login changes the user's system and waits for their say-so.
export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { startAtLogin: false, keepInTray: true };

export async function readDesktopSettings(x: Executor): Promise<DesktopSettings> {
  const stored = ((await readStoredSetting(x, 'desktop')) ?? {}) as Partial<DesktopSettings>;
  return {
    startAtLogin: typeof stored.startAtLogin === 'boolean' ? stored.startAtLogin : DEFAULT_DESKTOP_SETTINGS.startAtLogin,
    keepInTray: typeof stored.keepInTray === 'boolean' ? stored.keepInTray : DEFAULT_DESKTOP_SETTINGS.keepInTray,
  };
}

export async function readReminderSettings(x: Executor): Promise<ReminderSettings> {
  const config = await loadReminderConfig(x);
  return {
    timeOfDay: config.ladder.timeOfDay,
    shiftToWorkingDay: config.ladder.shiftToWorkingDay,
    ladders: config.ladders,
    templates: config.templates,
    holidayOverrideCount: config.holidayOverrideCount,
    ...(await readDesktopSettings(x)),
  };
}
