import type { ExpressionBuilder } from 'kysely';
import { q, type Executor, type Tx } from '../handle.ts';
import type { Database } from '../schema.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

// Messages to the customer (issue 14): the wording per tier and kind (message_templates), a renewal's offer
// (renewal_offers), and the facts a message is filled from.

export interface StoredMessageTemplate {
  id: string;
  tier: string;
  kind: string;
  body: string;
  version: number;
}

export async function listMessageTemplates(x: Executor): Promise<StoredMessageTemplate[]> {
  return q(x)
    .selectFrom('message_templates')
    .select(['id', 'tier_code as tier', 'kind', 'body', 'version'])
    .where('deleted_at', 'is', null)
    .orderBy('tier_code')
    .orderBy('kind')
    .execute();
}

export async function findMessageTemplate(x: Executor, tier: string, kind: string): Promise<StoredMessageTemplate | undefined> {
  return q(x)
    .selectFrom('message_templates')
    .select(['id', 'tier_code as tier', 'kind', 'body', 'version'])
    .where('tier_code', '=', tier)
    .where('kind', '=', kind)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Saves a tier's wording of a kind (`body: null` removes it: the built-in wording again). Audited, so undone. */
export async function saveMessageTemplate(tx: Tx, tier: string, kind: string, body: string | null, meta: AuditMeta): Promise<void> {
  const existing = await findMessageTemplate(tx, tier, kind);
  if (existing && body === null) await updateAudited(tx, 'message_templates', existing.id, { deleted_at: meta.at }, meta);
  else if (existing && body !== null) await updateAudited(tx, 'message_templates', existing.id, { body }, meta);
  else if (body !== null) await insertAudited(tx, 'message_templates', { id: newId(), tier_code: tier, kind, body, deleted_at: null }, meta);
}

export interface StoredOffer {
  id: string;
  contractId: string;
  discount: string | null;
  gift: string | null;
  note: string | null;
  version: number;
}

export async function findOffer(x: Executor, contractId: string): Promise<StoredOffer | undefined> {
  return q(x)
    .selectFrom('renewal_offers')
    .select(['id', 'contract_id as contractId', 'discount', 'gift', 'note', 'version'])
    .where('contract_id', '=', contractId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface OfferValues {
  discount: string | null;
  gift: string | null;
  note: string | null;
}

export async function saveOffer(tx: Tx, contractId: string, customerId: string, values: OfferValues, meta: AuditMeta, expectedVersion?: number): Promise<void> {
  const existing = await findOffer(tx, contractId);
  if (existing) await updateAudited(tx, 'renewal_offers', existing.id, values, meta, expectedVersion);
  else await insertAudited(tx, 'renewal_offers', { id: newId(), contract_id: contractId, customer_id: customerId, ...values, deleted_at: null }, meta);
}

export interface CustomerMessageFacts {
  customerId: string;
  customerName: string;
  tier: string;
  ownerName: string | null;
  /** The primary contact, else the first one entered. */
  contactName: string | null;
}

/** The customer's primary contact's name (else its earliest contact's), as a subquery on the customer aliased c. */
export function primaryContactNameOf(eb: ExpressionBuilder<Database & { c: Database['customers'] }, 'c'>) {
  return eb
    .selectFrom('contacts as p')
    .select('p.name')
    .whereRef('p.customer_id', '=', 'c.id')
    .where('p.deleted_at', 'is', null)
    .orderBy('p.is_primary', 'desc')
    .orderBy('p.created_at')
    .limit(1)
    .as('contactName');
}

/** The facts a message to the customer reads (CustomerMessageFacts), as a query on customers aliased c to narrow. */
export function customerMessageFactsQuery(x: Executor) {
  return q(x)
    .selectFrom('customers as c')
    .leftJoin('owners as o', 'o.id', 'c.owner_id')
    .select((eb) => ['c.id as customerId', 'c.name as customerName', 'c.tier', 'o.name as ownerName', primaryContactNameOf(eb)]);
}

export async function customerMessageFacts(x: Executor, customerId: string): Promise<CustomerMessageFacts | undefined> {
  return customerMessageFactsQuery(x).where('c.id', '=', customerId).where('c.deleted_at', 'is', null).executeTakeFirst();
}

export interface ContractMessageFacts {
  contractId: string;
  customerId: string;
  contractNo: string;
  endsOn: string | null;
  amountFen: number | null;
  currency: string;
  /** The contract's owner, else null (the customer's is used then). */
  ownerName: string | null;
}

export async function contractMessageFacts(x: Executor, contractId: string): Promise<ContractMessageFacts | undefined> {
  return q(x)
    .selectFrom('contracts as k')
    .leftJoin('owners as o', 'o.id', 'k.owner_id')
    .select(['k.id as contractId', 'k.customer_id as customerId', 'k.number as contractNo', 'k.ends_on as endsOn', 'k.amount_fen as amountFen', 'k.currency', 'o.name as ownerName'])
    .where('k.id', '=', contractId)
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The contract a message is about when none is named: the live active term ending next, else the latest ending. */
export async function nearestContractId(x: Executor, customerId: string, today: string): Promise<string | null> {
  const base = () => q(x).selectFrom('contracts').select('id').where('customer_id', '=', customerId).where('deleted_at', 'is', null);
  const next = await base().where('status', '=', 'active').where('ends_on', '>=', today).orderBy('ends_on').orderBy('id').limit(1).executeTakeFirst();
  if (next) return next.id;
  const latest = await base().orderBy('ends_on', 'desc').orderBy('id').limit(1).executeTakeFirst();
  return latest?.id ?? null;
}

export async function contactMessageFacts(x: Executor, contactId: string): Promise<{ contactId: string; customerId: string; name: string; birthday: string | null } | undefined> {
  return q(x)
    .selectFrom('contacts')
    .select(['id as contactId', 'customer_id as customerId', 'name', 'birthday'])
    .where('id', '=', contactId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
