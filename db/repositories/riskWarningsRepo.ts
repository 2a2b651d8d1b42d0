// Renewal risk warnings and their plan actions (migration 0027): written audited, read with their contract, customer
// and owner. The terms they are published on (the 风险预警 list, the review, the outcome marks) are riskTermsQuery.ts.
import { sql, type Selectable } from 'kysely';
import type { HealthBand, HealthFactorContribution } from '../../shared/domain/healthBands.ts';
import type { CloseReason, WarningActionKind, WarningRole, WarningStatus } from '../../shared/domain/riskWarnings.ts';
import { decodeStoredFactors } from '../../shared/domain/storedHealthFactors.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { RiskWarningActionsTable, RiskWarningsTable } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

export interface StoredWarning {
  id: string;
  contractId: string;
  customerId: string;
  status: WarningStatus;
  role: WarningRole;
  ownerId: string;
  score: number;
  band: HealthBand;
  factors: HealthFactorContribution[];
  publishedOn: string;
  closedOn: string | null;
  closeReason: CloseReason | null;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredWarningAction {
  id: string;
  warningId: string;
  kind: WarningActionKind;
  text: string | null;
  ownerId: string;
  dueOn: string;
  doneOn: string | null;
  followUpId: string | null;
  version: number;
  createdAt: string;
}

function toWarning(r: Selectable<RiskWarningsTable>): StoredWarning {
  return {
    id: r.id,
    contractId: r.contract_id,
    customerId: r.customer_id,
    status: r.status as WarningStatus,
    role: r.role as WarningRole,
    ownerId: r.owner_id,
    score: r.score,
    band: r.band as HealthBand,
    factors: JSON.parse(r.factors) as HealthFactorContribution[],
    publishedOn: r.published_on,
    closedOn: r.closed_on,
    closeReason: r.close_reason as CloseReason | null,
    note: r.note,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toAction(r: Selectable<RiskWarningActionsTable>): StoredWarningAction {
  return {
    id: r.id,
    warningId: r.warning_id,
    kind: r.kind as WarningActionKind,
    text: r.text,
    ownerId: r.owner_id,
    dueOn: r.due_on,
    doneOn: r.done_on,
    followUpId: r.follow_up_id,
    version: r.version,
    createdAt: r.created_at,
  };
}

export interface NewWarning {
  contractId: string;
  customerId: string;
  role: WarningRole;
  ownerId: string;
  score: number;
  band: HealthBand;
  factors: readonly HealthFactorContribution[];
  publishedOn: string;
  note: string | null;
}

export async function insertWarning(tx: Tx, w: NewWarning, meta: AuditMeta): Promise<StoredWarning> {
  const row = await insertAudited(
    tx,
    'risk_warnings',
    {
      id: newId(),
      contract_id: w.contractId,
      customer_id: w.customerId,
      status: 'new',
      role: w.role,
      owner_id: w.ownerId,
      score: w.score,
      band: w.band,
      factors: JSON.stringify(w.factors),
      published_on: w.publishedOn,
      closed_on: null,
      close_reason: null,
      note: w.note,
      deleted_at: null,
    },
    meta,
  );
  return toWarning(row);
}

export interface WarningStatusPatch {
  status: WarningStatus;
  closedOn: string | null;
  closeReason: CloseReason | null;
}

export async function updateWarningStatus(tx: Tx, id: string, p: WarningStatusPatch, meta: AuditMeta, expectedVersion?: number): Promise<StoredWarning> {
  return toWarning(await updateAudited(tx, 'risk_warnings', id, { status: p.status, closed_on: p.closedOn, close_reason: p.closeReason }, meta, expectedVersion));
}

export async function getWarning(x: Executor, id: string): Promise<StoredWarning | undefined> {
  const row = await q(x).selectFrom('risk_warnings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toWarning(row) : undefined;
}

export async function openWarningOfContract(x: Executor, contractId: string): Promise<StoredWarning | undefined> {
  const row = await q(x)
    .selectFrom('risk_warnings')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('deleted_at', 'is', null)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return row ? toWarning(row) : undefined;
}

/** A warning with what the list and the CLI show beside it. */
export interface WarningListRow extends StoredWarning {
  contractNo: string;
  contractEndsOn: string | null;
  amountFen: number | null;
  customerName: string;
  ownerName: string;
  /** The customer's current score and band (customer_health), when computed. */
  currentScore: number | null;
  currentBand: HealthBand | null;
  currentFactors: HealthFactorContribution[] | null;
  openActions: number;
  actions: number;
}

function warningListQuery(x: Executor) {
  return q(x)
    .selectFrom('risk_warnings as w')
    .innerJoin('contracts as k', 'k.id', 'w.contract_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .innerJoin('owners as o', 'o.id', 'w.owner_id')
    .leftJoin('customer_health as h', 'h.customer_id', 'k.customer_id')
    .selectAll('w')
    .select((eb) => [
      'k.number as contract_no',
      'k.customer_id as contract_customer_id',
      'k.ends_on as contract_ends_on',
      'k.amount_fen',
      'c.name as customer_name',
      'o.name as owner_name',
      'h.score as current_score',
      'h.band as current_band',
      'h.factors as current_factors',
      eb
        .selectFrom('risk_warning_actions as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.warning_id', '=', 'w.id')
        .where('a.deleted_at', 'is', null)
        .as('actions'),
      eb
        .selectFrom('risk_warning_actions as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.warning_id', '=', 'w.id')
        .where('a.deleted_at', 'is', null)
        .where('a.done_on', 'is', null)
        .as('open_actions'),
    ])
    .where('w.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
}

type WarningJoinRow = Awaited<ReturnType<ReturnType<typeof warningListQuery>['executeTakeFirstOrThrow']>>;

function toListRow(r: WarningJoinRow): WarningListRow {
  return {
    ...toWarning(r),
    // The contract's customer: a customer merge moves the contract, and the warning follows it.
    customerId: r.contract_customer_id,
    contractNo: r.contract_no,
    contractEndsOn: r.contract_ends_on,
    amountFen: r.amount_fen,
    customerName: r.customer_name,
    ownerName: r.owner_name,
    currentScore: r.current_score ?? null,
    currentBand: (r.current_band ?? null) as HealthBand | null,
    currentFactors: r.current_factors ? decodeStoredFactors(r.current_factors) : null,
    openActions: Number(r.open_actions ?? 0),
    actions: Number(r.actions ?? 0),
  };
}

/** Warnings, open ones first, then newest published first. */
export async function listWarnings(x: Executor, filter: { open?: boolean | undefined }): Promise<WarningListRow[]> {
  let query = warningListQuery(x);
  if (filter.open === true) query = query.where('w.closed_on', 'is', null);
  if (filter.open === false) query = query.where('w.closed_on', 'is not', null);
  const rows = await query
    .orderBy(sql`w.closed_on IS NOT NULL`)
    .orderBy('w.published_on', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
  return rows.map(toListRow);
}

export async function getWarningRow(x: Executor, id: string): Promise<WarningListRow | undefined> {
  const row = await warningListQuery(x).where('w.id', '=', id).executeTakeFirst();
  return row ? toListRow(row) : undefined;
}

export interface NewWarningAction {
  warningId: string;
  kind: WarningActionKind;
  text: string | null;
  ownerId: string;
  dueOn: string;
}

export async function insertWarningAction(tx: Tx, a: NewWarningAction, meta: AuditMeta): Promise<StoredWarningAction> {
  const row = await insertAudited(
    tx,
    'risk_warning_actions',
    { id: newId(), warning_id: a.warningId, kind: a.kind, text: a.text, owner_id: a.ownerId, due_on: a.dueOn, done_on: null, follow_up_id: null, deleted_at: null },
    meta,
  );
  return toAction(row);
}

export async function markWarningActionDone(tx: Tx, id: string, doneOn: string, followUpId: string, meta: AuditMeta): Promise<StoredWarningAction> {
  return toAction(await updateAudited(tx, 'risk_warning_actions', id, { done_on: doneOn, follow_up_id: followUpId }, meta));
}

export async function softDeleteWarningAction(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'risk_warning_actions', id, { deleted_at: meta.at }, meta);
}

export async function getWarningAction(x: Executor, id: string): Promise<StoredWarningAction | undefined> {
  const row = await q(x).selectFrom('risk_warning_actions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toAction(row) : undefined;
}

/** A warning's live actions by due date, with their owner's name. */
export async function listWarningActions(x: Executor, warningId: string): Promise<(StoredWarningAction & { ownerName: string })[]> {
  const rows = await q(x)
    .selectFrom('risk_warning_actions as a')
    .innerJoin('owners as o', 'o.id', 'a.owner_id')
    .selectAll('a')
    .select('o.name as owner_name')
    .where('a.warning_id', '=', warningId)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...toAction(r), ownerName: r.owner_name }));
}

/** The audit trail of a warning and its actions, oldest first: the detail's activity. */
export async function warningActivity(x: Executor, warningId: string) {
  const actionIds = q(x).selectFrom('risk_warning_actions').select('id').where('warning_id', '=', warningId);
  const rows = await q(x)
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'after'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'risk_warnings'), eb('entity_id', '=', warningId)]),
        eb.and([eb('entity', '=', 'risk_warning_actions'), eb('entity_id', 'in', actionIds)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, ofWarning: r.entity === 'risk_warnings', entityId: r.entity_id, after: r.after }));
}

/** Whether `batchId` is a warning change (its entries are warnings, their actions, and the follow-ups they logged). */
export async function isWarningBatch(x: Executor, batchId: string): Promise<boolean> {
  const rows = await q(x).selectFrom('audit_log').select('entity').distinct().where('batch_id', '=', batchId).where('action', '!=', 'undone').execute();
  const own = new Set(['risk_warnings', 'risk_warning_actions', 'follow_ups']);
  return rows.length > 0 && rows.every((r) => own.has(r.entity)) && rows.some((r) => r.entity !== 'follow_ups');
}
