import { addDaysIso } from '../domain/dates.ts';
import type { BuiltinTier, Tier } from '../domain/enums.ts';
import { createTranslator, type MessageKey, type Translate } from '../i18n/createTranslator.ts';
import { localDueInstant } from './localDueInstant.ts';
import { previousWorkingDay, type WorkingDayCalendar } from './workingDays.ts';

// A ladder is a list of signed whole-day steps before a date: 30 is 30 days before, 0 the day itself, −1 the
// day after. VIP customers get the longest run-up because their renewals need budget approval a quarter ahead.
/** Per tier code: the built-ins always, and every custom tier of the tier table (migration 0019). */
export type TierMap<T> = Record<BuiltinTier, T> & Record<Tier, T>;

export const DEFAULT_LADDERS: Record<BuiltinTier, readonly number[]> = {
  vip: [90, 60, 30, 15, 7, 1, 0, -1, -7],
  important: [60, 30, 15, 7, 1, 0, -1, -7],
  normal: [30, 15, 7, 0, -1, -7],
};

export const MIN_STEP = -365;
export const MAX_STEP = 730;
export const DEFAULT_TIME_OF_DAY = '09:00';

export interface LadderSettings {
  timeOfDay: string;
  /** Move a step that falls on a day off to the previous working day. Off by default. */
  shiftToWorkingDay: boolean;
}

export const DEFAULT_LADDER_SETTINGS: LadderSettings = { timeOfDay: DEFAULT_TIME_OF_DAY, shiftToWorkingDay: false };

/** Distinct integer steps, earliest reminder first (largest step first). */
export function normalizeSteps(steps: readonly number[]): number[] {
  return [...new Set(steps.map((s) => Math.trunc(s)))].sort((a, b) => b - a);
}

export const MAX_STEPS = 30;
const zh = createTranslator('zh-CN');

/** What is wrong with a ladder, in the caller's language (zh-CN unless a translator is given); null when nothing. */
export function stepsProblem(steps: readonly number[], t: Translate = zh): string | null {
  if (steps.length === 0) return t('ladder.problemEmpty');
  if (steps.length > MAX_STEPS) return t('ladder.problemTooMany', { max: MAX_STEPS });
  for (const s of steps) {
    if (!Number.isInteger(s)) return t('ladder.problemNotInteger', { step: s });
    if (s < MIN_STEP || s > MAX_STEP) return t('ladder.problemRange', { step: s, min: MIN_STEP, max: MAX_STEP });
  }
  return null;
}

export interface LadderStep {
  step: number;
  /** The date the step is counted from (the contract's end date); part of the reminder's key. */
  occurrenceDate: string;
  /** The date it is due, after any working-day shift. */
  localDate: string;
  timeOfDay: string;
  dueAt: Date;
}

export function stepDate(occurrenceDate: string, step: number, settings: LadderSettings, calendar: WorkingDayCalendar): string {
  const date = addDaysIso(occurrenceDate, -step);
  return settings.shiftToWorkingDay ? previousWorkingDay(date, calendar) : date;
}

/** Every step of a ladder for one occurrence date, earliest first. */
export function computeLadder(
  occurrenceDate: string,
  steps: readonly number[],
  settings: LadderSettings,
  calendar: WorkingDayCalendar,
): LadderStep[] {
  return normalizeSteps(steps).map((step) => {
    const localDate = stepDate(occurrenceDate, step, settings, calendar);
    return { step, occurrenceDate, localDate, timeOfDay: settings.timeOfDay, dueAt: localDueInstant(localDate, settings.timeOfDay) };
  });
}

/** An expiry notification's title by the days left until the end date: "…合同 30 天后到期", "…今天到期", "…已逾期 7 天". */
export function expiryTitleKey(daysLeft: number): MessageKey {
  if (daysLeft > 0) return 'notice.expiryAhead';
  if (daysLeft === 0) return 'notice.expiryToday';
  return 'notice.expiryOverdue';
}

/** "到期前 30 天" / "30 days before", in the caller's language (zh-CN unless a translator is given). */
export function describeStep(step: number, t: Translate = zh): string {
  if (step > 0) return t('ladder.stepBefore', { n: step });
  if (step === 0) return t('ladder.stepOn');
  return t('ladder.stepAfter', { n: -step });
}
