// Complaints and their recorded steps (migration 0031). The flow's rules live in shared/domain/complaints.ts; this
// file only reads and writes rows (audited, so a write undoes).
import type { ComplaintSeverity, ComplaintStep } from '../../shared/domain/complaints.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

export interface ComplaintRow {
  id: string;
  customerId: string;
  customerName: string;
  contractId: string | null;
  contractNo: string | null;
  followUpId: string | null;
  summary: string;
  category: string;
  severity: ComplaintSeverity;
  step: ComplaintStep;
  handlerId: string;
  handlerName: string;
  receivedAt: string;
  dueAt: string;
  closedAt: string | null;
  satisfaction: number | null;
  version: number;
}

export interface ComplaintStepRow {
  id: string;
  step: ComplaintStep;
  handlerId: string;
  handlerName: string;
  at: string;
  note: string | null;
}

function complaintsQuery(x: Executor) {
  return q(x)
    .selectFrom('complaints as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .innerJoin('owners as o', 'o.id', 'p.handler_id')
    .leftJoin('contracts as k', 'k.id', 'p.contract_id')
    .selectAll('p')
    .select(['c.name as customer_name', 'o.name as handler_name', 'k.number as contract_no'])
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
}

type JoinRow = Awaited<ReturnType<ReturnType<typeof complaintsQuery>['executeTakeFirstOrThrow']>>;

function toRow(r: JoinRow): ComplaintRow {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    contractId: r.contract_id,
    contractNo: r.contract_no,
    followUpId: r.follow_up_id,
    summary: r.summary,
    category: r.category,
    severity: r.severity as ComplaintSeverity,
    step: r.step as ComplaintStep,
    handlerId: r.handler_id,
    handlerName: r.handler_name,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    closedAt: r.closed_at,
    satisfaction: r.satisfaction,
    version: r.version,
  };
}

export interface ComplaintFilter {
  customerId?: string | undefined;
  contractId?: string | undefined;
  step?: ComplaintStep | undefined;
  severity?: ComplaintSeverity | undefined;
  /** Only open ones (not closed). */
  open?: boolean | undefined;
  /** Only open ones past their deadline at this instant. */
  overdueAt?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** Only the complaints of that owner's customers (owner scoping). */
  ownerId?: string | undefined;
}

/** Complaints, open ones by deadline first, then the closed ones newest first. */
export async function listComplaints(x: Executor, f: ComplaintFilter): Promise<ComplaintRow[]> {
  let query = complaintsQuery(x);
  if (f.customerId) query = query.where('p.customer_id', '=', f.customerId);
  if (f.contractId) query = query.where('p.contract_id', '=', f.contractId);
  if (f.step) query = query.where('p.step', '=', f.step);
  if (f.severity) query = query.where('p.severity', '=', f.severity);
  if (f.open) query = query.where('p.closed_at', 'is', null);
  if (f.overdueAt) query = query.where('p.closed_at', 'is', null).where('p.due_at', '<', f.overdueAt);
  if (f.receivedFrom) query = query.where('p.received_at', '>=', f.receivedFrom);
  if (f.receivedTo) query = query.where('p.received_at', '<', f.receivedTo);
  if (f.ownerId) query = query.where('c.owner_id', '=', f.ownerId);
  const rows = await query
    .orderBy((eb) => eb.case().when('p.closed_at', 'is', null).then(0).else(1).end())
    .orderBy('p.due_at', 'asc')
    .orderBy('p.received_at', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map(toRow);
}

export async function getComplaint(x: Executor, id: string): Promise<ComplaintRow | undefined> {
  const row = await complaintsQuery(x).where('p.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function complaintOfFollowUp(x: Executor, followUpId: string): Promise<string | undefined> {
  const row = await q(x).selectFrom('complaints').select('id').where('follow_up_id', '=', followUpId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.id;
}

export async function listComplaintSteps(x: Executor, complaintId: string): Promise<ComplaintStepRow[]> {
  const rows = await q(x)
    .selectFrom('complaint_steps as s')
    .innerJoin('owners as o', 'o.id', 's.handler_id')
    .select(['s.id', 's.step', 's.handler_id', 'o.name as handler_name', 's.at', 's.note'])
    .where('s.complaint_id', '=', complaintId)
    .where('s.deleted_at', 'is', null)
    .orderBy('s.at')
    .orderBy('s.created_at')
    // PostgreSQL returns ties in any order: the id settles them the same on both engines.
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ id: r.id, step: r.step as ComplaintStep, handlerId: r.handler_id, handlerName: r.handler_name, at: r.at, note: r.note }));
}

export interface NewComplaint {
  customerId: string;
  contractId: string | null;
  followUpId: string | null;
  summary: string;
  category: string;
  severity: ComplaintSeverity;
  handlerId: string;
  receivedAt: string;
  dueAt: string;
}

export async function insertComplaint(tx: Tx, c: NewComplaint, meta: AuditMeta): Promise<string> {
  const id = newId();
  await insertAudited(
    tx,
    'complaints',
    {
      id,
      customer_id: c.customerId,
      contract_id: c.contractId,
      follow_up_id: c.followUpId,
      summary: c.summary,
      category: c.category,
      severity: c.severity,
      step: 'accepted',
      handler_id: c.handlerId,
      received_at: c.receivedAt,
      due_at: c.dueAt,
      closed_at: null,
      satisfaction: null,
      deleted_at: null,
    },
    meta,
  );
  return id;
}

export async function insertComplaintStep(
  tx: Tx,
  s: { complaintId: string; step: ComplaintStep; handlerId: string; at: string; note: string | null },
  meta: AuditMeta,
): Promise<void> {
  await insertAudited(
    tx,
    'complaint_steps',
    { id: newId(), complaint_id: s.complaintId, step: s.step, handler_id: s.handlerId, at: s.at, note: s.note, deleted_at: null },
    meta,
  );
}

export interface ComplaintPatch {
  step?: ComplaintStep;
  handlerId?: string;
  closedAt?: string | null;
  satisfaction?: number | null;
  category?: string;
  severity?: ComplaintSeverity;
  summary?: string;
  dueAt?: string;
}

export async function updateComplaint(tx: Tx, id: string, p: ComplaintPatch, meta: AuditMeta, expectedVersion?: number): Promise<void> {
  await updateAudited(
    tx,
    'complaints',
    id,
    {
      step: p.step,
      handler_id: p.handlerId,
      closed_at: p.closedAt,
      satisfaction: p.satisfaction,
      category: p.category,
      severity: p.severity,
      summary: p.summary,
      due_at: p.dueAt,
    },
    meta,
    expectedVersion,
  );
}

/**
 * Whether every entry of an audit batch is a complaint, a complaint step or the complaints' own setting under
 * `settingKey` (complaints:undo's guard).
 */
export async function isComplaintBatch(x: Executor, batchId: string, settingKey: string): Promise<boolean> {
  const rows = await q(x).selectFrom('audit_log').select(['entity', 'entity_id']).where('batch_id', '=', batchId).execute();
  return (
    rows.length > 0 &&
    rows.every((r) => r.entity === 'complaints' || r.entity === 'complaint_steps' || (r.entity === 'settings' && r.entity_id === settingKey))
  );
}

/** The complaints an audit batch wrote, for recomputing their reminders on undo. */
export async function complaintIdsOfBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await q(x).selectFrom('audit_log').select(['entity', 'entity_id']).where('batch_id', '=', batchId).where('entity', '=', 'complaints').execute();
  return [...new Set(rows.map((r) => r.entity_id))];
}

export interface ComplaintReminderSource {
  /** The complaint's id: the reminder's subject. */
  id: string;
  customerId: string;
  dueAt: string;
  /** Closed, deleted, or its customer deleted or archived: no reminder. */
  closed: boolean;
}

function complaintSourceQuery(x: Executor) {
  return q(x)
    .selectFrom('complaints as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select((eb) => [
      'p.id',
      'p.customer_id as customerId',
      'p.due_at as dueAt',
      eb.or([eb('p.closed_at', 'is not', null), eb('p.deleted_at', 'is not', null), eb('c.deleted_at', 'is not', null), eb('c.archived_at', 'is not', null)]).as('closed'),
    ]);
}

const toSource = (r: Omit<ComplaintReminderSource, 'closed'> & { closed: unknown }): ComplaintReminderSource => ({ ...r, closed: Boolean(r.closed) });

/** The sources whose `column` is one of `values`, 400 bound values a statement; deleted complaints too when asked. */
async function sourcesWhere(x: Executor, column: 'p.id' | 'p.customer_id', values: readonly string[], withDeleted: boolean): Promise<ComplaintReminderSource[]> {
  const out: ComplaintReminderSource[] = [];
  for (let i = 0; i < values.length; i += 400) {
    const rows = await complaintSourceQuery(x)
      .where(column, 'in', values.slice(i, i + 400))
      .$if(!withDeleted, (qb) => qb.where('p.deleted_at', 'is', null))
      .execute();
    out.push(...rows.map(toSource));
  }
  return out;
}

/** The complaints by id, deleted ones too (their pending reminder goes), for the overdue reminder. */
export async function complaintReminderSources(x: Executor, ids: readonly string[]): Promise<ComplaintReminderSource[]> {
  return sourcesWhere(x, 'p.id', ids, true);
}

/** The live complaints of these customers (an archive, a deletion, a restore or a merge moves their reminders). */
export async function complaintReminderSourcesOfCustomers(x: Executor, customerIds: readonly string[]): Promise<ComplaintReminderSource[]> {
  return sourcesWhere(x, 'p.customer_id', customerIds, false);
}

/** Every live open complaint (the partial index complaints_open_due), for recomputing everything. */
export async function allOpenComplaintReminderSources(x: Executor): Promise<ComplaintReminderSource[]> {
  const rows = await complaintSourceQuery(x).where('p.deleted_at', 'is', null).where('p.closed_at', 'is', null).execute();
  return rows.map(toSource);
}

export interface ComplaintFacts {
  complaintId: string;
  customerId: string;
  customerName: string;
  summary: string;
  severity: ComplaintSeverity;
  step: ComplaintStep;
  handlerName: string;
  dueAt: string;
  /** Closed, deleted, or its customer gone: quiet. */
  gone: boolean;
}

/** What a 投诉超时 notification says: the complaint, its customer and its handler. */
export async function complaintFacts(x: Executor, ids: readonly string[]): Promise<Map<string, ComplaintFacts>> {
  const out = new Map<string, ComplaintFacts>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await q(x)
      .selectFrom('complaints as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .innerJoin('owners as o', 'o.id', 'p.handler_id')
      .select((eb) => [
        'p.id as complaintId',
        'c.id as customerId',
        'c.name as customerName',
        'p.summary',
        'p.severity',
        'p.step',
        'o.name as handlerName',
        'p.due_at as dueAt',
        eb.or([eb('p.closed_at', 'is not', null), eb('p.deleted_at', 'is not', null), eb('c.deleted_at', 'is not', null)]).as('gone'),
      ])
      .where('p.id', 'in', ids.slice(i, i + 400))
      .execute();
    for (const r of rows) out.set(r.complaintId, { ...r, severity: r.severity as ComplaintSeverity, step: r.step as ComplaintStep, gone: Boolean(r.gone) });
  }
  return out;
}
