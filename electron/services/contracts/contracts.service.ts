import type { Contract } from '../../../shared/api/contracts.contract.ts';
import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { contractDateViolation } from '../../../shared/domain/contractRules.ts';
import type { Cycle } from '../../../shared/domain/enums.ts';
import type { Tx } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { findLiveContractIdByNumber, insertContract, listContracts, patchContract, softDeleteContract } from '../../../db/repositories/contractsRepo.ts';
import { auditMeta } from '../auditMeta.ts';
import { withDisplayStatus } from '../renewals/contractDisplay.ts';
import { requireContract } from '../references/contractRefs.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { assertOwner } from '../references/ownerRefs.ts';
import { recomputeRemindersForContract } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';

async function assertNumberFree(tx: Tx, number: string, exceptId?: string): Promise<void> {
  const existing = await findLiveContractIdByNumber(tx, number);
  if (existing && existing !== exceptId) throw new AppError('DUPLICATE', msg('errors.contractNumberTaken', { number }), 'number');
}

function assertDates(c: { signedOn: string | null; startsOn: string | null; endsOn: string | null; cycle: Cycle | null }): void {
  const violation = contractDateViolation(c);
  if (violation) throw new AppError('VALIDATION', msg(violation.key), violation.field);
}

export async function listContractPage(ctx: ServiceContext, input: ApiParsedInput<'contracts:list'>) {
  const page = await listContracts(ctx.db, input);
  return { items: await withDisplayStatus(ctx, ctx.db, page.items), total: page.total };
}

/** Creates a contract inside a running transaction (a renewal creates the next term within its own). */
export async function createContractIn(ctx: ServiceContext, tx: Tx, input: ApiParsedInput<'contracts:create'>): Promise<Contract> {
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
  const id = await insertContract(
    tx,
    {
      customerId: input.customerId,
      number: input.number,
      ...dates,
      amountFen: input.amountFen ?? null,
      currency: input.currency,
      service: input.service ?? null,
      status: input.status,
      ownerId: input.ownerId ?? null,
      renewalOf: input.renewalOf ?? null,
      notes: input.notes ?? null,
    },
    auditMeta(ctx, 'create'),
  );
  await recomputeRemindersForContract(ctx, tx, id);
  return requireContract(tx, id);
}

export async function createContract(ctx: ServiceContext, input: ApiParsedInput<'contracts:create'>): Promise<Contract> {
  return withTransaction(ctx.db, (tx) => createContractIn(ctx, tx, input));
}

/** Updates a contract inside a running transaction, validating the dates it ends up with. */
export async function updateContractIn(ctx: ServiceContext, tx: Tx, input: ApiParsedInput<'contracts:update'>): Promise<Contract> {
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
    if (input.renewalOf === input.id) throw new AppError('VALIDATION', msg('errors.contractRenewsItself'), 'renewalOf');
    await requireContract(tx, input.renewalOf, 'renewalOf');
  }
  const { id, version, ...fields } = input;
  await patchContract(tx, id, { ...fields, ...next }, auditMeta(ctx, 'update'), version);
  await recomputeRemindersForContract(ctx, tx, id);
  return requireContract(tx, id);
}

export async function updateContract(ctx: ServiceContext, input: ApiParsedInput<'contracts:update'>): Promise<Contract> {
  return withTransaction(ctx.db, (tx) => updateContractIn(ctx, tx, input));
}

export async function deleteContract(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    await requireContract(tx, id);
    await softDeleteContract(tx, id, auditMeta(ctx, 'delete'));
    await recomputeRemindersForContract(ctx, tx, id);
  });
  return { id };
}
