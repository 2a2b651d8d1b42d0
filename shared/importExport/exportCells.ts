// Export rows as typed cells, in the canonical column order. The CSV writer turns them into text (dates
// YYYY-MM-DD, amounts 12800.00, cycles 月/季/半年/年/一次性); the .xlsx writer into real date and number cells.
import type { Cycle, FollowUpChannel, FollowUpKind, RenewalStage, Tier } from '../domain/enums.ts';
import { fenToYuanString } from '../domain/money.ts';
import { cycleLabels, followUpChannelLabels, followUpKindLabels, labelOf, renewalStageLabels, tierLabels } from '../i18n/enumLabels.ts';
import type { Locale } from '../i18n/enumLabels.ts';
import { tierReasonText } from '../tiers/tierReason.ts';
import { joinLostReason } from './normalizeEnums.ts';

export type ExportCell = string | null | { date: string } | { dateTime: string } | { amountFen: number };

export interface ContractSheetRecord {
  customerName: string;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  number: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
  service: string | null;
  /** null: unknown, exported as an empty cell. */
  cycle: string | null;
  tier: string;
  ownerName: string | null;
  /** The renewal record's stage; null when the term has none (待跟进). */
  stage: string | null;
  renewalOn: string | null;
  renewalAmountFen: number | null;
  lostReason: string | null;
  lostNote: string | null;
  remindOn: string | null;
  notes: string | null;
}

export type CustomerSheetRecord = Pick<
  ContractSheetRecord,
  'customerName' | 'contactName' | 'contactTitle' | 'contactPhone' | 'tier' | 'ownerName' | 'notes'
> & {
  /** customers.tier_pinned and tier_reason: worded as the 等级依据 column. */
  tierPinned: string | null;
  tierReason: string | null;
};

/** 续费状态 as the export writes it: the stage label, 待跟进 for a term with no record (已到期 history too). */
export const stageCell = (stage: string | null): string => labelOf(renewalStageLabels, (stage ?? 'pending') as RenewalStage);

export interface FollowUpSheetRecord {
  customerName: string;
  contractNumber: string | null;
  /** ISO instant. */
  at: string;
  channel: string;
  kind: string;
  summary: string;
  nextFollowUpOn: string | null;
  ownerName: string | null;
}

const date = (d: string | null): ExportCell => (d === null ? null : { date: d });
// An unknown 续费周期 stays blank: importing the blank back keeps it unknown, so the round trip is exact.
const cycleCell = (c: string | null): ExportCell => (c === null ? null : labelOf(cycleLabels, c as Cycle));
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the local wall-clock time, to the second: what the sheet shows and the importer reads back. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A tier's cell: its name as the sheet writes it (zh-CN for the built-ins, what the import reads back). The
 *  exporters pass the tier table's names (custom tiers, renamed built-ins); the catalogue's when not given. */
export type TierCellLabel = (code: Tier) => string;
const catalogueTierLabel: TierCellLabel = (code) => labelOf(tierLabels, code);

export function contractCells(r: ContractSheetRecord, tierLabel: TierCellLabel = catalogueTierLabel): ExportCell[] {
  return [
    r.customerName,
    r.contactName,
    r.contactTitle,
    r.contactPhone,
    r.number,
    date(r.signedOn),
    date(r.startsOn),
    date(r.endsOn),
    r.amountFen === null ? null : { amountFen: r.amountFen },
    r.service,
    cycleCell(r.cycle),
    tierLabel(r.tier),
    r.ownerName,
    stageCell(r.stage),
    date(r.renewalOn),
    r.renewalAmountFen === null ? null : { amountFen: r.renewalAmountFen },
    joinLostReason(r.lostReason, r.lostNote),
    date(r.remindOn),
    r.notes,
  ];
}

/** `locale`: the export's language, which the 等级依据 column is worded in. */
export function customerCells(r: CustomerSheetRecord, locale: Locale, tierLabel: TierCellLabel = catalogueTierLabel): ExportCell[] {
  const reason = tierReasonText(r.tierReason, r.tierPinned, locale);
  return [r.customerName, r.contactName, r.contactTitle, r.contactPhone, tierLabel(r.tier), r.ownerName, r.notes, reason === '' ? null : reason];
}

export function followUpCells(r: FollowUpSheetRecord): ExportCell[] {
  return [
    r.customerName,
    r.contractNumber,
    { dateTime: localDateTime(r.at) },
    labelOf(followUpChannelLabels, r.channel as FollowUpChannel),
    labelOf(followUpKindLabels, r.kind as FollowUpKind),
    r.summary,
    date(r.nextFollowUpOn),
    r.ownerName,
  ];
}

export interface RenewalSheetRecord {
  customerName: string;
  contractNo: string;
  endsOn: string;
  daysLeft: number;
  amountFen: number | null;
  cycle: string | null;
  tier: string;
  ownerName: string | null;
  stage: string;
  lostReason: string | null;
  lostNote: string | null;
}

/** Worksheet and download names, in the header language like the headers. */
export const SHEET_NAMES = {
  contracts: { zh: '合同', en: 'Contracts' },
  customers: { zh: '客户', en: 'Customers' },
  followups: { zh: '跟进记录', en: 'Follow-ups' },
  renewals: { zh: '续约', en: 'Renewals' },
} as const;

/** The renewal list is an export only (a report); 续费状态 and 流失原因 are worded as in the contract export. */
export const RENEWAL_HEADERS = {
  zh: ['客户名称', '合同编号', '到期日期', '剩余天数', '合同金额', '续费周期', '客户等级', '负责人', '续费状态', '流失原因'],
  en: ['Customer', 'Contract No', 'End Date', 'Days Left', 'Amount', 'Cycle', 'Tier', 'Owner', 'Renewal Status', 'Lost Reason'],
} as const;

export function renewalCells(r: RenewalSheetRecord, tierLabel: TierCellLabel = catalogueTierLabel): ExportCell[] {
  return [
    r.customerName,
    r.contractNo,
    { date: r.endsOn },
    String(r.daysLeft),
    r.amountFen === null ? null : { amountFen: r.amountFen },
    cycleCell(r.cycle),
    tierLabel(r.tier),
    r.ownerName,
    stageCell(r.stage),
    joinLostReason(r.lostReason, r.lostNote),
  ];
}

/** The text a CSV cell holds. */
export function cellToText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('date' in cell) return cell.date;
  if ('dateTime' in cell) return cell.dateTime;
  return fenToYuanString(cell.amountFen);
}
