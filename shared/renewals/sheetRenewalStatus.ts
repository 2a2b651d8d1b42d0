import type { RenewalStage } from '../domain/enums.ts';
import type { Locale } from '../i18n/locale.ts';

// The 续费状态 column of the user's Excel sheet, mapped to pipeline stages as DESIGN.md says:
// 已续费 → renewed; 续费中 → negotiating; 未续费 → pending, or lost once the user marks it so.
export const SHEET_RENEWAL_STATUSES = ['已续费', '续费中', '未续费'] as const;
export type SheetRenewalStatus = (typeof SHEET_RENEWAL_STATUSES)[number];

export function stageFromSheetStatus(status: SheetRenewalStatus, markedLost = false): RenewalStage {
  if (status === '已续费') return 'renewed';
  if (status === '续费中') return 'negotiating';
  return markedLost ? 'lost' : 'pending';
}

/** What the sheet would say for a stage: contacted and negotiating are both still 续费中. */
export function sheetStatusOfStage(stage: RenewalStage): SheetRenewalStatus {
  if (stage === 'renewed') return '已续费';
  if (stage === 'contacted' || stage === 'negotiating') return '续费中';
  return '未续费';
}

/** Stages after which no reminder step fires any more. */
export function isDecidedStage(stage: RenewalStage): boolean {
  return stage === 'renewed' || stage === 'lost';
}

export const DEFAULT_LOST_REASONS = ['价格', '竞品', '需求变化', '服务不满', '其他'] as const;
const DEFAULT_LOST_REASONS_EN = ['Price', 'Competitor', 'Needs changed', 'Unhappy with service', 'Other'] as const;

/** The lost reasons offered until the user edits the list: in the archive's language. */
export function defaultLostReasons(locale: Locale): readonly string[] {
  return locale === 'zh-CN' ? DEFAULT_LOST_REASONS : DEFAULT_LOST_REASONS_EN;
}
