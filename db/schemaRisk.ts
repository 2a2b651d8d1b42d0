// Issue 13's tables (migrations 0023–0027): signals, instalments, the health score and the risk warnings. Part of
// db/schema.ts's Database, kept apart so that file stays readable.
import type { SoftDeleted } from './schema.ts';

/** A customer's usage figure for one period (migration 0023): one live row per customer, period kind and start. */
export interface UsageFiguresTable extends SoftDeleted {
  id: string;
  customer_id: string;
  period_kind: string;
  period_start: string;
  value: number;
  unit: string;
}

/** A competitor event (migration 0023): 竞品报价, 竞品上线新版本… per customer and date. */
export interface CompetitorEventsTable extends SoftDeleted {
  id: string;
  customer_id: string;
  contract_id: string | null;
  on_date: string;
  text: string;
}

/** A contract's instalment (migration 0024): due and paid amounts in fen; paid_on is the latest payment's date. */
export interface ContractInstalmentsTable extends SoftDeleted {
  id: string;
  contract_id: string;
  due_on: string;
  due_amount_fen: number;
  paid_amount_fen: number;
  paid_on: string | null;
  invoice_no: string | null;
  invoice_on: string | null;
  note: string | null;
}

/** Customers whose health score waits for a recompute (migration 0026, filled by triggers). */
export interface HealthDirtyTable {
  customer_id: string;
}

export interface CustomerHealthTable {
  customer_id: string;
  score: number;
  band: string;
  /** JSON: HealthFactorContribution[] (shared/domain/healthBands.ts). */
  factors: string;
  computed_at: string;
}

export interface CustomerHealthWeeksTable {
  customer_id: string;
  /** The week's Monday, 'YYYY-MM-DD'. */
  week_of: string;
  score: number;
  band: string;
}

/** A published renewal risk warning (migration 0027). */
export interface RiskWarningsTable extends SoftDeleted {
  id: string;
  contract_id: string;
  customer_id: string;
  status: string;
  role: string;
  owner_id: string;
  score: number;
  band: string;
  /** JSON: HealthFactorContribution[] at publishing. */
  factors: string;
  published_on: string;
  closed_on: string | null;
  close_reason: string | null;
  note: string | null;
}

/** One action of a warning's response plan (migration 0027). */
export interface RiskWarningActionsTable extends SoftDeleted {
  id: string;
  warning_id: string;
  kind: string;
  text: string | null;
  owner_id: string;
  due_on: string;
  done_on: string | null;
  follow_up_id: string | null;
}
