import { assertTier } from '../tiers/tierTable.service.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { RemindRunOutput, ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { normalizeSteps } from '../../../shared/reminders/reminderLadder.ts';
import { parseHolidayData } from '../../../shared/reminders/workingDays.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { Tx } from '../../../db/handle.ts';
import { upsertReminderRule } from '../../../db/repositories/reminderRulesRepo.ts';
import { saveSetting } from '../settings/appSettings.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireContract } from '../references/contractRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readDesktopSettings, readReminderSettings } from './reminderConfig.ts';
import { recomputeAllReminders, recomputeRemindersForContract } from './recomputeReminders.ts';
import { previewContractLadder, resolveContractRef } from './reminderPreview.ts';
import { tickAndDeliver } from './tickScheduler.ts';
import { runReminderTick } from './reminderTick.ts';

/** `remind`: one tick at `now` (or a dry run of it), printed in the shape other tools parse. */
export async function runRemind(ctx: ServiceContext, input: ApiParsedInput<'reminders:run'>): Promise<RemindRunOutput> {
  // Without --now the tick asks the archive's clock (the server's, in team mode).
  const at = input.now ? { now: new Date(input.now) } : {};
  const outcome = input.dryRun ? await runReminderTick(ctx, { ...at, dryRun: true }) : await tickAndDeliver(ctx, ctx.notifier, at);
  return {
    now: outcome.now,
    digest: outcome.fired.length >= 2,
    fired: outcome.fired.map((f) => ({
      kind: f.kind,
      ...(f.contractNo !== null ? { contractNo: f.contractNo } : {}),
      customer: f.customerName,
      ...(f.step !== null ? { step: f.step } : {}),
      dueAt: f.dueAt,
    })),
    superseded: outcome.superseded.map((s) => ({ contractNo: s.contractNo, step: s.step })),
  };
}

export async function previewReminders(ctx: ServiceContext, input: ApiParsedInput<'reminders:preview'>) {
  return previewContractLadder(ctx.db, await resolveContractRef(ctx.db, input));
}

async function upsertRule(ctx: ServiceContext, tx: Tx, scope: 'tier' | 'contract', scopeId: string, patch: { steps?: number[] | null; template?: string }) {
  const steps = patch.steps === undefined || patch.steps === null ? patch.steps : normalizeSteps(patch.steps);
  await upsertReminderRule(tx, scope, scopeId, { ...patch, steps }, auditMeta(ctx, 'update'));
}

/** Any change that moves due dates recomputes every pending step in the same transaction. */
export async function updateReminderSettings(ctx: ServiceContext, input: ApiParsedInput<'reminders:setSettings'>): Promise<ReminderSettings> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await readReminderSettings(tx);
    const meta = auditMeta(ctx, 'update');
    let schedulesChanged = false;
    if (input.timeOfDay !== undefined || input.shiftToWorkingDay !== undefined) {
      const schedule = { timeOfDay: input.timeOfDay ?? current.timeOfDay, shiftToWorkingDay: input.shiftToWorkingDay ?? current.shiftToWorkingDay };
      await saveSetting(tx, 'schedule', schedule, meta);
      schedulesChanged = true;
    }
    // Every tier named must be in the tier table (migration 0019).
    for (const tier of new Set([...Object.keys(input.ladders ?? {}), ...Object.keys(input.templates ?? {})])) {
      const steps = input.ladders?.[tier];
      const template = input.templates?.[tier];
      if (steps === undefined && template === undefined) continue;
      await assertTier(tx, tier, 'ladders');
      await upsertRule(ctx, tx, 'tier', tier, { ...(steps ? { steps } : {}), ...(template !== undefined ? { template } : {}) });
      if (steps) schedulesChanged = true;
    }
    if (input.startAtLogin !== undefined || input.keepInTray !== undefined) {
      const desktop = await readDesktopSettings(tx);
      await saveSetting(tx, 'desktop', { ...desktop, ...definedOnly({ startAtLogin: input.startAtLogin, keepInTray: input.keepInTray }) }, meta);
    }
    if (schedulesChanged) await recomputeAllReminders(ctx, tx);
  });
  return readReminderSettings(ctx.db);
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function importHolidays(ctx: ServiceContext, json: string | null) {
  let data: unknown = null;
  if (json !== null) {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      throw new AppError('VALIDATION', msg('errors.holidaysNotJson'), 'json');
    }
    const parsed = parseHolidayData(raw);
    if (!parsed.ok) throw new AppError('VALIDATION', parsed.message, 'json');
    data = parsed.data;
  }
  await withTransaction(ctx.db, async (tx) => {
    await saveSetting(tx, 'holidays', data, auditMeta(ctx, 'import'));
    await recomputeAllReminders(ctx, tx);
  });
  return { holidayOverrideCount: (await readReminderSettings(ctx.db)).holidayOverrideCount };
}

export async function setContractLadder(ctx: ServiceContext, input: ApiParsedInput<'reminders:setContractLadder'>) {
  await withTransaction(ctx.db, async (tx) => {
    await requireContract(tx, input.contractId, 'contractId');
    await upsertRule(ctx, tx, 'contract', input.contractId, { steps: input.steps });
    await recomputeRemindersForContract(ctx, tx, input.contractId);
  });
  return previewContractLadder(ctx.db, input.contractId);
}
