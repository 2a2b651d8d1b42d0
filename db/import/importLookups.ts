// Reads the import needs per chunk (either engine, through the session's BulkSql runner): live customers by name (with their primary contact), owners by name,
// contracts by number or by (customer, end date), and existing follow-ups. Each is one IN-list query per
// slice, so a chunk costs a handful of statements whatever its size.
import type { ContractStatus, Cycle, RenewalStage, Tier } from '../../shared/domain/enums.ts';
import { inSlicesAsync, type BulkSql } from '../bulk/bulkSql.ts';
import type { ContractSnapshot, CustomerSnapshot, RenewalSnapshot } from './chunkPlan.ts';

const SLICE = 500;

interface CustomerLookupRow {
  id: string;
  name: string;
  tier: Tier;
  owner_id: string | null;
  owner_name: string | null;
  custom_fields: string;
  notes: string | null;
  contact_id: string | null;
  contact_name: string;
  contact_title: string | null;
  contact_phone: string | null;
}

interface ContractLookupRow {
  id: string;
  customer_id: string;
  number: string;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  amount_fen: number | null;
  service: string | null;
  cycle: Cycle | null;
  remind_on: string | null;
  status: ContractStatus;
  notes: string | null;
  customer_name: string;
  /** 1/0 on SQLite, a boolean on PostgreSQL (where EXISTS … OR EXISTS … is one). */
  has_successor: number | boolean;
}

const CUSTOMER_LOOKUP = `SELECT c.id, c.name, c.tier, c.owner_id, o.name AS owner_name, c.custom_fields, c.notes,
                p.id AS contact_id, p.name AS contact_name, p.title AS contact_title, p.phone AS contact_phone`;
const CUSTOMER_LOOKUP_JOINS = `LEFT JOIN owners o ON o.id = c.owner_id
           LEFT JOIN contacts p ON p.customer_id = c.id AND p.is_primary = 1 AND p.deleted_at IS NULL`;

/**
 * Live customers by exact name; a name no live customer has but a live alias does (a merged duplicate's name)
 * finds the survivor, marked with `aliasOf`, so re-importing the old sheet updates it instead of bringing the
 * duplicate back.
 */
export async function customersByName(bulk: BulkSql, names: readonly string[]): Promise<Map<string, CustomerSnapshot>> {
  const out = new Map<string, CustomerSnapshot>();
  await inSlicesAsync(names, SLICE, async (slice) => {
    const rows = (await bulk.inList(`${CUSTOMER_LOOKUP}
           FROM customers c
           ${CUSTOMER_LOOKUP_JOINS}
          WHERE c.deleted_at IS NULL AND c.name IN ({list})`, slice)) as CustomerLookupRow[];
    const found = new Set(rows.map((r) => r.name));
    const unmatched = slice.filter((n) => !found.has(n));
    const aliased =
      unmatched.length === 0
        ? []
        : ((await bulk.inList(`${CUSTOMER_LOOKUP}, a.name AS alias
                 FROM customer_aliases a
                 JOIN customers c ON c.id = a.customer_id AND c.deleted_at IS NULL
                 ${CUSTOMER_LOOKUP_JOINS}
                WHERE a.deleted_at IS NULL AND a.name IN ({list})`, unmatched)) as (CustomerLookupRow & { alias: string })[]);
    const lookedUp: (CustomerLookupRow & { alias?: string })[] = [...rows, ...aliased];
    for (const r of lookedUp) {
      const alias = r.alias;
      out.set(alias ?? r.name, {
        ...(alias === undefined ? {} : { aliasOf: r.name }),
        id: r.id,
        name: r.name,
        tier: r.tier,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        customFields: JSON.parse(r.custom_fields) as Record<string, string>,
        notes: r.notes,
        primaryContact: r.contact_id === null ? null : { id: r.contact_id, name: r.contact_name, title: r.contact_title, phone: r.contact_phone },
      });
    }
  });
  return out;
}

export async function ownersByName(bulk: BulkSql, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await inSlicesAsync(names, SLICE, async (slice) => {
    const rows = (await bulk.inList('SELECT id, name FROM owners WHERE deleted_at IS NULL AND name IN ({list})', slice)) as {
      id: string;
      name: string;
    }[];
    for (const r of rows) out.set(r.name, r.id);
  });
  return out;
}

const CONTRACT_COLUMNS = `k.id, k.customer_id, k.number, k.signed_on, k.starts_on, k.ends_on, k.amount_fen, k.service, k.cycle,
  k.remind_on, k.status, k.notes,
  EXISTS (SELECT 1 FROM contracts s WHERE s.renewal_of = k.id AND s.deleted_at IS NULL)
    OR EXISTS (SELECT 1 FROM renewals r WHERE r.contract_id = k.id AND r.deleted_at IS NULL AND r.new_contract_id IS NOT NULL) AS has_successor,
  (SELECT name FROM customers WHERE id = k.customer_id) AS customer_name`;

function toContract(r: ContractLookupRow): ContractSnapshot {
  return {
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    amountFen: r.amount_fen,
    service: r.service,
    cycle: r.cycle,
    remindOn: r.remind_on,
    status: r.status,
    notes: r.notes,
    customerName: r.customer_name,
    hasSuccessor: Number(r.has_successor) === 1,
  };
}

export async function contractsByNumber(bulk: BulkSql, numbers: readonly string[]): Promise<Map<string, ContractSnapshot>> {
  const out = new Map<string, ContractSnapshot>();
  await inSlicesAsync(numbers, SLICE, async (slice) => {
    const rows = (await bulk.inList(`SELECT ${CONTRACT_COLUMNS} FROM contracts k WHERE k.deleted_at IS NULL AND k.number IN ({list})`, slice)) as ContractLookupRow[];
    for (const r of rows) out.set(r.number, toContract(r));
  });
  return out;
}

export const customerEndKey = (customerId: string, endsOn: string) => `${customerId}\u0000${endsOn}`;

/** Live contracts of these customers ending on the given dates, keyed by customerEndKey, in number order. */
export async function contractsByCustomerEnd(
  bulk: BulkSql,
  pairs: readonly { customerId: string; endsOn: string }[],
): Promise<Map<string, ContractSnapshot[]>> {
  const wanted = new Set(pairs.map((p) => customerEndKey(p.customerId, p.endsOn)));
  const out = new Map<string, ContractSnapshot[]>();
  await inSlicesAsync([...new Set(pairs.map((p) => p.customerId))], SLICE, async (slice) => {
    const rows = (await bulk.inList(`SELECT ${CONTRACT_COLUMNS} FROM contracts k
          WHERE k.deleted_at IS NULL AND k.customer_id IN ({list}) AND k.ends_on IS NOT NULL ORDER BY k.number`, slice)) as ContractLookupRow[];
    for (const r of rows) {
      if (r.ends_on === null) continue;
      const key = customerEndKey(r.customer_id, r.ends_on);
      if (!wanted.has(key)) continue;
      const list = out.get(key);
      if (list) list.push(toContract(r));
      else out.set(key, [toContract(r)]);
    }
  });
  return out;
}

export const followUpKey = (customerId: string, atIso: string, summary: string) => `${customerId}\u0000${atIso.slice(0, 19)}\u0000${summary}`;

/** Live follow-ups of these customers, keyed by followUpKey (the instant to the second). */
export async function followUpsOfCustomers(bulk: BulkSql, customerIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await inSlicesAsync(customerIds, SLICE, async (slice) => {
    const rows = (await bulk.inList('SELECT id, customer_id, at, summary FROM follow_ups WHERE deleted_at IS NULL AND customer_id IN ({list})', slice)) as { id: string; customer_id: string; at: string; summary: string }[];
    for (const r of rows) out.set(followUpKey(r.customer_id, r.at, r.summary), r.id);
  });
  return out;
}

/** The live renewal record of each of these contracts, keyed by contract id. */
export async function renewalsOfContracts(bulk: BulkSql, contractIds: readonly string[]): Promise<Map<string, RenewalSnapshot>> {
  const out = new Map<string, RenewalSnapshot>();
  await inSlicesAsync(contractIds, SLICE, async (slice) => {
    const rows = (await bulk.inList(`SELECT id, contract_id, stage, outcome_on, outcome_amount_fen, lost_reason, lost_note
           FROM renewals WHERE deleted_at IS NULL AND contract_id IN ({list})`, slice)) as {
      id: string;
      contract_id: string;
      stage: RenewalStage;
      outcome_on: string | null;
      outcome_amount_fen: number | null;
      lost_reason: string | null;
      lost_note: string | null;
    }[];
    for (const r of rows) {
      out.set(r.contract_id, {
        id: r.id,
        contractId: r.contract_id,
        stage: r.stage,
        outcomeOn: r.outcome_on,
        outcomeAmountFen: r.outcome_amount_fen,
        lostReason: r.lost_reason,
        lostNote: r.lost_note,
      });
    }
  });
  return out;
}
