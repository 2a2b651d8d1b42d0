import type { Contract } from '../../../shared/api/contracts.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { contractDateViolation } from '../../../shared/domain/contractRules.ts';
import type { Cycle } from '../../../shared/domain/enums.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { insertAudited, updateAudited } from '../../../db/repositories/auditedWrites.ts';
import { findLiveContractIdByNumber, getContract, listContracts } from '../../../db/repositories/contractsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { assertOwner, requireCustomer } from '../customers/customerRefs.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { refreshNextExpiry } from './nextExpiry.ts';
import { recomputeRemindersForContract } from '../reminders/recomputeReminders.ts';

export async function requireContract(x: Executor, id: string, field = 'id'): Promise<Contract> {
  const contract = await getContract(x, id);
  if (!contract) throw new AppError('NOT_FOUND', '合同不存在或已被删除', field);
  return contract;
}

async function assertNumberFree(tx: Tx, number: string, exceptId?: string): Promise<void> {
  const existing = await findLiveContractIdByNumber(tx, number);
  if (existing && existing !== exceptId) throw new AppError('DUPLICATE', `合同编号「${number}」已存在`, 'number');
}

function assertDates(c: { signedOn: string | null; startsOn: string | null; endsOn: string | null; cycle: Cycle | null }): void {
  const violation = contractDateViolation(c);
  if (violation) throw new AppError('VALIDATION', violation.message, violation.field);
}

export async function listContractPage(ctx: ServiceContext, input: ApiParsedInput<'contracts:list'>) {
  return listContracts(ctx.db, input);
}

export async function createContract(ctx: ServiceContext, input: ApiParsedInput<'contracts:create'>): Promise<Contract> {
  const contract = await withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, input.customerId, 'customerId');
    const dates = {
      signedOn: input.signedOn ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      cycle: input.cycle,
    };
    assertDates(dates);
    await assertNumberFree(tx, input.number);
    await assertOwner(tx, input.ownerId);
    if (input.renewalOf) await requireContract(tx, input.renewalOf, 'renewalOf');
    const row = await insertAudited(
      tx,
      'contracts',
      {
        id: newId(),
        customer_id: input.customerId,
        number: input.number,
        signed_on: dates.signedOn,
        starts_on: dates.startsOn,
        ends_on: dates.endsOn,
        amount_fen: input.amountFen ?? null,
        currency: input.currency,
        cycle: input.cycle,
        service: input.service ?? null,
        status: input.status,
        owner_id: input.ownerId ?? null,
        renewal_of: input.renewalOf ?? null,
        notes: input.notes ?? null,
        deleted_at: null,
      },
      auditMeta(ctx, 'create'),
    );
    await refreshNextExpiry(tx, input.customerId);
    await recomputeRemindersForContract(ctx, tx, row.id);
    return requireContract(tx, row.id);
  });
  ctx.emit('data:changed', { domains: ['contracts', 'customers'] });
  return contract;
}

export async function updateContract(ctx: ServiceContext, input: ApiParsedInput<'contracts:update'>): Promise<Contract> {
  const contract = await withTransaction(ctx.db, async (tx) => {
    const current = await requireContract(tx, input.id);
    const next = {
      signedOn: input.signedOn === undefined ? current.signedOn : input.signedOn,
      startsOn: input.startsOn === undefined ? current.startsOn : input.startsOn,
      endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
      // null clears the 续费周期 (unknown); only an absent field keeps it.
      cycle: input.cycle === undefined ? current.cycle : input.cycle,
    };
    assertDates(next);
    if (input.number !== undefined) await assertNumberFree(tx, input.number, input.id);
    if (input.ownerId !== undefined) await assertOwner(tx, input.ownerId);
    if (input.renewalOf) {
      if (input.renewalOf === input.id) throw new AppError('VALIDATION', '合同不能续约自身', 'renewalOf');
      await requireContract(tx, input.renewalOf, 'renewalOf');
    }
    const patch: Record<string, unknown> = {
      signed_on: next.signedOn,
      starts_on: next.startsOn,
      ends_on: next.endsOn,
      cycle: next.cycle,
    };
    if (input.number !== undefined) patch['number'] = input.number;
    if (input.amountFen !== undefined) patch['amount_fen'] = input.amountFen;
    if (input.currency !== undefined) patch['currency'] = input.currency;
    if (input.service !== undefined) patch['service'] = input.service;
    if (input.status !== undefined) patch['status'] = input.status;
    if (input.ownerId !== undefined) patch['owner_id'] = input.ownerId;
    if (input.renewalOf !== undefined) patch['renewal_of'] = input.renewalOf;
    if (input.notes !== undefined) patch['notes'] = input.notes;
    await updateAudited(tx, 'contracts', input.id, patch, auditMeta(ctx, 'update'), input.version);
    await refreshNextExpiry(tx, current.customerId);
    await recomputeRemindersForContract(ctx, tx, input.id);
    return requireContract(tx, input.id);
  });
  ctx.emit('data:changed', { domains: ['contracts', 'customers'] });
  return contract;
}

export async function deleteContract(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await requireContract(tx, id);
    const meta = auditMeta(ctx, 'delete');
    await updateAudited(tx, 'contracts', id, { deleted_at: meta.at }, meta);
    await refreshNextExpiry(tx, current.customerId);
    await recomputeRemindersForContract(ctx, tx, id);
  });
  ctx.emit('data:changed', { domains: ['contracts', 'customers'] });
  return { id };
}
