// The 数据体检 lists: gaps and likely duplicates in the archive, each capped (the page and the CLI show the first
// rows of a kind and its full count). Live customers and contracts only; archived customers are still checked.
// `ownerId` (owner scoping): only that owner's customers and their contracts; without it the statements are unchanged.
import { sql } from 'kysely';
import { duplicateNameKey, duplicatePhoneKey } from '../../shared/hygiene/duplicateNameKey.ts';
import { q, type Executor } from '../handle.ts';
import { overdueUndecidedTerms } from './renewalsRepo.ts';

export interface HygieneCustomerRow {
  customerId: string;
  customerName: string;
}

export interface HygieneContractRow extends HygieneCustomerRow {
  contractId: string;
  contractNumber: string;
  endsOn: string | null;
}

export interface DuplicatePair {
  customerId: string;
  customerName: string;
  otherCustomerId: string;
  otherCustomerName: string;
  /** What the two share: the name once its suffixes are dropped, or a contact phone. */
  by: 'name' | 'phone';
  shared: string;
}

export interface Capped<T> {
  rows: T[];
  count: number;
}

/** Live customers none of whose live contacts has a phone. */
export async function customersWithoutPhone(x: Executor, limit: number, ownerId?: string): Promise<Capped<HygieneCustomerRow>> {
  const base = q(x)
    .selectFrom('customers as c')
    .where('c.deleted_at', 'is', null)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contacts as p')
            .select('p.id')
            .whereRef('p.customer_id', '=', 'c.id')
            .where('p.deleted_at', 'is', null)
            .where(sql<string>`trim(coalesce(p.phone, ''))`, '<>', ''),
        ),
      ),
    );
  const rows = await base.select(['c.id as customerId', 'c.name as customerName']).orderBy('c.name_sort_key').orderBy('c.id').limit(limit).execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, count: Number(n) };
}

function liveContracts(x: Executor, ownerId: string | undefined) {
  return q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''));
}

const contractColumns = ['k.id as contractId', 'k.number as contractNumber', 'k.ends_on as endsOn', 'c.id as customerId', 'c.name as customerName'] as const;

/**
 * Active terms with no end date (only a once-only contract can lack one): no reminder or renewal ever reaches
 * them, which the 续约 list flags too (renewalsRepo's noEndDate).
 */
export async function contractsWithoutEndDate(x: Executor, limit: number, ownerId?: string): Promise<Capped<HygieneContractRow>> {
  const base = liveContracts(x, ownerId).where('k.ends_on', 'is', null).where('k.status', '=', 'active');
  const rows = await base.select(contractColumns).orderBy('k.number').limit(limit).execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, count: Number(n) };
}

/** Live contracts with no amount. */
export async function contractsWithoutAmount(x: Executor, limit: number, ownerId?: string): Promise<Capped<HygieneContractRow>> {
  const base = liveContracts(x, ownerId).where('k.amount_fen', 'is', null);
  const rows = await base.select(contractColumns).orderBy('k.number').limit(limit).execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, count: Number(n) };
}

/** 已逾期 without a decision: the same terms the 续约 list flags (renewalsRepo's overdueUndecidedTerms). */
export async function overdueWithoutDecision(x: Executor, today: string, limit: number, ownerId?: string): Promise<Capped<HygieneContractRow>> {
  const base = () => overdueUndecidedTerms(x, today).$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''));
  const rows = await base().select(contractColumns).orderBy('k.ends_on').orderBy('k.number').limit(limit).execute();
  const { n } = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, count: Number(n) };
}

/**
 * Pairs of live customers that are likely one company: equal names once suffixes are dropped, or a contact phone
 * in common. A group of n customers gives n − 1 pairs, each with the group's first (oldest) customer, so merging
 * them all into it needs n − 1 merges. A pair found both ways is listed once, by name. With `ownerId`, pairs
 * within that owner's customers only: the only ones its scoped 客户经理 may merge.
 */
export async function duplicateCustomerPairs(x: Executor, limit: number, ownerId?: string): Promise<Capped<DuplicatePair>> {
  const customers = await q(x)
    .selectFrom('customers as c')
    .select(['c.id', 'c.name'])
    .where('c.deleted_at', 'is', null)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .orderBy('c.id')
    .execute();
  const nameOf = new Map(customers.map((c) => [c.id, c.name]));
  const pairs: DuplicatePair[] = [];
  const seen = new Set<string>();
  const addGroups = (groups: Map<string, string[]>, by: DuplicatePair['by']) => {
    for (const [shared, ids] of groups) {
      const [first, ...rest] = ids;
      if (first === undefined) continue;
      for (const other of rest) {
        const key = first < other ? `${first}|${other}` : `${other}|${first}`;
        if (other === first || seen.has(key)) continue;
        seen.add(key);
        pairs.push({ customerId: first, customerName: nameOf.get(first)!, otherCustomerId: other, otherCustomerName: nameOf.get(other)!, by, shared });
      }
    }
  };
  const byName = new Map<string, string[]>();
  for (const c of customers) {
    const key = duplicateNameKey(c.name);
    if (key === null) continue;
    const list = byName.get(key);
    if (list) list.push(c.id);
    else byName.set(key, [c.id]);
  }
  addGroups(new Map([...byName].filter(([, ids]) => ids.length > 1)), 'name');
  const phones = await q(x)
    .selectFrom('contacts as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['p.customer_id as customerId', 'p.phone'])
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('p.phone', 'is not', null)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .orderBy('p.customer_id')
    .execute();
  const byPhone = new Map<string, string[]>();
  for (const p of phones) {
    const key = duplicatePhoneKey(p.phone);
    if (key === null) continue;
    const list = byPhone.get(key);
    if (!list) byPhone.set(key, [p.customerId]);
    else if (!list.includes(p.customerId)) list.push(p.customerId);
  }
  addGroups(new Map([...byPhone].filter(([, ids]) => ids.length > 1)), 'phone');
  return { rows: pairs.slice(0, limit), count: pairs.length };
}
