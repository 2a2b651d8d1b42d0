// Greeting settings (issue 14): how many days before a birthday or a holiday the greeting reminder comes, and
// which tiers are greeted on holidays. A change re-arms every pending reminder (recomputeAllReminders).
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { greetingSettingsOf } from '../../../shared/messages/customerMessages.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { recomputeAllReminders } from '../reminders/recomputeReminders.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';

export async function getGreetingSettings(ctx: ServiceContext): Promise<ApiOutput<'messages:getGreetingSettings'>> {
  return greetingSettingsOf(await readStoredSetting(ctx.db, 'greetings'));
}

export async function setGreetingSettings(ctx: ServiceContext, input: ApiParsedInput<'messages:setGreetingSettings'>): Promise<ApiOutput<'messages:setGreetingSettings'>> {
  return withTransaction(ctx.db, async (tx) => {
    const value = { daysAhead: input.daysAhead, holidayTiers: [...new Set(input.holidayTiers)] };
    await saveSetting(tx, 'greetings', value, auditMeta(ctx, 'update'));
    await recomputeAllReminders(ctx, tx);
    return value;
  });
}
