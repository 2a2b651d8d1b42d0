// What an import sheet can hold, per kind, and the canonical headers an export writes.
import type { Cycle, FollowUpChannel, FollowUpKind, RenewalStage, Tier } from '../domain/enums.ts';
import type { Message } from '../i18n/message.ts';

export const IMPORT_KINDS = ['contracts', 'customers', 'followups'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_FIELDS = [
  'customerName',
  'contactName',
  'contactTitle',
  'contactPhone',
  'contractNumber',
  'signedOn',
  'startsOn',
  'endsOn',
  'amount',
  'service',
  'cycle',
  'tier',
  'owner',
  'renewalStatus',
  'renewalDate',
  'renewalAmount',
  'lostReason',
  'remindOn',
  'notes',
  'at',
  'channel',
  'kind',
  'summary',
  'nextFollowUpOn',
  'tierReason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A column goes to a field, to a customer custom field (`custom:行业`), or nowhere (null). */
export type ColumnTarget = ImportField | `custom:${string}` | null;
export const CUSTOM_PREFIX = 'custom:';

/** Fields in export order; the contract sheet is the renewal sheet owners keep in Excel. */
export const KIND_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  contracts: [
    'customerName',
    'contactName',
    'contactTitle',
    'contactPhone',
    'contractNumber',
    'signedOn',
    'startsOn',
    'endsOn',
    'amount',
    'service',
    'cycle',
    'tier',
    'owner',
    'renewalStatus',
    'renewalDate',
    'renewalAmount',
    'lostReason',
    'remindOn',
    'notes',
  ],
  // 等级依据 last: the reason of the tier, worded (issue 12); read back on import (customerTierStanding).
  customers: ['customerName', 'contactName', 'contactTitle', 'contactPhone', 'tier', 'owner', 'notes', 'tierReason'],
  followups: ['customerName', 'contractNumber', 'at', 'channel', 'kind', 'summary', 'nextFollowUpOn', 'owner'],
};

/** Columns a file must have for its kind; without them no row could be valid. */
export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  contracts: ['customerName', 'endsOn'],
  customers: ['customerName'],
  followups: ['customerName', 'at', 'summary'],
};

export const FIELD_HEADERS: Record<ImportField, { zh: string; en: string }> = {
  customerName: { zh: '客户名称', en: 'Customer' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactTitle: { zh: '职务', en: 'Title' },
  contactPhone: { zh: '电话', en: 'Phone' },
  contractNumber: { zh: '合同编号', en: 'Contract No' },
  signedOn: { zh: '签订日期', en: 'Signed' },
  startsOn: { zh: '开始日期', en: 'Start Date' },
  endsOn: { zh: '到期日期', en: 'End Date' },
  amount: { zh: '合同金额', en: 'Amount' },
  service: { zh: '服务内容', en: 'Service' },
  cycle: { zh: '续费周期', en: 'Cycle' },
  tier: { zh: '客户等级', en: 'Tier' },
  owner: { zh: '负责人', en: 'Owner' },
  renewalStatus: { zh: '续费状态', en: 'Renewal Status' },
  renewalDate: { zh: '续费日期', en: 'Renewal Date' },
  renewalAmount: { zh: '续费金额', en: 'Renewal Amount' },
  lostReason: { zh: '流失原因', en: 'Lost Reason' },
  remindOn: { zh: '提醒日期', en: 'Reminder Date' },
  notes: { zh: '备注', en: 'Notes' },
  at: { zh: '跟进时间', en: 'Time' },
  channel: { zh: '跟进方式', en: 'Channel' },
  kind: { zh: '跟进类型', en: 'Type' },
  summary: { zh: '跟进内容', en: 'Summary' },
  nextFollowUpOn: { zh: '下次跟进日期', en: 'Next Follow-up' },
  tierReason: { zh: '等级依据', en: 'Tier reason' },
};

export type HeaderLanguage = 'zh' | 'en';

export function canonicalHeaders(kind: ImportKind, language: HeaderLanguage): string[] {
  return KIND_FIELDS[kind].map((f) => FIELD_HEADERS[f][language]);
}

/** Longest text each field accepts; the same limits as the forms, so an imported row stays editable. */
export const FIELD_MAX_LENGTH: Partial<Record<ImportField, number>> = {
  customerName: 200,
  contactName: 50,
  contactTitle: 50,
  contactPhone: 50,
  contractNumber: 64,
  service: 500,
  owner: 100,
  // A reason label (50) and a note (1000), as 续约 takes them, with the colon between.
  lostReason: 1051,
  notes: 5000,
  summary: 5000,
  tierReason: 500,
};
export const CUSTOM_FIELD_MAX_LENGTH = 500;

export interface CustomerValues {
  name: string;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  tier: Tier | null;
  owner: string | null;
  /** Customer notes; only the customers sheet carries them (the renewal sheet's 备注 belongs to the contract). */
  notes: string | null;
  /** 等级依据 as the customers sheet gives it (an export's last column); null elsewhere or blank. */
  tierReason: string | null;
  customFields: Record<string, string>;
}

export interface ContractValues {
  number: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
  service: string | null;
  cycle: Cycle | null;
  /** 提醒日期: a one-off reminder date on top of the ladder. */
  remindOn: string | null;
  notes: string | null;
}

/**
 * The sheet's renewal record of a term (续费状态/续费日期/续费金额/流失原因); null fields were blank. `amountFen` is
 * only ever the renewal amount: a sheet whose only amount column is 续费金额 gives the term's amount instead.
 */
export interface RenewalValues {
  stage: RenewalStage | null;
  outcomeOn: string | null;
  amountFen: number | null;
  lostReason: string | null;
  lostNote: string | null;
}

export interface FollowUpValues {
  contractNumber: string | null;
  /** ISO instant (UTC). */
  at: string;
  channel: FollowUpChannel | null;
  kind: FollowUpKind | null;
  summary: string;
  nextFollowUpOn: string | null;
  owner: string | null;
}

export interface CellIssue {
  /** 1-based physical line where the record starts (the sheet row number for .xlsx). */
  line: number;
  /** The source header text, or null when the whole row is meant. */
  column: string | null;
  message: Message;
}
