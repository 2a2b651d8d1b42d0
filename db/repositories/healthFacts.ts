// What the health score reads (issue 13, shared/domain/healthScore.ts), gathered set-based: three statements over
// every live customer (or over a list of ids), none per customer: the per-customer facts as correlated index
// look-ups (last follow-up, competitor events in the window, contacts with a phone, the latest 4 monthly usage
// figures, whether 咨询/工单 began before the 4-month window), the 咨询/工单 counts per local month in the window,
// and the largest payment delay. On SQLite on the raw connection inside the caller's transaction; on PostgreSQL the
// same statements in its dialect (healthFactsPostgres.ts) on the transaction's connection. Values are bound.
import type BetterSqlite3 from 'better-sqlite3';
import { bandOf } from '../../shared/domain/healthBands.ts';
import type { PeriodValue } from '../../shared/domain/riskSignals.ts';
import { engineOf, q, rawOf, type Db, type Executor } from '../handle.ts';
import { clearHealthMarksOnPostgres, readHealthFactsOnPostgres, writeHealthScoresOnPostgres } from './healthFactsPostgres.ts';
import type { MarksSeen } from './dirtyMarkSnapshot.ts';

export interface HealthFactsWindow {
  /** Today's local date. */
  today: string;
  /** The first day of the competitor-event window (COMPETITOR_WINDOW_DAYS − 1 days before today). */
  eventsFrom: string;
  /** Settled instalments paid late count when paid on or after this day. */
  paidLateFrom: string;
  /** The instant the local month three months before this one began: the interaction window's start. */
  interactionsFromInstant: string;
  /** The local UTC offset in minutes (east positive), to count follow-ups in local months. */
  offsetMinutes: number;
  /** This week's Monday: the stored week row read beside the facts. */
  week: string;
}

/** One customer's measured facts, before the day maths of the follow-up silence. */
export interface HealthFactRow {
  customerId: string;
  /**
   * The local date of the latest live follow-up (of the customer's creation when there is none), the day the
   * silence counts from; null when the stored instant does not parse.
   */
  followUpSince: string | null;
  competitorEvents: number;
  phoneContacts: number;
  /** The latest monthly usage figures, up to 4, any order. */
  usage: PeriodValue[];
  /** 咨询 + 工单 per local month within the window; with a zero month just before it when some came earlier. */
  interactions: PeriodValue[];
  /** The largest delay in days (see paymentDelaySql), 0 when none. */
  paymentDelayDays: number;
  /** Complaints not closed (issue 14). */
  openComplaints: number;
  /** The average dimension score of the surveys dated in the last 12 months (today included); null when none. */
  averageSatisfaction: number | null;
  /** What is stored: the current score and factors JSON, and the local date it was computed on (null when none). */
  storedScore: number | null;
  storedFactors: string | null;
  storedOn: string | null;
}

const ONLY = (column: string, ids: readonly string[] | undefined) => (ids === undefined ? '' : ` AND ${column} IN (SELECT value FROM json_each(@ids))`);

const customersSql = (ids?: readonly string[]) => `
  SELECT c.id,
    date(coalesce((SELECT max(f.at) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL), c.created_at), @shift),
    (SELECT count(*) FROM competitor_events e WHERE e.customer_id = c.id AND e.deleted_at IS NULL AND e.on_date >= @eventsFrom AND e.on_date <= @today),
    (SELECT count(*) FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL AND trim(coalesce(k.phone, '')) <> ''),
    (SELECT group_concat(u.period_start || '=' || u.value, ',') FROM (
       SELECT period_start, value FROM usage_figures WHERE customer_id = c.id AND period_kind = 'month' AND deleted_at IS NULL
       ORDER BY period_start DESC LIMIT 4) u),
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL AND f.kind IN ('inquiry', 'ticket') AND f.at < @interactionsFrom),
    (SELECT count(*) FROM complaints p WHERE p.customer_id = c.id AND p.deleted_at IS NULL AND p.step <> 'closed'),
    (SELECT avg(j.value) FROM surveys s, json_each(s.scores) j
       WHERE s.customer_id = c.id AND s.deleted_at IS NULL AND s.on_date > date(@today, '-12 months') AND s.on_date <= @today),
    h.score, h.factors, date(h.computed_at, @shift)
  FROM customers c
  LEFT JOIN customer_health h ON h.customer_id = c.id
  WHERE c.deleted_at IS NULL${ids === undefined ? ' AND c.id > @after ORDER BY c.id LIMIT @page' : ONLY('c.id', ids)}`;

const interactionsSql = (ids?: readonly string[]) => `
  SELECT customer_id, strftime('%Y-%m', at, @shift) AS month, count(*)
  FROM follow_ups
  WHERE deleted_at IS NULL AND kind IN ('inquiry', 'ticket') AND at >= @interactionsFrom${ONLY('customer_id', ids)}
  GROUP BY customer_id, month`;

/**
 * The largest delay of a customer's instalments, by paymentDelay.ts instalmentStanding: among the live, not
 * terminated contracts, an instalment unpaid (in part) past its due date is late by today − due; one settled late
 * counts (paid − due, a paid date after today as today) when it was paid on or after @paidLateFrom. An instalment
 * of 0 is never late.
 */
const paymentDelaySql = (ids?: readonly string[]) => `
  SELECT k.customer_id,
    CAST(max(CASE WHEN i.paid_amount_fen < i.due_amount_fen THEN julianday(@today) - julianday(i.due_on)
                  ELSE julianday(min(i.paid_on, @today)) - julianday(i.due_on) END) AS INTEGER)
  FROM contract_instalments i JOIN contracts k ON k.id = i.contract_id
  WHERE i.deleted_at IS NULL AND k.deleted_at IS NULL AND k.status <> 'terminated' AND i.due_amount_fen > 0 AND i.due_on < @today
    AND (i.paid_amount_fen < i.due_amount_fen OR (i.paid_on >= @paidLateFrom AND i.paid_on > i.due_on))${ONLY('k.customer_id', ids)}
  GROUP BY k.customer_id`;

type CustomerRow = [string, string | null, number, number, string | null, number, number, number | null, number | null, string | null, string | null];

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** The connection's prepared statement for `sql` (prepared once: a recompute of one customer runs after every write). */
function prepared(raw: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = raw.prepare(sql)));
  return statement;
}

function rowsOf<T>(raw: BetterSqlite3.Database, sql: string, params: Record<string, unknown>): T[] {
  return prepared(raw, sql).raw(true).all(params) as T[];
}

const monthBefore = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The three statements over everyone and their bound values, run as they are by bench:risk as its raw-SQL
 * baseline (the aggregation alone, rows to JS, nothing scored or written).
 */
export function healthFactsStatements(window: HealthFactsWindow): { sql: string; params: Record<string, unknown> }[] {
  const shift = `${window.offsetMinutes >= 0 ? '+' : ''}${Math.trunc(window.offsetMinutes)} minutes`;
  return [
    { sql: paymentDelaySql(), params: { today: window.today, paidLateFrom: window.paidLateFrom } },
    { sql: interactionsSql(), params: { interactionsFrom: window.interactionsFromInstant, shift } },
    // One page without a limit: the paged statement's plan (by id), all of it at once.
    { sql: customersSql(), params: { today: window.today, eventsFrom: window.eventsFrom, interactionsFrom: window.interactionsFromInstant, shift, after: '', page: -1 } },
  ];
}

/**
 * Customers read per page when everyone is read: bounded memory, and the scores written in id order between pages.
 * Small enough that a page's rows and scores die young: at 4,096 they outlived the young generation and the
 * collector's pauses took about 1.4 s of a cold run over 100k customers, at 512 about 0.5 s.
 */
export const HEALTH_FACTS_PAGE = 512;

/**
 * Hands `visit` the facts of each of `ids`, or of every live customer when undefined (deleted ones are left out),
 * one at a time; returns how many. Everyone is read in pages of HEALTH_FACTS_PAGE by id, and `afterPage` runs
 * after each (and once after a list of ids): there the caller may use the connection, to write what it gathered.
 * Holding 100k scored rows until the end cost more in garbage collection than the writes themselves.
 */
export async function scanHealthFacts(
  db: Db,
  x: Executor,
  window: HealthFactsWindow,
  ids: readonly string[] | undefined,
  visit: (row: HealthFactRow) => void,
  afterPage: () => void | Promise<void> = () => {},
  pageSize = HEALTH_FACTS_PAGE,
): Promise<number> {
  if (engineOf(x) === 'postgres') return scanOnPostgres(x, window, ids, visit, afterPage, pageSize);
  const raw = rawOf(db);
  const shift = `${window.offsetMinutes >= 0 ? '+' : ''}${Math.trunc(window.offsetMinutes)} minutes`;
  const base: Record<string, unknown> = ids === undefined ? {} : { ids: JSON.stringify(ids) };
  const delays = new Map<string, number>();
  for (const [id, days] of rowsOf<[string, number]>(raw, paymentDelaySql(ids), { ...base, today: window.today, paidLateFrom: window.paidLateFrom })) {
    delays.set(id, Math.max(0, days));
  }
  const interactions = new Map<string, PeriodValue[]>();
  for (const [id, month, n] of rowsOf<[string, string, number]>(raw, interactionsSql(ids), { ...base, interactionsFrom: window.interactionsFromInstant, shift })) {
    let list = interactions.get(id);
    if (!list) interactions.set(id, (list = []));
    list.push({ period: month, value: n });
  }
  const beforeWindow = monthBeforeWindow(window);
  const params = { ...base, today: window.today, eventsFrom: window.eventsFrom, interactionsFrom: window.interactionsFromInstant, shift };
  const statement = prepared(raw, customersSql(ids)).raw(true);
  let n = 0;
  const visitRows = async (rows: readonly CustomerRow[]) => {
    for (const [id, followUpSince, events, phones, usage, earlier, openComplaints, averageSatisfaction, storedScore, storedFactors, storedOn] of rows) {
      const counts = interactions.get(id) ?? [];
      // Interactions before the window: the series starts before it (a zero month), so the window's months all count.
      if (earlier === 1) counts.push({ period: beforeWindow, value: 0 });
      n++;
      visit({
        customerId: id,
        followUpSince,
        competitorEvents: events,
        phoneContacts: phones,
        usage:
          usage === null
            ? []
            : usage.split(',').map((pair) => {
                const at = pair.indexOf('=');
                return { period: pair.slice(0, at), value: Number(pair.slice(at + 1)) };
              }),
        interactions: counts,
        paymentDelayDays: delays.get(id) ?? 0,
        openComplaints,
        averageSatisfaction,
        storedScore,
        storedFactors,
        storedOn,
      });
    }
    await afterPage();
  };
  if (ids !== undefined) {
    await visitRows(statement.all(params) as CustomerRow[]);
    return n;
  }
  for (let after = ''; ; ) {
    const page = statement.all({ ...params, after, page: pageSize }) as CustomerRow[];
    if (page.length === 0) break;
    await visitRows(page);
    if (page.length < pageSize) break;
    after = page[page.length - 1]![0];
  }
  return n;
}


/** The month before the interaction window's first: a zero there says 咨询/工单 began before the window. */
function monthBeforeWindow(window: HealthFactsWindow): string {
  const start = new Date(Date.parse(window.interactionsFromInstant) + window.offsetMinutes * 60_000);
  return monthBefore(`${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`);
}

/** scanHealthFacts on PostgreSQL: the same rows from healthFactsPostgres.ts, handed over the same way. */
async function scanOnPostgres(
  x: Executor,
  window: HealthFactsWindow,
  ids: readonly string[] | undefined,
  visit: (row: HealthFactRow) => void,
  afterPage: () => void | Promise<void>,
  pageSize: number,
): Promise<number> {
  const { delays, interactions, customers } = await readHealthFactsOnPostgres(x, window, ids);
  const beforeWindow = monthBeforeWindow(window);
  let n = 0;
  const visitRows = async (rows: Awaited<ReturnType<typeof customers>>) => {
    for (const { earlier, ...row } of rows) {
      const counts = interactions.get(row.customerId) ?? [];
      if (earlier) counts.push({ period: beforeWindow, value: 0 });
      n++;
      visit({ ...row, interactions: counts, paymentDelayDays: delays.get(row.customerId) ?? 0 });
    }
    await afterPage();
  };
  if (ids !== undefined) {
    await visitRows(await customers());
    return n;
  }
  for (let after = ''; ; ) {
    const page = await customers(after, pageSize);
    if (page.length === 0) break;
    await visitRows(page);
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.customerId;
  }
  return n;
}

export interface HealthScoreRow {
  customerId: string;
  score: number;
  band: string;
  /** HealthFactorContribution[] as JSON. */
  factors: string;
  /** The stored score this one replaces, when it was computed in an earlier week: kept as that week's point. */
  left: { weekOf: string; score: number } | null;
}

/**
 * Writes scores (only rows that changed are handed in): the current row upserted, and the week's point of the score
 * it replaces when that was computed in an earlier week (customer_health_weeks holds the score a customer ended a
 * week with; weeks without a row carry the earlier one forward, and the current row stands for its own week on:
 * shared/domain/healthBands.ts weeklyPoints). So a week's first pass writes only the scores that moved. On prepared
 * statements of the raw connection inside the caller's transaction: the query builder's multi-row inserts spent
 * about a second of CPU compiling per 100k rows.
 */
export async function writeHealthScores(db: Db, x: Executor, rows: readonly HealthScoreRow[], computedAt: string): Promise<void> {
  if (engineOf(x) === 'postgres') return writeHealthScoresOnPostgres(x, rows, computedAt);
  const raw = rawOf(db);
  const current = prepared(
    raw,
    `INSERT INTO customer_health (customer_id, score, band, factors, computed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET score = excluded.score, band = excluded.band, factors = excluded.factors, computed_at = excluded.computed_at`,
  );
  const week = prepared(
    raw,
    `INSERT INTO customer_health_weeks (customer_id, week_of, score, band) VALUES (?, ?, ?, ?)
     ON CONFLICT (customer_id, week_of) DO UPDATE SET score = excluded.score, band = excluded.band`,
  );
  for (const r of rows) {
    current.run(r.customerId, r.score, r.band, r.factors, computedAt);
    if (r.left) week.run(r.customerId, r.left.weekOf, r.left.score, bandOf(r.left.score));
  }
}

/** Customers marked by the triggers of migration 0026. */
export async function markedHealthCustomers(db: Db, x: Executor): Promise<string[]> {
  if (engineOf(x) === 'postgres') return (await q(x).selectFrom('health_dirty').select('customer_id').execute()).map((r) => r.customer_id);
  return prepared(rawOf(db), 'SELECT customer_id FROM health_dirty').pluck().all() as string[];
}

/** Clears the marks of `ids` (every mark when undefined), and drops the current score of customers no longer live. */
export async function clearHealthMarks(db: Db, x: Executor, ids?: readonly string[], seen: MarksSeen = null): Promise<void> {
  if (engineOf(x) === 'postgres') return clearHealthMarksOnPostgres(x, ids, seen);
  const raw = rawOf(db);
  if (ids === undefined) {
    raw.prepare('DELETE FROM health_dirty').run();
    raw.prepare('DELETE FROM customer_health WHERE customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)').run();
    return;
  }
  const list = JSON.stringify(ids);
  prepared(raw, 'DELETE FROM health_dirty WHERE customer_id IN (SELECT value FROM json_each(?))').run(list);
  prepared(
    raw,`DELETE FROM customer_health WHERE customer_id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_health.customer_id AND c.deleted_at IS NULL)`,
  ).run(list);
}

/** Whether the archive has live customers but no stored score at all (never scored: it is scored whole once). */
export async function lacksAnyHealth(db: Db): Promise<boolean> {
  if (engineOf(db) === 'postgres') {
    const scored = await q(db).selectFrom('customer_health').select('customer_id').limit(1).executeTakeFirst();
    return scored === undefined && (await q(db).selectFrom('customers').select('id').where('deleted_at', 'is', null).limit(1).executeTakeFirst()) !== undefined;
  }
  const raw = rawOf(db);
  return (
    prepared(raw, 'SELECT 1 FROM customer_health LIMIT 1').get() === undefined &&
    prepared(raw, 'SELECT 1 FROM customers WHERE deleted_at IS NULL LIMIT 1').get() !== undefined
  );
}

export async function hasHealthMarks(db: Db): Promise<boolean> {
  if (engineOf(db) === 'postgres') return (await q(db).selectFrom('health_dirty').select('customer_id').limit(1).executeTakeFirst()) !== undefined;
  return prepared(rawOf(db), 'SELECT 1 FROM health_dirty LIMIT 1').get() !== undefined;
}

/**
 * The value a setting had before the audited write `batchId` made to it: `found` false when that batch did not
 * write the setting `key`; `before` null when the write created the setting (it had no value).
 */
export async function settingBeforeBatch(x: Executor, batchId: string, key: string): Promise<{ found: boolean; before: unknown }> {
  const rows = await q(x)
    .selectFrom('audit_log')
    .select(['entity', 'entity_id', 'before'])
    .where('batch_id', '=', batchId)
    .where('action', '<>', 'undone')
    .orderBy('id')
    .execute();
  const first = rows[0];
  if (!first || !rows.every((r) => r.entity === 'settings' && r.entity_id === key)) return { found: false, before: null };
  const image = first.before === null ? null : (JSON.parse(first.before) as { value?: string });
  return { found: true, before: typeof image?.value === 'string' ? (JSON.parse(image.value) as unknown) : null };
}
