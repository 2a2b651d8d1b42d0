// The team's settings (accounts:setTeamSettings, 管理员 only): today one switch, owner scoping for 客户经理.
import type { Executor } from '../../../db/handle.ts';
import { countUnlinkedManagers } from '../../../db/repositories/accountsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { teamSettingsSchema, type TeamSettings } from '../../../shared/api/accounts.contract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { auditMeta } from '../auditMeta.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';

const DEFAULT_TEAM_SETTINGS: TeamSettings = { scopeManagersToOwnCustomers: false };

export async function readTeamSettings(x: Executor): Promise<TeamSettings> {
  const parsed = teamSettingsSchema.safeParse(await readStoredSetting(x, 'teamSettings'));
  return parsed.success ? parsed.data : DEFAULT_TEAM_SETTINGS;
}

export async function setTeamSettings(ctx: ServiceContext, input: TeamSettings): Promise<TeamSettings> {
  if (!ctx.teamMode) throw new AppError('VALIDATION', msg('accounts.teamModeOnly'), null);
  return withTransaction(ctx.db, async (tx) => {
    // A 客户经理 with no owner would see no customer at all once scoping is on: link them first.
    if (input.scopeManagersToOwnCustomers && (await countUnlinkedManagers(tx)) > 0) {
      throw new AppError('VALIDATION', msg('accounts.unlinkedManagers', { count: await countUnlinkedManagers(tx) }), 'scopeManagersToOwnCustomers');
    }
    await saveSetting(tx, 'teamSettings', input, auditMeta(ctx, 'update'));
    return input;
  });
}

/**
 * The owner whose customers a call may see, when the team scopes 客户经理 to their own customers and the caller is
 * one; undefined when the call is not scoped (admins, 只读, scoping off, SQLite). The owner-scope
 * gate in dispatch applies it to every operation (ownerScope.ts).
 */
export async function scopedOwnerId(ctx: ServiceContext): Promise<string | undefined> {
  const account = ctx.account;
  if (!ctx.teamMode || account?.role !== 'manager') return undefined;
  if (!(await readTeamSettings(ctx.db)).scopeManagersToOwnCustomers) return undefined;
  // Refused where accounts are made and where scoping is switched on; an owner removed since still scopes to nothing.
  if (account.ownerId === null) throw new AppError('FORBIDDEN', msg('accounts.managerNeedsOwner'), null);
  return account.ownerId;
}
