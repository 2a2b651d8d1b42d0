// The key-customer programme (migration 0032): manual decisions on who is a key customer, the dated manager/backup
// rows, the service standards per tier, the 回访 follow-ups the visit plan matches, and the annual review's facts.
import { sql } from 'kysely';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

export interface KeyCandidateRow {
  customerId: string;
  customerName: string;
  tier: string;
  /** The customer's own owner (负责人), the manager until one is assigned. */
  ownerId: string | null;
  ownerName: string | null;
  /** The manual decision: true added, false removed, null none (the criteria decide). */
  manual: boolean | null;
  managerId: string | null;
  managerName: string | null;
  backupId: string | null;
  backupName: string | null;
  managedSince: string | null;
  /** When the customer was created, and when it was added by hand (a live manual 'added'), ISO instants. */
  customerCreatedAt: string;
  addedAt: string | null;
}

/**
 * The live, unarchived customers that are key customers: a manual 'added', or a tier among `keyTiers` without a
 * manual 'removed'; with the customers a manual decision names whichever way it went when `withRemoved`.
 */
export async function listKeyCandidates(x: Executor, keyTiers: readonly string[], withRemoved = false): Promise<KeyCandidateRow[]> {
  const tiers = keyTiers.length === 0 ? sql`NULL` : sql.join(keyTiers.map((t) => sql`${t}`));
  const result = await sql<{
    customer_id: string; customer_name: string; tier: string; owner_id: string | null; owner_name: string | null; included: number | null;
    manager_id: string | null; manager_name: string | null; backup_id: string | null; backup_name: string | null; from_on: string | null;
    created_at: string; added_at: string | null;
  }>`SELECT c.id AS customer_id, c.name AS customer_name, c.tier, c.owner_id, ow.name AS owner_name, o.included,
        c.created_at, CASE WHEN o.included = 1 THEN o.created_at END AS added_at,
        m.manager_id, mo.name AS manager_name, m.backup_id, bo.name AS backup_name, m.from_on
      FROM customers c
      LEFT JOIN key_customer_overrides o ON o.customer_id = c.id AND o.deleted_at IS NULL
      LEFT JOIN key_customer_managers m ON m.customer_id = c.id AND m.deleted_at IS NULL AND m.until_on IS NULL
      LEFT JOIN owners ow ON ow.id = c.owner_id
      LEFT JOIN owners mo ON mo.id = m.manager_id
      LEFT JOIN owners bo ON bo.id = m.backup_id
      WHERE c.deleted_at IS NULL AND c.archived_at IS NULL
        AND (o.included = 1 OR (o.included IS NULL AND c.tier IN (${tiers})) OR (${withRemoved ? 1 : 0} = 1 AND o.included = 0))
      ORDER BY c.name_sort_key, c.id`.execute(q(x));
  return result.rows.map((r) => ({
    customerId: r.customer_id,
    customerName: r.customer_name,
    tier: r.tier,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    manual: r.included === null ? null : r.included === 1,
    managerId: r.manager_id,
    managerName: r.manager_name,
    backupId: r.backup_id,
    backupName: r.backup_name,
    managedSince: r.from_on,
    customerCreatedAt: r.created_at,
    addedAt: r.added_at,
  }));
}

export interface StoredOverride {
  id: string;
  customerId: string;
  included: boolean;
  version: number;
}

export async function getOverride(x: Executor, customerId: string): Promise<StoredOverride | undefined> {
  const r = await q(x).selectFrom('key_customer_overrides').selectAll().where('customer_id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst();
  return r ? { id: r.id, customerId: r.customer_id, included: r.included === 1, version: r.version } : undefined;
}

export async function setOverride(tx: Tx, customerId: string, included: boolean, meta: AuditMeta): Promise<void> {
  const existing = await getOverride(tx, customerId);
  if (!existing) {
    await insertAudited(tx, 'key_customer_overrides', { id: newId(), customer_id: customerId, included: included ? 1 : 0, note: null, deleted_at: null }, meta);
  } else if (existing.included !== included) {
    await updateAudited(tx, 'key_customer_overrides', existing.id, { included: included ? 1 : 0 }, meta);
  }
}

/** Back to the criteria: the manual decision is removed (soft-deleted, so undo restores it). */
export async function clearOverride(tx: Tx, customerId: string, meta: AuditMeta): Promise<boolean> {
  const existing = await getOverride(tx, customerId);
  if (!existing) return false;
  await updateAudited(tx, 'key_customer_overrides', existing.id, { deleted_at: meta.at }, meta);
  return true;
}

export interface ManagerRow {
  id: string;
  customerId: string;
  managerId: string;
  managerName: string;
  backupId: string;
  backupName: string;
  fromOn: string;
  untilOn: string | null;
  assignedBy: string;
  assignedAt: string;
  note: string | null;
}

const managerSelect = (x: Executor) =>
  q(x)
    .selectFrom('key_customer_managers as m')
    .innerJoin('owners as mo', 'mo.id', 'm.manager_id')
    .innerJoin('owners as bo', 'bo.id', 'm.backup_id')
    .select([
      'm.id', 'm.customer_id', 'm.manager_id', 'mo.name as manager_name', 'm.backup_id', 'bo.name as backup_name',
      'm.from_on', 'm.until_on', 'm.assigned_by', 'm.created_at', 'm.note',
    ])
    .where('m.deleted_at', 'is', null);

type ManagerSelected = Awaited<ReturnType<ReturnType<typeof managerSelect>['execute']>>[number];
const toManager = (r: ManagerSelected): ManagerRow => ({
  id: r.id,
  customerId: r.customer_id,
  managerId: r.manager_id,
  managerName: r.manager_name,
  backupId: r.backup_id,
  backupName: r.backup_name,
  fromOn: r.from_on,
  untilOn: r.until_on,
  assignedBy: r.assigned_by,
  assignedAt: r.created_at,
  note: r.note,
});

/** Every manager/backup row of a customer, the current first, then newest first. */
export async function managerHistory(x: Executor, customerId: string): Promise<ManagerRow[]> {
  const rows = await managerSelect(x)
    .where('m.customer_id', '=', customerId)
    .orderBy(sql`m.until_on IS NULL`, 'desc')
    .orderBy('m.from_on', 'desc')
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return rows.map(toManager);
}

export async function currentManager(x: Executor, customerId: string): Promise<ManagerRow | undefined> {
  const r = await managerSelect(x).where('m.customer_id', '=', customerId).where('m.until_on', 'is', null).executeTakeFirst();
  return r ? toManager(r) : undefined;
}

/** Closes the current row (until `on`) and opens the next: the history keeps both. */
export async function assignManager(
  tx: Tx,
  a: { customerId: string; managerId: string; backupId: string; on: string; note: string | null },
  meta: AuditMeta,
): Promise<string> {
  const current = await currentManager(tx, a.customerId);
  if (current) {
    // A second reassignment on the day the current row began replaces nothing: that row is closed on its first day.
    await updateAudited(tx, 'key_customer_managers', current.id, { until_on: a.on < current.fromOn ? current.fromOn : a.on }, meta);
  }
  const id = newId();
  await insertAudited(
    tx,
    'key_customer_managers',
    {
      id, customer_id: a.customerId, manager_id: a.managerId, backup_id: a.backupId, from_on: a.on, until_on: null,
      assigned_by: meta.actor, note: a.note, deleted_at: null,
    },
    meta,
  );
  return id;
}

export interface StandardRow {
  id: string;
  tierCode: string;
  period: string;
  visits: number;
  version: number;
}

export async function listStandards(x: Executor): Promise<StandardRow[]> {
  const rows = await q(x).selectFrom('visit_standards').selectAll().where('deleted_at', 'is', null).orderBy('tier_code').execute();
  return rows.map((r) => ({ id: r.id, tierCode: r.tier_code, period: r.period, visits: r.visits, version: r.version }));
}

export async function saveStandard(tx: Tx, s: { tierCode: string; period: string; visits: number }, meta: AuditMeta): Promise<void> {
  const existing = (await listStandards(tx)).find((r) => r.tierCode === s.tierCode);
  if (!existing) {
    await insertAudited(tx, 'visit_standards', { id: newId(), tier_code: s.tierCode, period: s.period, visits: s.visits, deleted_at: null }, meta);
  } else if (existing.period !== s.period || existing.visits !== s.visits) {
    await updateAudited(tx, 'visit_standards', existing.id, { period: s.period, visits: s.visits }, meta);
  }
}

export async function removeStandard(tx: Tx, tierCode: string, meta: AuditMeta): Promise<boolean> {
  const existing = (await listStandards(tx)).find((r) => r.tierCode === tierCode);
  if (!existing) return false;
  await updateAudited(tx, 'visit_standards', existing.id, { deleted_at: meta.at }, meta);
  return true;
}

/** The 回访 follow-ups (any channel) logged from `fromAt` to before `untilAt` (ISO instants), by customer. */
export async function revisitInstants(x: Executor, customerIds: readonly string[], fromAt: string, untilAt: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const wanted = new Set(customerIds);
  const rows = await q(x)
    .selectFrom('follow_ups')
    .select(['customer_id', 'at'])
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'revisit')
    .where('at', '>=', fromAt)
    .where('at', '<', untilAt)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (!wanted.has(r.customer_id)) continue;
    const list = out.get(r.customer_id) ?? [];
    list.push(r.at);
    out.set(r.customer_id, list);
  }
  return out;
}

/** The audit action of the 回访 follow-up a visit marked done logs (visits:markDone). */
export const VISIT_DONE_ACTION = 'visitDone';
const KEY_TIERS_SETTING = 'visits.keyTiers';

/** Whether an audit batch wrote any of this programme's tables (its undo token). */
export async function isKeyCustomerBatch(x: Executor, batchId: string): Promise<boolean> {
  const row = await q(x)
    .selectFrom('audit_log')
    .select('id')
    .where('batch_id', '=', batchId)
    .where((eb) =>
      eb.or([
        eb('entity', 'in', ['key_customer_overrides', 'key_customer_managers', 'visit_standards']),
        eb.and([eb('entity', '=', 'settings'), eb('entity_id', '=', KEY_TIERS_SETTING)]),
        eb.and([eb('entity', '=', 'follow_ups'), eb('action', '=', VISIT_DONE_ACTION)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export interface ReviewFacts {
  /** Contracts of the customer starting in the year: count and amount. */
  contractsStarted: number;
  contractValueFen: number;
  /** Terms ending in the year, by outcome (report_terms, the reports' own definition). */
  termsDue: number;
  renewed: number;
  lost: number;
  renewedAmountFen: number;
  followUps: number;
  revisits: number;
  /** The complaints logged as follow-ups of kind 投诉 in the year (the complaint records are another table). */
  complaintFollowUps: number;
  healthScore: number | null;
  healthBand: string | null;
  openWarnings: number;
}

/** The annual review's figures for one customer over [from, to] (dates) and the instants [fromAt, untilAt). */
export async function reviewFacts(x: Executor, customerId: string, from: string, to: string, fromAt: string, untilAt: string): Promise<ReviewFacts> {
  const r = await sql<{
    contracts_started: number; contract_value_fen: number | null; terms_due: number; renewed: number; lost: number; renewed_amount_fen: number | null;
    follow_ups: number; revisits: number; complaints: number; score: number | null; band: string | null; open_warnings: number;
  }>`SELECT
      (SELECT count(*) FROM contracts k WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND k.starts_on BETWEEN ${from} AND ${to}) AS contracts_started,
      (SELECT sum(k.amount_fen) FROM contracts k WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND k.starts_on BETWEEN ${from} AND ${to}) AS contract_value_fen,
      (SELECT count(*) FROM report_terms t JOIN contracts k ON k.id = t.contract_id WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND t.ends_on BETWEEN ${from} AND ${to}) AS terms_due,
      (SELECT count(*) FROM report_terms t JOIN contracts k ON k.id = t.contract_id WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND t.ends_on BETWEEN ${from} AND ${to} AND t.outcome = 'renewed') AS renewed,
      (SELECT count(*) FROM report_terms t JOIN contracts k ON k.id = t.contract_id WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND t.ends_on BETWEEN ${from} AND ${to} AND t.outcome = 'lost') AS lost,
      (SELECT sum(t.amount_fen) FROM report_terms t JOIN contracts k ON k.id = t.contract_id WHERE k.customer_id = ${customerId} AND k.deleted_at IS NULL AND t.ends_on BETWEEN ${from} AND ${to} AND t.outcome = 'renewed') AS renewed_amount_fen,
      (SELECT count(*) FROM follow_ups f WHERE f.customer_id = ${customerId} AND f.deleted_at IS NULL AND f.at >= ${fromAt} AND f.at < ${untilAt}) AS follow_ups,
      (SELECT count(*) FROM follow_ups f WHERE f.customer_id = ${customerId} AND f.deleted_at IS NULL AND f.at >= ${fromAt} AND f.at < ${untilAt} AND f.kind = 'revisit') AS revisits,
      (SELECT count(*) FROM follow_ups f WHERE f.customer_id = ${customerId} AND f.deleted_at IS NULL AND f.at >= ${fromAt} AND f.at < ${untilAt} AND f.kind = 'complaint') AS complaints,
      (SELECT h.score FROM customer_health h WHERE h.customer_id = ${customerId}) AS score,
      (SELECT h.band FROM customer_health h WHERE h.customer_id = ${customerId}) AS band,
      (SELECT count(*) FROM risk_warnings w WHERE w.customer_id = ${customerId} AND w.deleted_at IS NULL AND w.closed_on IS NULL) AS open_warnings`.execute(q(x));
  const f = r.rows[0];
  if (!f) throw new Error('review facts returned no row');
  return {
    contractsStarted: f.contracts_started,
    contractValueFen: f.contract_value_fen ?? 0,
    termsDue: f.terms_due,
    renewed: f.renewed,
    lost: f.lost,
    renewedAmountFen: f.renewed_amount_fen ?? 0,
    followUps: f.follow_ups,
    revisits: f.revisits,
    complaintFollowUps: f.complaints,
    healthScore: f.score,
    healthBand: f.band,
    openWarnings: f.open_warnings,
  };
}
