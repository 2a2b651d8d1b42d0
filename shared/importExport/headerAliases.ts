// Header text → field, from the Chinese and English names real sheets use. Matching ignores case, spaces,
// punctuation and a trailing unit such as （元）.
import { isCustomTarget, isTargetOfKind } from './columnTargets.ts';
import { KIND_FIELDS, type ColumnTarget, type ImportField, type ImportKind } from './importFields.ts';

const COMMON_ALIASES: Partial<Record<ImportField, readonly string[]>> = {
  customerName: ['客户名称', '公司名称', '客户', '客户名', '单位名称', '企业名称', '客户全称', 'Customer', 'Company', 'Customer Name', 'Company Name'],
  contactName: ['联系人', '联系人姓名', '对接人', 'Contact', 'Contact Name'],
  contactTitle: ['职务', '职位', 'Title', 'Position', 'Job Title'],
  contactPhone: ['电话', '联系电话', '手机', '手机号', '手机号码', '电话号码', 'Phone', 'Mobile', 'Tel', 'Telephone'],
  contractNumber: ['合同编号', '合同号', '合同编码', 'Contract No', 'Contract Number', 'Contract #', 'Contract'],
  tier: ['客户等级', '等级', '客户级别', 'Tier', 'Level'],
  owner: ['负责人', '客户经理', '销售', '业务员', 'Owner', 'Account Manager'],
  // The customers sheet's last column (an export's); no other kind has it.
  tierReason: ['等级依据', 'Tier reason'],
};

const CONTRACT_ALIASES: Partial<Record<ImportField, readonly string[]>> = {
  signedOn: ['签订日期', '签约日期', '签订时间', '签约时间', 'Signed', 'Signed On', 'Sign Date', 'Signed Date'],
  startsOn: ['开始日期', '起始日期', '生效日期', '服务开始日期', 'Start Date', 'Starts On', 'Start'],
  endsOn: ['到期日期', '截止日期', '合同到期日', '到期日', '到期时间', '结束日期', 'End Date', 'Expiry', 'Expiry Date', 'Ends On'],
  amount: ['合同金额', '金额', '合同额', 'Amount', 'Contract Amount'],
  service: ['服务内容', '服务项目', '产品', 'Service', 'Product'],
  cycle: ['续费周期', '周期', '付费周期', 'Cycle', 'Billing Cycle'],
  notes: ['备注', '说明', 'Notes', 'Note', 'Remarks', 'Memo'],
  renewalStatus: ['续费状态', '续约状态', 'Renewal Status'],
  renewalDate: ['续费日期', '续约日期', 'Renewal Date', 'Renewed On'],
  // The only amount column of a sheet is the term's amount (see mapHeaders).
  renewalAmount: ['续费金额', '续约金额', 'Renewal Amount'],
  lostReason: ['流失原因', 'Lost Reason', 'Loss Reason'],
  remindOn: ['提醒日期', '提醒时间', 'Reminder Date', 'Remind On'],
};

const FOLLOW_UP_ALIASES: Partial<Record<ImportField, readonly string[]>> = {
  at: ['跟进时间', '跟进日期', '时间', '日期', 'Time', 'Date', 'Followed Up At', 'At'],
  channel: ['跟进方式', '方式', '渠道', 'Channel'],
  kind: ['跟进类型', '类型', 'Type', 'Kind'],
  summary: ['跟进内容', '内容', '跟进记录', '记录', '摘要', 'Summary', 'Content'],
  nextFollowUpOn: ['下次跟进日期', '下次跟进', '下次跟进时间', 'Next Follow-up', 'Next Follow Up', 'Next Followup'],
};

/** Header text reduced to what identifies it: no case, spaces, BOM, punctuation or trailing （元）/(RMB). */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .replace(/[\s_.:：*\-/]/g, '');
}

function aliasTable(kind: ImportKind): Map<string, ImportField> {
  const parts = kind === 'followups' ? [COMMON_ALIASES, FOLLOW_UP_ALIASES] : [COMMON_ALIASES, CONTRACT_ALIASES];
  const allowed = new Set<ImportField>(KIND_FIELDS[kind]);
  const table = new Map<string, ImportField>();
  for (const part of parts) {
    for (const [field, aliases] of Object.entries(part) as [ImportField, readonly string[]][]) {
      if (!allowed.has(field)) continue;
      for (const alias of aliases) table.set(normalizeHeader(alias), field);
    }
  }
  return table;
}

const TABLES: Record<ImportKind, Map<string, ImportField>> = {
  contracts: aliasTable('contracts'),
  customers: aliasTable('customers'),
  followups: aliasTable('followups'),
};

export function fieldForHeader(kind: ImportKind, header: string): ImportField | null {
  return TABLES[kind].get(normalizeHeader(header)) ?? null;
}

export interface HeaderMapping {
  /** One target per column, by position. */
  columns: ColumnTarget[];
  /** Headers of columns that go nowhere: unknown, empty, or a second column for the same field. */
  ignoredColumns: string[];
  /** A later column whose field an earlier column already took; the first column wins. */
  duplicateColumns: { index: number; header: string; field: ImportField; keptIndex: number }[];
}

/** A choice that wins over the aliases: by column position (the wizard) or by header text (a preset). */
export type ColumnOverride = (index: number, normalizedHeader: string) => ColumnTarget | undefined;

export function overridesByHeader(columns: ReadonlyMap<string, ColumnTarget>): ColumnOverride {
  return (_index, key) => (columns.has(key) ? (columns.get(key) ?? null) : undefined);
}

export function overridesByIndex(columns: readonly ColumnTarget[]): ColumnOverride {
  return (index) => (index < columns.length ? (columns[index] ?? null) : undefined);
}

/** Maps headers to fields; `override` wins over the aliases. A field mapped twice keeps its first column. */
export function mapHeaders(kind: ImportKind, headers: readonly string[], override: ColumnOverride = () => undefined): HeaderMapping {
  const columns: ColumnTarget[] = [];
  const ignoredColumns: string[] = [];
  const duplicateColumns: HeaderMapping['duplicateColumns'] = [];
  const taken = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    const chosen = override(index, key);
    let target: ColumnTarget = chosen !== undefined ? chosen : fieldForHeader(kind, header);
    if (!isTargetOfKind(kind, target)) target = null;
    if (target !== null && key === '' && chosen === undefined) target = null;
    if (target !== null) {
      const kept = taken.get(target);
      if (kept !== undefined) {
        if (!isCustomTarget(target)) duplicateColumns.push({ index, header, field: target, keptIndex: kept });
        target = null;
      } else {
        taken.set(target, index);
      }
    }
    columns.push(target);
  });
  // 续费金额 beside 合同金额 is the renewal amount; as a sheet's only amount column it is the term's amount.
  const renewalAmountAt = columns.indexOf('renewalAmount');
  if (kind === 'contracts' && renewalAmountAt >= 0 && !taken.has('amount') && override(renewalAmountAt, normalizeHeader(headers[renewalAmountAt] ?? '')) === undefined) {
    columns[renewalAmountAt] = 'amount';
  }
  headers.forEach((header, index) => {
    if (columns[index] === null) ignoredColumns.push(header.trim());
  });
  return { columns, ignoredColumns, duplicateColumns };
}

/** The kind a file most likely is, from which fields its headers name. */
export function proposeKind(headers: readonly string[]): ImportKind {
  const fields = (kind: ImportKind) => new Set(headers.map((h) => fieldForHeader(kind, h)).filter((f) => f !== null));
  const asContracts = fields('contracts');
  const asFollowUps = fields('followups');
  if (asFollowUps.has('summary') && (asFollowUps.has('at') || !asContracts.has('endsOn'))) return 'followups';
  const contractOnly: ImportField[] = [
    'contractNumber', 'signedOn', 'startsOn', 'endsOn', 'amount', 'service', 'cycle',
    'renewalStatus', 'renewalDate', 'renewalAmount', 'lostReason', 'remindOn',
  ];
  if (contractOnly.some((f) => asContracts.has(f))) return 'contracts';
  return 'customers';
}
