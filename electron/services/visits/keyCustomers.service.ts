// The 重点客户 programme: who is a key customer (criteria in settings, manual decisions), the account manager and
// backup (dated rows, reassignment keeps the history), the service standards per tier, and undo. Every write is one
// audit batch whose id is the undo token (visits:undo).
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { KeyCustomer, ManagerAssignment, VisitStandardOutput } from '../../../shared/api/visits.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { isKeyCustomer, VISIT_PERIODS, type VisitPeriod } from '../../../shared/domain/visitPlan.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import type { Executor } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import {
  assignManager,
  clearOverride,
  getOverride,
  isKeyCustomerBatch,
  listKeyCandidates,
  listStandards,
  managerHistory,
  removeStandard,
  saveStandard,
  setOverride,
  type KeyCandidateRow,
  type ManagerRow,
} from '../../../db/repositories/keyCustomersRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import { assertTier } from '../tiers/tierTable.service.ts';

/** The criteria when never saved: the VIP tier. */
export const DEFAULT_KEY_TIERS: readonly string[] = ['vip'];

export async function keyTiersOf(x: Executor): Promise<string[]> {
  const stored = await readStoredSetting(x, 'keyTiers');
  return Array.isArray(stored) && stored.every((t) => typeof t === 'string') ? (stored as string[]) : [...DEFAULT_KEY_TIERS];
}

export function toKeyCustomer(r: KeyCandidateRow): KeyCustomer {
  return {
    customerId: r.customerId,
    customerName: r.customerName,
    tier: r.tier,
    manual: r.manual,
    managerId: r.managerId,
    managerName: r.managerName,
    backupId: r.backupId,
    backupName: r.backupName,
    managedSince: r.managedSince,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
  };
}

export const toAssignment = (r: ManagerRow): ManagerAssignment => ({
  id: r.id,
  managerId: r.managerId,
  managerName: r.managerName,
  backupId: r.backupId,
  backupName: r.backupName,
  fromOn: r.fromOn,
  untilOn: r.untilOn,
  assignedBy: r.assignedBy,
  assignedAt: r.assignedAt,
  note: r.note,
});

/** The key customers now (the criteria and the manual decisions). */
export async function currentKeyCustomers(x: Executor): Promise<KeyCandidateRow[]> {
  return listKeyCandidates(x, await keyTiersOf(x));
}

export async function listKeyCustomers(ctx: ServiceContext): Promise<ApiOutput<'visits:keyCustomers'>> {
  const keyTiers = await keyTiersOf(ctx.db);
  const all = await listKeyCandidates(ctx.db, keyTiers, true);
  const items = all.filter((r) => r.manual !== false).map(toKeyCustomer);
  return { keyTiers, items, total: items.length, removed: all.filter((r) => r.manual === false).map(toKeyCustomer) };
}

export async function setKeyCriteria(ctx: ServiceContext, input: ApiParsedInput<'visits:setCriteria'>): Promise<ApiOutput<'visits:setCriteria'>> {
  return withTransaction(ctx.db, async (tx) => {
    const tiers = [...new Set(input.tiers)];
    for (const t of tiers) await assertTier(tx, t, 'tiers');
    const batchId = newId();
    // The undo puts a row back to its before-image and cannot remove a settings row: the default is stored first,
    // outside the batch, so the batch is an update that its undo reverts to the default.
    if ((await readStoredSetting(tx, 'keyTiers')) === undefined) await saveSetting(tx, 'keyTiers', DEFAULT_KEY_TIERS, auditMeta(ctx, 'create', null));
    await saveSetting(tx, 'keyTiers', tiers, auditMeta(ctx, 'update', batchId));
    return { keyTiers: tiers, undoToken: batchId };
  });
}

export async function includeKeyCustomer(ctx: ServiceContext, input: ApiParsedInput<'visits:include'>): Promise<ApiOutput<'visits:include'>> {
  return withTransaction(ctx.db, async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, 'customerId');
    const batchId = newId();
    const meta = auditMeta(ctx, input.included === null ? 'followCriteria' : input.included ? 'addKey' : 'removeKey', batchId);
    const changed = input.included === null ? await clearOverride(tx, customer.id, meta) : (await setOverride(tx, customer.id, input.included, meta), true);
    if (!changed) throw new AppError('VALIDATION', msg('visitErrors.nothingToChange'), 'included');
    const override = await getOverride(tx, customer.id);
    const isKey = isKeyCustomer(customer.tier, await keyTiersOf(tx), override ? override.included : null);
    return { customerId: customer.id, isKey, undoToken: batchId };
  });
}

export async function assignKeyManager(ctx: ServiceContext, input: ApiParsedInput<'visits:assign'>): Promise<ApiOutput<'visits:assign'>> {
  return withTransaction(ctx.db, async (tx) => {
    const customer = await requireCustomer(tx, input.customerId, 'customerId');
    if (input.managerId === input.backupId) throw new AppError('VALIDATION', msg('visitErrors.backupIsManager'), 'backupId');
    await assertOwner(tx, input.managerId, 'managerId');
    await assertOwner(tx, input.backupId, 'backupId');
    const keys = await currentKeyCustomers(tx);
    if (!keys.some((k) => k.customerId === customer.id)) throw new AppError('VALIDATION', msg('visitErrors.notKey'), 'customerId');
    const batchId = newId();
    await assignManager(
      tx,
      { customerId: customer.id, managerId: input.managerId, backupId: input.backupId, on: localDateOf(ctx.now()), note: input.note || null },
      auditMeta(ctx, 'assign', batchId),
    );
    return { history: (await managerHistory(tx, customer.id)).map(toAssignment), undoToken: batchId };
  });
}

export async function keyManagerHistory(ctx: ServiceContext, input: ApiParsedInput<'visits:history'>): Promise<ApiOutput<'visits:history'>> {
  const items = (await managerHistory(ctx.db, input.customerId)).map(toAssignment);
  return { items, total: items.length };
}

const isPeriod = (p: string): p is VisitPeriod => (VISIT_PERIODS as readonly string[]).includes(p);

export async function standardsByTier(x: Executor): Promise<Map<string, VisitStandardOutput>> {
  const out = new Map<string, VisitStandardOutput>();
  for (const s of await listStandards(x)) if (isPeriod(s.period)) out.set(s.tierCode, { tierCode: s.tierCode, period: s.period, visits: s.visits });
  return out;
}

export async function listVisitStandards(ctx: ServiceContext): Promise<ApiOutput<'visits:standards'>> {
  const items = [...(await standardsByTier(ctx.db)).values()];
  return { items, total: items.length };
}

export async function setVisitStandard(ctx: ServiceContext, input: ApiParsedInput<'visits:setStandard'>): Promise<ApiOutput<'visits:setStandard'>> {
  return withTransaction(ctx.db, async (tx) => {
    await assertTier(tx, input.tierCode, 'tierCode');
    const batchId = newId();
    await saveStandard(tx, input, auditMeta(ctx, 'setStandard', batchId));
    return { standard: { tierCode: input.tierCode, period: input.period, visits: input.visits }, undoToken: batchId };
  });
}

export async function removeVisitStandard(ctx: ServiceContext, input: ApiParsedInput<'visits:removeStandard'>): Promise<ApiOutput<'visits:removeStandard'>> {
  return withTransaction(ctx.db, async (tx) => {
    const batchId = newId();
    if (!(await removeStandard(tx, input.tierCode, auditMeta(ctx, 'removeStandard', batchId)))) {
      throw new AppError('NOT_FOUND', msg('visitErrors.noStandard'), 'tierCode');
    }
    return { tierCode: input.tierCode, undoToken: batchId };
  });
}

export async function undoVisitsChange(ctx: ServiceContext, input: ApiParsedInput<'visits:undo'>): Promise<ApiOutput<'visits:undo'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isKeyCustomerBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('visitErrors.notAVisitsChange'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    return { undone: undone.entries };
  });
}
