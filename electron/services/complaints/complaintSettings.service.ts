// The complaints' settings (投诉设置): the SLA per severity, counted in calendar hours (the default) or in working
// hours on the reminders' working-day calendar (holidays and 调休 included, with the user's imported holiday data),
// and the editable category list. Stored as one setting; absent or partial: the defaults.
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { ComplaintSettings } from '../../../shared/api/complaints.contract.ts';
import { COMPLAINT_SEVERITIES, DEFAULT_COMPLAINT_SLA, SLA_MODES, type ComplaintSlaSettings, type SlaMode } from '../../../shared/domain/complaints.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import { buildWorkingDayCalendar, parseHolidayData, type WorkingDayCalendar } from '../../../shared/reminders/workingDays.ts';
import type { Executor } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';

const DEFAULT_CATEGORY_KEYS = ['product', 'service', 'delivery', 'billing', 'other'] as const;

/** 产品质量, 服务态度, 交付延误, 账单费用, 其他, in the archive's language. */
export function defaultComplaintCategories(locale: Locale): string[] {
  return DEFAULT_CATEGORY_KEYS.map((k) => renderIn(locale, msg(`complaints.defaultCategory.${k}`)));
}

const isSlaMode = (v: unknown): v is SlaMode => SLA_MODES.some((m) => m === v);
const isTime = (v: unknown): v is string => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

export async function readComplaintSettings(x: Executor): Promise<ComplaintSettings> {
  const stored = ((await readStoredSetting(x, 'complaints')) ?? {}) as Partial<{ sla: Partial<ComplaintSlaSettings>; categories: unknown }>;
  const sla = stored.sla ?? {};
  const hours = { ...DEFAULT_COMPLAINT_SLA.hours };
  for (const s of COMPLAINT_SEVERITIES) {
    const h = (sla.hours as Record<string, unknown> | undefined)?.[s];
    if (typeof h === 'number' && h > 0) hours[s] = h;
  }
  const categories =
    Array.isArray(stored.categories) && stored.categories.length > 0 && stored.categories.every((c) => typeof c === 'string')
      ? (stored.categories as string[])
      : defaultComplaintCategories(await archiveLocale(x));
  return {
    sla: {
      mode: isSlaMode(sla.mode) ? sla.mode : DEFAULT_COMPLAINT_SLA.mode,
      hours,
      dayStart: isTime(sla.dayStart) ? sla.dayStart : DEFAULT_COMPLAINT_SLA.dayStart,
      dayEnd: isTime(sla.dayEnd) ? sla.dayEnd : DEFAULT_COMPLAINT_SLA.dayEnd,
    },
    categories,
  };
}

/** The reminders' working-day calendar: the bundled chinese-days data and the user's imported file over it. */
export async function complaintCalendar(x: Executor): Promise<WorkingDayCalendar> {
  const raw = await readStoredSetting(x, 'holidays');
  const parsed = raw ? parseHolidayData(raw) : null;
  return buildWorkingDayCalendar(parsed?.ok ? parsed.data : null);
}

export async function getComplaintSettings(ctx: ServiceContext): Promise<ApiOutput<'complaints:settings'>> {
  return readComplaintSettings(ctx.db);
}

export async function setComplaintSettings(ctx: ServiceContext, input: ApiParsedInput<'complaints:setSettings'>): Promise<ApiOutput<'complaints:setSettings'>> {
  if (input.sla.dayEnd <= input.sla.dayStart) throw new AppError('VALIDATION', msg('complaintErrors.dayWindow'), 'sla.dayEnd');
  return withTransaction(ctx.db, async (tx) => {
    // A setting's first write is an insert, which the undo engine cannot take back (settings rows are never
    // soft-deleted): the defaults are stored first in a batch of their own, so this change is an undoable update.
    if ((await readStoredSetting(tx, 'complaints')) === undefined) {
      await saveSetting(tx, 'complaints', await readComplaintSettings(tx), auditMeta(ctx, 'create', newId()));
    }
    const batchId = newId();
    const categories = [...new Set(input.categories)];
    const value: ComplaintSettings = { sla: input.sla, categories };
    await saveSetting(tx, 'complaints', value, auditMeta(ctx, 'update', batchId));
    return { ...value, undoToken: batchId };
  });
}
