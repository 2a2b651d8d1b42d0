// Survey campaigns (migration 0030): the customers a campaign picks, its tasks (one survey_campaign_customers row per
// customer, whose reminder of kind 'survey' is synced by electron/services/surveys), and the grid's rows.
import { sql } from 'kysely';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

export interface StoredCampaign {
  id: string;
  name: string;
  onDate: string;
  selection: unknown;
  customers: number;
  answered: number;
}

export interface PickedCustomer {
  id: string;
  ownerId: string | null;
}

/** Live, unarchived customers of these tiers. */
export async function customersOfTiers(x: Executor, tiers: readonly string[]): Promise<PickedCustomer[]> {
  const rows = await q(x)
    .selectFrom('customers')
    .select(['id', 'owner_id'])
    .where('tier', 'in', [...tiers])
    .where('deleted_at', 'is', null)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_id }));
}

/** Live, unarchived customers with a live active contract ending in [from, until]. */
export async function customersWithContractsDue(x: Executor, from: string, until: string): Promise<PickedCustomer[]> {
  const rows = await q(x)
    .selectFrom('customers as c')
    .select(['c.id', 'c.owner_id'])
    .where('c.deleted_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contracts as k')
          .select('k.id')
          .whereRef('k.customer_id', '=', 'c.id')
          .where('k.deleted_at', 'is', null)
          .where('k.status', '=', 'active')
          .where('k.ends_on', '>=', from)
          .where('k.ends_on', '<=', until),
      ),
    )
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_id }));
}

export async function insertCampaign(tx: Tx, v: { name: string; onDate: string; selection: unknown }, meta: AuditMeta): Promise<string> {
  const row = await insertAudited(tx, 'survey_campaigns', { id: newId(), name: v.name, on_date: v.onDate, selection: JSON.stringify(v.selection), deleted_at: null }, meta);
  return row.id;
}

export async function insertCampaignTask(tx: Tx, campaignId: string, c: PickedCustomer, meta: AuditMeta): Promise<string> {
  const row = await insertAudited(tx, 'survey_campaign_customers', { id: newId(), campaign_id: campaignId, customer_id: c.id, owner_id: c.ownerId, survey_id: null, deleted_at: null }, meta);
  return row.id;
}

const campaignQuery = (x: Executor) =>
  q(x)
    .selectFrom('survey_campaigns as g')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.on_date as onDate',
      'g.selection',
      eb
        .selectFrom('survey_campaign_customers as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.campaign_id', '=', 'g.id')
        .where('t.deleted_at', 'is', null)
        .as('customers'),
      eb
        .selectFrom('survey_campaign_customers as t')
        .innerJoin('surveys as s', 's.id', 't.survey_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.campaign_id', '=', 'g.id')
        .where('t.deleted_at', 'is', null)
        .where('s.deleted_at', 'is', null)
        .as('answered'),
    ])
    .where('g.deleted_at', 'is', null);

const toCampaign = (r: { id: string; name: string; onDate: string; selection: string; customers: number | null; answered: number | null }): StoredCampaign => ({
  id: r.id,
  name: r.name,
  onDate: r.onDate,
  selection: JSON.parse(r.selection) as unknown,
  customers: Number(r.customers ?? 0),
  answered: Number(r.answered ?? 0),
});

export async function listCampaigns(x: Executor): Promise<StoredCampaign[]> {
  const rows = await campaignQuery(x).orderBy('g.on_date', 'desc').orderBy('g.created_at', 'desc').orderBy('g.id', 'desc').execute();
  return rows.map(toCampaign);
}

export async function getCampaign(x: Executor, id: string): Promise<StoredCampaign | undefined> {
  const row = await campaignQuery(x).where('g.id', '=', id).executeTakeFirst();
  return row ? toCampaign(row) : undefined;
}

export interface CampaignRow {
  taskId: string;
  customerId: string;
  customerName: string;
  ownerName: string | null;
  /** The live survey that answered the task, if any. */
  surveyId: string | null;
}

export async function campaignRows(x: Executor, campaignId: string): Promise<CampaignRow[]> {
  const { rows } = await sql<CampaignRow>`
    SELECT t.id AS "taskId", c.id AS "customerId", c.name AS "customerName", o.name AS "ownerName",
           (SELECT s.id FROM surveys s WHERE s.id = t.survey_id AND s.deleted_at IS NULL) AS "surveyId"
    FROM survey_campaign_customers t
    JOIN customers c ON c.id = t.customer_id
    LEFT JOIN owners o ON o.id = t.owner_id
    WHERE t.campaign_id = ${campaignId} AND t.deleted_at IS NULL AND c.deleted_at IS NULL
    ORDER BY c.name, c.id`.execute(q(x));
  return rows;
}

/** The customer's live task in the campaign, if it has one. */
export async function taskOf(x: Executor, campaignId: string, customerId: string): Promise<{ id: string; surveyId: string | null } | undefined> {
  const row = await q(x)
    .selectFrom('survey_campaign_customers')
    .select(['id', 'survey_id'])
    .where('campaign_id', '=', campaignId)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, surveyId: row.survey_id } : undefined;
}

/** The tasks a survey answered (when it is deleted, they open again). */
export async function tasksAnsweredBy(x: Executor, surveyId: string): Promise<string[]> {
  const rows = await q(x).selectFrom('survey_campaign_customers').select('id').where('survey_id', '=', surveyId).where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

export async function setTaskSurvey(tx: Tx, taskId: string, surveyId: string | null, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'survey_campaign_customers', taskId, { survey_id: surveyId }, meta);
}

export interface SurveyTaskSource {
  /** The task's id: the reminder's subject. */
  id: string;
  customerId: string;
  onDate: string;
  /** Answered by a live survey, or the task, campaign or customer gone or archived: no pending reminder. */
  closed: boolean;
}

const TASK_SOURCE_SQL = sql.raw(`
  SELECT t.id, t.customer_id AS "customerId", g.on_date AS "onDate",
         (t.deleted_at IS NOT NULL OR g.deleted_at IS NOT NULL OR c.deleted_at IS NOT NULL OR c.archived_at IS NOT NULL
          OR EXISTS (SELECT 1 FROM surveys s WHERE s.id = t.survey_id AND s.deleted_at IS NULL)) AS closed
  FROM survey_campaign_customers t
  JOIN survey_campaigns g ON g.id = t.campaign_id
  JOIN customers c ON c.id = t.customer_id`);

export async function surveyTaskSources(x: Executor, taskIds: readonly string[]): Promise<SurveyTaskSource[]> {
  const out: SurveyTaskSource[] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const part = taskIds.slice(i, i + 500);
    const { rows } = await sql<SurveyTaskSource>`${TASK_SOURCE_SQL} WHERE t.id IN (${sql.join(part)})`.execute(q(x));
    out.push(...rows.map((r) => ({ ...r, closed: Boolean(r.closed) })));
  }
  return out;
}

/** Every open task (for recomputing every reminder). */
export async function allOpenSurveyTaskSources(x: Executor): Promise<SurveyTaskSource[]> {
  const { rows } = await sql<SurveyTaskSource>`${TASK_SOURCE_SQL} WHERE t.deleted_at IS NULL AND g.deleted_at IS NULL AND t.survey_id IS NULL`.execute(q(x));
  return rows.map((r) => ({ ...r, closed: Boolean(r.closed) }));
}

/** The live tasks of these customers (archiving or deleting a customer closes them). */
export async function surveyTaskIdsOfCustomers(x: Executor, customerIds: readonly string[]): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const rows = await q(x).selectFrom('survey_campaign_customers').select('id').where('customer_id', 'in', [...customerIds]).where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

export interface SurveyTaskFacts {
  taskId: string;
  customerId: string;
  customerName: string;
  ownerName: string | null;
  campaignName: string;
  onDate: string;
  /** Answered, or gone. */
  closed: boolean;
}

/** What a survey-task notification says: the customer, its owner and the campaign. */
export async function surveyTaskFacts(x: Executor, taskIds: readonly string[]): Promise<Map<string, SurveyTaskFacts>> {
  const out = new Map<string, SurveyTaskFacts>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const part = taskIds.slice(i, i + 500);
    const { rows } = await sql<SurveyTaskFacts>`
      SELECT t.id AS "taskId", c.id AS "customerId", c.name AS "customerName", o.name AS "ownerName", g.name AS "campaignName", g.on_date AS "onDate",
             (t.deleted_at IS NOT NULL OR g.deleted_at IS NOT NULL OR c.deleted_at IS NOT NULL
              OR EXISTS (SELECT 1 FROM surveys s WHERE s.id = t.survey_id AND s.deleted_at IS NULL)) AS closed
      FROM survey_campaign_customers t
      JOIN survey_campaigns g ON g.id = t.campaign_id
      JOIN customers c ON c.id = t.customer_id
      LEFT JOIN owners o ON o.id = t.owner_id
      WHERE t.id IN (${sql.join(part)})`.execute(q(x));
    for (const r of rows) out.set(r.taskId, { ...r, closed: Boolean(r.closed) });
  }
  return out;
}
