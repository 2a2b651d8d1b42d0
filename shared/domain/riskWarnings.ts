// The 90-day warning workflow's vocabulary (issue 13) and the effectiveness review's arithmetic. The labels are the
// catalogue's (shared/i18n/*/risk.ts); these are the stored codes.

export const WARNING_STATUSES = ['new', 'inProgress', 'resolved', 'churned'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const OPEN_WARNING_STATUSES: readonly WarningStatus[] = ['new', 'inProgress'];

/** Fixed role labels, not accounts: 客户经理, 数据分析, 风险管理. */
export const WARNING_ROLES = ['accountManager', 'dataAnalyst', 'riskManager'] as const;
export type WarningRole = (typeof WARNING_ROLES)[number];

/** 回访, 优惠方案, 分期付款, 高层拜访, or free text ('other', its text required). */
export const WARNING_ACTION_KINDS = ['revisit', 'offer', 'instalments', 'executiveVisit', 'other'] as const;
export type WarningActionKind = (typeof WARNING_ACTION_KINDS)[number];

export type CloseReason = 'auto' | 'manual';

/** The 风险预警 list's window in days when none was chosen. */
export const DEFAULT_RISK_WINDOW_DAYS = 90;

/** The status a known outcome closes an open warning with: renewed → 已解除, lost → 已流失. */
export function statusForOutcome(outcome: 'renewed' | 'lost'): WarningStatus {
  return outcome === 'renewed' ? 'resolved' : 'churned';
}

/** A decided term in the review's period: its outcome, whether a warning was published on it, its amount. */
export interface ReviewedTerm {
  outcome: 'renewed' | 'lost';
  warned: boolean;
  amountFen: number | null;
}

export interface ReviewFigures {
  decided: number;
  lost: number;
  renewed: number;
  warned: number;
  warnedLost: number;
  /** Warned and renewed: the terms the warning may have saved, reported apart. */
  saved: number;
  savedAmountFen: number;
  /** warned and lost ÷ warned; null when nothing was warned. */
  precision: number | null;
  /** warned and lost ÷ lost; null when nothing was lost. */
  recall: number | null;
}

export function reviewFigures(terms: readonly ReviewedTerm[]): ReviewFigures {
  let lost = 0;
  let warned = 0;
  let warnedLost = 0;
  let saved = 0;
  let savedAmountFen = 0;
  for (const t of terms) {
    if (t.outcome === 'lost') lost += 1;
    if (!t.warned) continue;
    warned += 1;
    if (t.outcome === 'lost') warnedLost += 1;
    else {
      saved += 1;
      savedAmountFen += t.amountFen ?? 0;
    }
  }
  return {
    decided: terms.length,
    lost,
    renewed: terms.length - lost,
    warned,
    warnedLost,
    saved,
    savedAmountFen,
    precision: warned === 0 ? null : warnedLost / warned,
    recall: lost === 0 ? null : warnedLost / lost,
  };
}
