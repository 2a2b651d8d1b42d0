import type { ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { HygieneItem, HygieneKind, HygieneList } from '../../../shared/api/hygiene.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { msg, renderIn } from '../../../shared/i18n/message.ts';
import {
  contractsWithoutAmount,
  contractsWithoutEndDate,
  customersWithoutPhone,
  duplicateCustomerPairs,
  overdueWithoutDecision,
  type Capped,
  type HygieneContractRow,
} from '../../../db/repositories/hygieneQueries.ts';
import { archiveLocale } from '../archiveLocale.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** Each kind lists at most this many entries (its count is still exact). */
export const HYGIENE_PER_KIND = 200;

/** The 数据体检 lists, worded in the archive's language; `kind` narrows them to one list, `ownerId` to one owner's customers. */
export async function listHygiene(ctx: ServiceContext, input: ApiParsedInput<'hygiene:list'>): Promise<HygieneList> {
  const locale = await archiveLocale(ctx.db);
  const today = localDateOf(ctx.now());
  const limit = HYGIENE_PER_KIND;
  const wanted = (kind: HygieneKind) => input.kind === undefined || input.kind === kind;
  const items: HygieneItem[] = [];
  const counts: Record<HygieneKind, number> = {
    duplicateCustomer: 0,
    customerWithoutPhone: 0,
    contractWithoutEndDate: 0,
    contractWithoutAmount: 0,
    overdueWithoutDecision: 0,
  };

  if (wanted('duplicateCustomer')) {
    const pairs = await duplicateCustomerPairs(ctx.db, limit, input.ownerId);
    counts.duplicateCustomer = pairs.count;
    for (const p of pairs.rows) {
      const key = p.by === 'name' ? 'hygiene.message.duplicateByName' : 'hygiene.message.duplicateByPhone';
      items.push({
        kind: 'duplicateCustomer',
        customerId: p.customerId,
        customerName: p.customerName,
        otherCustomerId: p.otherCustomerId,
        otherCustomerName: p.otherCustomerName,
        message: renderIn(locale, msg(key, { name: p.customerName, other: p.otherCustomerName, shared: p.shared })),
      });
    }
  }
  if (wanted('customerWithoutPhone')) {
    const found = await customersWithoutPhone(ctx.db, limit, input.ownerId);
    counts.customerWithoutPhone = found.count;
    for (const c of found.rows) {
      items.push({ kind: 'customerWithoutPhone', ...c, message: renderIn(locale, msg('hygiene.message.customerWithoutPhone', { name: c.customerName })) });
    }
  }
  const contracts = (kind: 'contractWithoutEndDate' | 'contractWithoutAmount' | 'overdueWithoutDecision', found: Capped<HygieneContractRow>) => {
    counts[kind] = found.count;
    for (const k of found.rows) {
      const params = { number: k.contractNumber, name: k.customerName, endsOn: k.endsOn ?? '' };
      items.push({
        kind,
        customerId: k.customerId,
        customerName: k.customerName,
        contractId: k.contractId,
        contractNumber: k.contractNumber,
        message: renderIn(locale, msg(`hygiene.message.${kind}`, params)),
      });
    }
  };
  if (wanted('contractWithoutEndDate')) contracts('contractWithoutEndDate', await contractsWithoutEndDate(ctx.db, limit, input.ownerId));
  if (wanted('contractWithoutAmount')) contracts('contractWithoutAmount', await contractsWithoutAmount(ctx.db, limit, input.ownerId));
  if (wanted('overdueWithoutDecision')) contracts('overdueWithoutDecision', await overdueWithoutDecision(ctx.db, today, limit, input.ownerId));

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { items, total, counts, perKind: limit };
}
