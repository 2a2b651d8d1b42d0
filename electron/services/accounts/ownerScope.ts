// Owner scoping, applied once in dispatch (handlerTable.ts) to every operation's parsed input, by the rule
// ownerScopePolicy.ts gives the operation: a 客户经理 whom the team scopes to their own customers reaches only
// rows hanging off those customers, gets lists and exports narrowed to their owner, and is refused whole-archive
// operations and the few whole-team views with no owner filter yet. Anyone else (管理员, 只读, scoping off, a SQLite archive) passes untouched.
import { batchWrittenBy, customersOwnedBy, rowsOwnedBy } from '../../../db/repositories/ownerScopeRepo.ts';
import type { ApiName } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { OWNER_SCOPE_POLICY, type RowRef } from './ownerScopePolicy.ts';
import { scopedOwnerId } from './teamSettings.ts';

/** The ids a field holds: one id, a list of them, or none when absent (or not ids: the schema parsed it). */
function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function otherOwners(): AppError {
  return new AppError('FORBIDDEN', msg('accounts.otherOwnersCustomer'), null);
}

async function checkRefs(ctx: ServiceContext, input: Record<string, unknown>, refs: readonly RowRef[], ownerId: string, mayNameNone: boolean): Promise<void> {
  let named = false;
  for (const r of refs) {
    const ids = idsIn(input[r.field]);
    if (ids.length === 0) {
      // Without its customer, a list would be everyone's: a scoped call must say whose rows it wants.
      if (r.required) throw otherOwners();
      continue;
    }
    named = true;
    if (!(await rowsOwnedBy(ctx.db, r.via, ids, ownerId))) throw otherOwners();
  }
  if (refs.length > 0 && !named && !mayNameNone) throw otherOwners();
}

/** `input` as the handler may run it for the caller; throws FORBIDDEN when the call reaches another owner's customers. */
export async function applyOwnerScope<T>(ctx: ServiceContext, name: ApiName, input: T): Promise<T> {
  const ownerId = await scopedOwnerId(ctx);
  if (ownerId === undefined) return input;
  const rule = OWNER_SCOPE_POLICY[name];
  const fields = input as Record<string, unknown>;
  switch (rule.kind) {
    case 'byCustomer': {
      await checkRefs(ctx, fields, rule.refs, ownerId, rule.namesNone !== undefined);
      const owned = { ...fields };
      for (const field of rule.ownOwner ?? []) {
        // A new customer is the caller's own; handing one to another owner is the 管理员's handover.
        if (owned[field] === undefined || owned[field] === null) owned[field] = ownerId;
        else if (owned[field] !== ownerId) throw otherOwners();
      }
      for (const field of rule.givenOwner ?? []) {
        if (owned[field] !== undefined && owned[field] !== null && owned[field] !== ownerId) throw otherOwners();
      }
      return owned as T;
    }
    case 'ownerFilter': {
      const narrowed: Record<string, unknown> = { ...fields, ownerId };
      for (const field of rule.clear ?? []) delete narrowed[field];
      return narrowed as T;
    }
    case 'ownUndo': {
      const token = fields[rule.field];
      if (typeof token === 'string' && !(await batchWrittenBy(ctx.db, token, ctx.actor))) throw otherOwners();
      return input;
    }
    case 'refusedWhenScoped':
      throw new AppError('FORBIDDEN', msg('accounts.scopedWholeTeam'), null);
    case 'outputFiltered':
    case 'teamWide':
    case 'adminOnly':
    case 'notData':
      return input;
  }
}

type Row = { customerId?: unknown; amountFen?: unknown };

/** The handler's answer as the caller may see it: a whole list without the rows of other owners' customers. */
export async function scopeOutput<T>(ctx: ServiceContext, name: ApiName, output: T): Promise<T> {
  const rule = OWNER_SCOPE_POLICY[name];
  if (rule.kind !== 'outputFiltered') return output;
  const ownerId = await scopedOwnerId(ctx);
  if (ownerId === undefined) return output;
  const out = { ...(output as Record<string, unknown>) };
  const listOf = (field: string): Row[] => (Array.isArray(out[field]) ? (out[field] as Row[]) : []);
  const ids = rule.lists.flatMap((field) => listOf(field).map((r) => r.customerId)).filter((id): id is string => typeof id === 'string');
  const owned = await customersOwnedBy(ctx.db, [...new Set(ids)], ownerId);
  for (const field of rule.lists) out[field] = listOf(field).filter((r) => typeof r.customerId === 'string' && owned.has(r.customerId));
  const first = listOf(rule.lists[0] ?? '');
  if (typeof out['total'] === 'number') out['total'] = first.length;
  if (rule.sumsAmount) out['amountFen'] = first.reduce((sum, r) => sum + (typeof r.amountFen === 'number' ? r.amountFen : 0), 0);
  return out as T;
}
