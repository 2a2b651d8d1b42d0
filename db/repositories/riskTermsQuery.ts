// The terms the risk warnings work on (issue 13): the 风险预警 list's candidates (terms ending within the window whose
// customer is 关注 or 高危), a contract's facts for publishing, the warnings out of step with their term's outcome
// (marked by migration 0027's triggers) and the review's decided terms. A term's outcome is report_terms.outcome
// (migration 0013: the renewal record's renewed/lost, else renewed when a successor exists), so the list, the
// auto-close and the review share one definition with the reports.
import { sql } from 'kysely';
import { storedFactorsOn, type HealthBand, type HealthFactorContribution } from '../../shared/domain/healthBands.ts';
import type { WarningStatus } from '../../shared/domain/riskWarnings.ts';
import { engineOf, q, type Executor, type Tx } from '../handle.ts';
import { clearSeenMarks, type MarksSeen } from './dirtyMarkSnapshot.ts';

export interface RiskCandidateRow {
  contractId: string;
  contractNo: string;
  customerId: string;
  customerName: string;
  endsOn: string;
  amountFen: number | null;
  score: number;
  band: HealthBand;
  factors: HealthFactorContribution[];
  warningId: string | null;
  warningStatus: WarningStatus | null;
}

/**
 * The 风险预警 list: open terms (report_terms.open: status 'active', undecided) ending from `today` to `until`, whose
 * customer's band is 关注 or 高危. report_terms is kept by triggers outside the typed schema, so these are raw SQL.
 */
const candidatesFrom = (today: string, until: string, withWarning = sql``) => sql`FROM report_terms t
  JOIN contracts k ON k.id = t.contract_id
  JOIN customers c ON c.id = k.customer_id
  JOIN customer_health h ON h.customer_id = k.customer_id
  ${withWarning}
  WHERE t.open = 1 AND t.ends_on >= ${today} AND t.ends_on <= ${until}
    AND h.band IN ('watch', 'danger') AND c.archived_at IS NULL`;

interface CandidateSqlRow {
  contract_id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  ends_on: string;
  amount_fen: number | null;
  score: number;
  band: string;
  factors: string;
  warning_id: string | null;
  warning_status: string | null;
}

/** By amount at risk (unknown amounts last), then end date. */
export async function listRiskCandidates(x: Executor, today: string, until: string): Promise<RiskCandidateRow[]> {
  const result = await sql<CandidateSqlRow>`SELECT k.id AS contract_id, k.number, c.id AS customer_id, c.name AS customer_name,
      t.ends_on, t.amount_fen, h.score, h.band, h.factors, w.id AS warning_id, w.status AS warning_status
    ${candidatesFrom(today, until, sql`LEFT JOIN risk_warnings w ON w.contract_id = k.id AND w.deleted_at IS NULL AND w.closed_on IS NULL`)}
    ORDER BY t.amount_fen IS NULL, t.amount_fen DESC, t.ends_on, k.number, k.id`
    .execute(q(x))
    .then((r) => r.rows);
  return result.map((r) => ({
    contractId: r.contract_id,
    contractNo: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    endsOn: r.ends_on,
    amountFen: r.amount_fen,
    score: r.score,
    band: r.band as HealthBand,
    factors: storedFactorsOn(r.factors, today),
    warningId: r.warning_id,
    warningStatus: r.warning_status as WarningStatus | null,
  }));
}

/** The same terms counted and summed in SQL: the 首页 card's figures. */
export async function riskCandidateTotals(x: Executor, today: string, until: string): Promise<{ count: number; amountFen: number }> {
  const result = await sql<{ n: number; amount: number }>`SELECT count(*) AS n, coalesce(sum(t.amount_fen), 0) AS amount
    ${candidatesFrom(today, until)}`.execute(q(x));
  const row = result.rows[0];
  return { count: Number(row?.n ?? 0), amountFen: Number(row?.amount ?? 0) };
}

/** A live contract's customer, that customer's current health (null before any; day counts as of `today`) and the term's outcome. */
export async function contractRiskFacts(x: Executor, contractId: string, today: string) {
  const result = await sql<{ customer_id: string; score: number | null; band: string | null; factors: string | null; outcome: string | null }>`
    SELECT k.customer_id, h.score, h.band, h.factors, t.outcome
    FROM contracts k
    LEFT JOIN customer_health h ON h.customer_id = k.customer_id
    LEFT JOIN report_terms t ON t.contract_id = k.id
    WHERE k.id = ${contractId} AND k.deleted_at IS NULL`.execute(q(x));
  const r = result.rows[0];
  if (!r) return undefined;
  return {
    customerId: r.customer_id,
    score: r.score,
    band: r.band as HealthBand | null,
    factors: r.factors ? storedFactorsOn(r.factors, today) : [],
    outcome: r.outcome,
  };
}

/**
 * Warnings out of step with their term's outcome, among the terms marked by the report_terms triggers (migration
 * 0027): open ones whose term is now renewed or lost, and auto-closed ones whose outcome went away (an undo) or
 * changed. Empty, and one read of an empty table, after almost every write.
 */
export async function warningsOutOfStep(x: Executor): Promise<{ id: string; status: WarningStatus; outcome: string | null; hasActions: boolean }[]> {
  // SQLite's CROSS JOIN keeps the marks table (small, usually empty) outer; PostgreSQL has no CROSS JOIN … ON and
  // plans the join by its statistics.
  const join = engineOf(x) === 'postgres' ? sql`JOIN` : sql`CROSS JOIN`;
  const result = await sql<{ id: string; status: string; outcome: string | null; has_actions: number | boolean }>`
    SELECT w.id, w.status, t.outcome,
      EXISTS (SELECT 1 FROM risk_warning_actions a WHERE a.warning_id = w.id AND a.deleted_at IS NULL) AS has_actions
    FROM risk_outcome_dirty d
    ${join} risk_warnings w ON w.contract_id = d.contract_id
    LEFT JOIN report_terms t ON t.contract_id = w.contract_id
    WHERE w.deleted_at IS NULL AND (
      (w.closed_on IS NULL AND t.outcome IN ('renewed', 'lost'))
      OR (w.close_reason = 'auto' AND (t.outcome IS NULL OR t.outcome NOT IN ('renewed', 'lost')
        OR (t.outcome = 'renewed' AND w.status <> 'resolved') OR (t.outcome = 'lost' AND w.status <> 'churned'))))`.execute(q(x));
  return result.rows.map((r) => ({ id: r.id, status: r.status as WarningStatus, outcome: r.outcome, hasActions: Boolean(r.has_actions) }));
}

/** Whether any term was marked since the last sync (the common answer: no). */
export async function anyOutcomeMarked(x: Executor): Promise<boolean> {
  return (await q(x).selectFrom('risk_outcome_dirty').select('contract_id').limit(1).executeTakeFirst()) !== undefined;
}

/** Forgets the marks the sync saw (every one when `seen` is null), once it has brought their warnings in step. */
export async function clearOutcomeMarks(tx: Tx, seen: MarksSeen = null): Promise<void> {
  if (seen !== null) return clearSeenMarks(tx, 'risk_outcome_dirty', seen);
  await q(tx).deleteFrom('risk_outcome_dirty').execute();
}

export interface ReviewedTermRow {
  contractId: string;
  contractNo: string;
  customerName: string;
  endsOn: string;
  outcome: 'renewed' | 'lost';
  amountFen: number | null;
  /** The latest warning published on the term, if any. */
  warningStatus: WarningStatus | null;
}

/**
 * The decided terms ending in [from, to], each with its latest warning's status (null: never warned); `ownerId`
 * (owner scoping): only the terms of that owner's customers, the statement otherwise unchanged.
 */
export async function reviewedTerms(x: Executor, from: string, to: string, ownerId?: string): Promise<ReviewedTermRow[]> {
  const ofOwner = ownerId === undefined ? sql`` : sql`AND c.owner_id = ${ownerId}`;
  const result = await sql<{ contract_id: string; number: string; customer_name: string; ends_on: string; outcome: string; amount_fen: number | null; warning_status: string | null }>`
    SELECT t.contract_id, k.number, c.name AS customer_name, t.ends_on, t.outcome, t.amount_fen,
      (SELECT w.status FROM risk_warnings w WHERE w.contract_id = t.contract_id AND w.deleted_at IS NULL
        ORDER BY w.published_on DESC, w.id DESC LIMIT 1) AS warning_status
    FROM report_terms t
    JOIN contracts k ON k.id = t.contract_id
    JOIN customers c ON c.id = k.customer_id
    WHERE t.outcome IN ('renewed', 'lost') AND t.ends_on >= ${from} AND t.ends_on <= ${to} ${ofOwner}
    ORDER BY t.ends_on, k.number, t.contract_id`.execute(q(x));
  return result.rows.map((r) => ({
    contractId: r.contract_id,
    contractNo: r.number,
    customerName: r.customer_name,
    endsOn: r.ends_on,
    outcome: r.outcome as 'renewed' | 'lost',
    amountFen: r.amount_fen,
    warningStatus: r.warning_status as WarningStatus | null,
  }));
}
