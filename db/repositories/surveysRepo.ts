// Satisfaction surveys (migration 0030): dimensions, surveys, improvement actions and campaigns as the 满意度 page,
// the customer card, the export and the reminder sync read and change them. Scores are stored as a JSON object
// {dimension id: 1..5}; the aggregates read them through json_each (surveyScoresSql.ts), summing and counting (exact) per group.
import { sql, type Selectable } from 'kysely';
import type { FollowUpChannel } from '../../shared/domain/enums.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { SurveyActionsTable, SurveyDimensionsTable } from '../schema.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';
import { scoreEntriesOf } from './surveyScoresSql.ts';

export interface StoredDimension {
  id: string;
  code: string | null;
  name: string | null;
  position: number;
  retiredOn: string | null;
  version: number;
}

export interface StoredSurvey {
  id: string;
  customerId: string;
  customerName: string;
  contractId: string | null;
  contractNo: string | null;
  campaignId: string | null;
  onDate: string;
  channel: FollowUpChannel;
  scores: Record<string, number>;
  comment: string | null;
  version: number;
}

export interface StoredSurveyAction {
  id: string;
  surveyId: string;
  onDate: string;
  text: string;
  doneBy: string;
}

export interface SurveyValues {
  customerId: string;
  contractId: string | null;
  campaignId: string | null;
  onDate: string;
  channel: FollowUpChannel;
  scores: Record<string, number>;
  comment: string | null;
}

const toDimension = (r: Selectable<SurveyDimensionsTable>): StoredDimension => ({
  id: r.id,
  code: r.code,
  name: r.name,
  position: r.position,
  retiredOn: r.retired_on,
  version: r.version,
});

const toAction = (r: Selectable<SurveyActionsTable>): StoredSurveyAction => ({ id: r.id, surveyId: r.survey_id, onDate: r.on_date, text: r.text, doneBy: r.done_by });

export async function listDimensions(x: Executor): Promise<StoredDimension[]> {
  const rows = await q(x).selectFrom('survey_dimensions').selectAll().where('deleted_at', 'is', null).orderBy('position').orderBy('id').execute();
  return rows.map(toDimension);
}

export async function insertDimension(tx: Tx, name: string, meta: AuditMeta): Promise<StoredDimension> {
  const last = await q(tx).selectFrom('survey_dimensions').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const row = await insertAudited(tx, 'survey_dimensions', { id: newId(), code: null, name, position: Number(last?.p ?? 0) + 10, retired_on: null, deleted_at: null }, meta);
  return toDimension(row);
}

export async function updateDimension(tx: Tx, id: string, patch: { name?: string; retiredOn?: string | null }, meta: AuditMeta, version?: number): Promise<StoredDimension> {
  return toDimension(await updateAudited(tx, 'survey_dimensions', id, { name: patch.name, retired_on: patch.retiredOn }, meta, version));
}

const surveyQuery = (x: Executor) =>
  q(x)
    .selectFrom('surveys as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .leftJoin('contracts as k', 'k.id', 's.contract_id')
    .select([
      's.id', 's.customer_id', 'c.name as customer_name', 's.contract_id', 'k.number as contract_no', 's.campaign_id', 's.on_date', 's.channel',
      's.scores', 's.comment', 's.version',
    ])
    .where('s.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);

type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveyQuery>['executeTakeFirstOrThrow']>>;

const toSurvey = (r: SurveyRow): StoredSurvey => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  contractId: r.contract_id,
  contractNo: r.contract_no,
  campaignId: r.campaign_id,
  onDate: r.on_date,
  channel: r.channel as FollowUpChannel,
  scores: JSON.parse(r.scores) as Record<string, number>,
  comment: r.comment,
  version: r.version,
});

export async function getLiveSurvey(x: Executor, id: string): Promise<StoredSurvey | undefined> {
  const row = await surveyQuery(x).where('s.id', '=', id).executeTakeFirst();
  return row ? toSurvey(row) : undefined;
}

/** Live surveys of live customers, newest first (date, then the latest written). */
export async function listSurveys(x: Executor, f: { customerId?: string | undefined; offset: number; limit: number }): Promise<{ items: StoredSurvey[]; total: number }> {
  let base = surveyQuery(x);
  if (f.customerId !== undefined) base = base.where('s.customer_id', '=', f.customerId);
  const rows = await base.orderBy('s.on_date', 'desc').orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').offset(f.offset).limit(f.limit).execute();
  let count = q(x)
    .selectFrom('surveys as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
  if (f.customerId !== undefined) count = count.where('s.customer_id', '=', f.customerId);
  const total = Number((await count.executeTakeFirst())?.n ?? 0);
  return { items: rows.map(toSurvey), total };
}

export async function actionsOfSurveys(x: Executor, surveyIds: readonly string[]): Promise<Map<string, StoredSurveyAction[]>> {
  const out = new Map<string, StoredSurveyAction[]>();
  if (surveyIds.length === 0) return out;
  const rows = await q(x)
    .selectFrom('survey_actions')
    .selectAll()
    .where('survey_id', 'in', [...surveyIds])
    .where('deleted_at', 'is', null)
    .orderBy('on_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.survey_id);
    if (list) list.push(toAction(r));
    else out.set(r.survey_id, [toAction(r)]);
  }
  return out;
}

const surveyColumns = (v: SurveyValues) => ({
  customer_id: v.customerId,
  contract_id: v.contractId,
  campaign_id: v.campaignId,
  on_date: v.onDate,
  channel: v.channel,
  scores: JSON.stringify(v.scores),
  comment: v.comment,
});

export async function insertSurvey(tx: Tx, v: SurveyValues, meta: AuditMeta): Promise<string> {
  const row = await insertAudited(tx, 'surveys', { id: newId(), ...surveyColumns(v), deleted_at: null }, meta);
  return row.id;
}

export async function updateSurvey(tx: Tx, id: string, v: SurveyValues, meta: AuditMeta, version?: number): Promise<void> {
  await updateAudited(tx, 'surveys', id, surveyColumns(v), meta, version);
}

export async function softDeleteSurvey(tx: Tx, id: string, meta: AuditMeta): Promise<void> {
  await updateAudited(tx, 'surveys', id, { deleted_at: meta.at }, meta);
}

export async function insertSurveyAction(tx: Tx, surveyId: string, customerId: string, v: { onDate: string; text: string; doneBy: string }, meta: AuditMeta): Promise<StoredSurveyAction> {
  const row = await insertAudited(tx, 'survey_actions', { id: newId(), survey_id: surveyId, customer_id: customerId, on_date: v.onDate, text: v.text, done_by: v.doneBy, deleted_at: null }, meta);
  return toAction(row);
}

const SURVEY_TABLES = new Set(['surveys', 'survey_dimensions', 'survey_actions', 'survey_campaigns', 'survey_campaign_customers']);

/** Whether `batchId` is a survey change: its entries are survey rows, or the one setting `settingKey` (the threshold). */
export async function isSurveyBatch(x: Executor, batchId: string, settingKey: string): Promise<boolean> {
  const rows = await q(x).selectFrom('audit_log').select(['entity', 'entity_id']).where('batch_id', '=', batchId).where('action', '!=', 'undone').execute();
  return rows.length > 0 && rows.every((r) => SURVEY_TABLES.has(r.entity) || (r.entity === 'settings' && r.entity_id === settingKey));
}

/** The campaign tasks an audit batch wrote (a campaign, or a survey that completed one), for their reminders on undo. */
export async function taskIdsOfBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await q(x).selectFrom('audit_log').select('entity_id').distinct().where('batch_id', '=', batchId).where('entity', '=', 'survey_campaign_customers').execute();
  return rows.map((r) => r.entity_id);
}

// ---------------------------------------------------------------------------------------------------------------
// Results

export type SurveyGrouping = 'all' | 'month' | 'quarter' | 'tier' | 'owner';

export interface SurveyAggregateRow {
  key: string;
  dimensionId: string;
  sum: number;
  count: number;
}

const GROUP_KEY: Record<SurveyGrouping, string> = {
  all: "''",
  month: 'substr(s.on_date, 1, 7)',
  quarter: "substr(s.on_date, 1, 4) || '-Q' || ((CAST(substr(s.on_date, 6, 2) AS INTEGER) + 2) / 3)",
  tier: 'c.tier',
  owner: "coalesce(c.owner_id, '')",
};

/** Sums and counts of the scores per group and dimension over the live surveys of live customers dated in [from, to]. */
export async function surveyAggregates(x: Executor, grouping: SurveyGrouping, from: string, to: string): Promise<{ scores: SurveyAggregateRow[]; surveys: Map<string, number> }> {
  const key = sql.raw(GROUP_KEY[grouping]);
  const scores = await sql<SurveyAggregateRow>`
    SELECT ${key} AS key, j.key AS "dimensionId", sum(j.value) AS sum, count(*) AS count
    FROM surveys s JOIN customers c ON c.id = s.customer_id, ${scoreEntriesOf(x)}
    WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to}
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(q(x));
  const counts = await sql<{ key: string; n: number }>`
    SELECT ${key} AS key, count(*) AS n
    FROM surveys s JOIN customers c ON c.id = s.customer_id
    WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to}
    GROUP BY 1`.execute(q(x));
  return { scores: scores.rows.map((r) => ({ ...r, key: String(r.key), sum: Number(r.sum), count: Number(r.count) })), surveys: new Map(counts.rows.map((r) => [String(r.key), Number(r.n)])) };
}

export interface LowCustomerRow {
  customerId: string;
  customerName: string;
  ownerName: string | null;
  sum: number;
  count: number;
  surveys: number;
  latestSurveyId: string;
  latestOn: string;
}

/** Per customer with surveys in [from, to]: the sum and count of their scores and their latest survey there. */
export async function customerScoreTotals(x: Executor, from: string, to: string): Promise<LowCustomerRow[]> {
  const { rows } = await sql<LowCustomerRow>`
    SELECT c.id AS "customerId", c.name AS "customerName", o.name AS "ownerName",
           (SELECT sum(j.value) FROM surveys s, ${scoreEntriesOf(x)} WHERE s.customer_id = c.id AND s.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to}) AS sum,
           (SELECT count(*) FROM surveys s, ${scoreEntriesOf(x)} WHERE s.customer_id = c.id AND s.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to}) AS count,
           t.surveys, t."latestSurveyId", t."latestOn"
    FROM (SELECT s.customer_id, count(*) AS surveys, max(s.on_date) AS "latestOn",
                 (SELECT s2.id FROM surveys s2 WHERE s2.customer_id = s.customer_id AND s2.deleted_at IS NULL AND s2.on_date BETWEEN ${from} AND ${to}
                  ORDER BY s2.on_date DESC, s2.created_at DESC, s2.id DESC LIMIT 1) AS "latestSurveyId"
          FROM surveys s WHERE s.deleted_at IS NULL AND s.on_date BETWEEN ${from} AND ${to} GROUP BY s.customer_id) t
    JOIN customers c ON c.id = t.customer_id
    LEFT JOIN owners o ON o.id = c.owner_id
    WHERE c.deleted_at IS NULL
    ORDER BY c.name, c.id`.execute(q(x));
  return rows.map((r) => ({ ...r, sum: Number(r.sum ?? 0), count: Number(r.count ?? 0), surveys: Number(r.surveys) }));
}

/** Owner names by id (the results' owner labels). */
export async function ownerNames(x: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q(x).selectFrom('owners').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------------------------------------------------------
// Export

export interface SurveyExportRow {
  customerName: string;
  contractNo: string | null;
  onDate: string;
  channel: FollowUpChannel;
  scores: Record<string, number>;
  comment: string | null;
}

/** Every live survey of a live customer, by date then customer name; `ownerId`: that owner's customers only. */
export async function listSurveysForExport(x: Executor, ownerId?: string): Promise<SurveyExportRow[]> {
  const rows = await surveyQuery(x)
    .$if(ownerId !== undefined, (b) => b.where('c.owner_id', '=', ownerId ?? ''))
    .orderBy('s.on_date').orderBy('c.name').orderBy('s.id').execute();
  return rows.map((r) => {
    const s = toSurvey(r);
    return { customerName: s.customerName, contractNo: s.contractNo, onDate: s.onDate, channel: s.channel, scores: s.scores, comment: s.comment };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Health factor

/**
 * The health score's averageSatisfaction for one customer: the mean of every dimension score of its live surveys
 * dated within the 12 months up to `today` (after today − 12 months, up to today), or null when it has none. The
 * lead's correlated subquery in healthFacts.ts is this same SQL with c.id for the customer.
 */
/**
 * SQLite's date(today, '-12 months'), which healthFacts.ts still uses: the same month and day a year earlier, with
 * a 29 February (absent that year) rolling over to 1 March as SQLite normalizes it. Computed here so one statement
 * serves both engines.
 */
export function twelveMonthsBefore(today: string): string {
  const year = String(Number(today.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = today.slice(5);
  return monthDay === '02-29' ? `${year}-03-01` : `${year}-${monthDay}`;
}

export async function averageSatisfactionOf(x: Executor, customerId: string, today: string): Promise<number | null> {
  const { rows } = await sql<{ average: number | null }>`
    SELECT (SELECT avg(j.value) FROM surveys s, ${scoreEntriesOf(x)}
            WHERE s.customer_id = ${customerId} AND s.deleted_at IS NULL
              AND s.on_date > ${twelveMonthsBefore(today)} AND s.on_date <= ${today}) AS average`.execute(q(x));
  return rows[0]?.average ?? null;
}
