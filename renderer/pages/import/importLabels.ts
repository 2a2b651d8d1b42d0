import type { ImportBatch } from '../../../shared/api/import.contract.ts';
import type { MessageKey, Translate } from '../../../shared/i18n/createTranslator.ts';
import { CUSTOM_PREFIX, KIND_FIELDS, type ImportField, type ImportKind } from '../../../shared/importExport/importFields.ts';

export const KIND_LABELS: Record<ImportKind, MessageKey> = {
  contracts: 'import.kindContracts',
  customers: 'import.kindCustomers',
  followups: 'import.kindFollowups',
};

/** An import history row's kind: the wizard's sheets, and the usage sheet (`import --kind usage`). */
export const BATCH_KIND_LABELS: Record<ImportBatch['kind'], MessageKey> = { ...KIND_LABELS, usage: 'import.kindUsage' };

/** An encoding as the reader names it, in words a user recognises; unknown names are shown as they are. */
export function encodingLabel(t: Translate, encoding: string | null): string {
  if (encoding === 'utf8') return 'UTF-8';
  if (encoding === 'gb18030') return t('import.encodingGbk');
  if (encoding === 'utf16le') return t('import.encodingUtf16');
  if (encoding === 'utf16be') return 'UTF-16 BE';
  return encoding ?? '';
}

/** An encoding's short name, for buttons and notes (the same in both languages). */
export function encodingName(encoding: string | null): string {
  if (encoding === 'utf8') return 'UTF-8';
  if (encoding === 'gb18030') return 'GBK / GB18030';
  return encoding ?? '';
}

const FIELD_LABELS: Record<ImportField, MessageKey> = {
  customerName: 'field.customerName',
  contactName: 'field.contactName',
  contactTitle: 'field.contactTitle',
  contactPhone: 'field.contactPhone',
  contractNumber: 'field.contractNumber',
  signedOn: 'field.signedOn',
  startsOn: 'field.startsOn',
  endsOn: 'field.endsOn',
  amount: 'field.amount',
  service: 'field.service',
  cycle: 'field.cycle',
  tier: 'field.tier',
  owner: 'field.owner',
  renewalStatus: 'field.renewalStatus',
  renewalDate: 'field.renewalDate',
  renewalAmount: 'field.renewalAmount',
  lostReason: 'field.lostReason',
  remindOn: 'field.remindOn',
  notes: 'field.notes',
  at: 'field.at',
  channel: 'field.channel',
  kind: 'field.kind',
  summary: 'field.summary',
  nextFollowUpOn: 'field.nextFollowUpOn',
  tierReason: 'field.tierReason',
};

/** What a column can be imported as, in the UI's language. */
export function fieldLabel(t: Translate, field: ImportField): string {
  return t(FIELD_LABELS[field]);
}

/** The select value for "ignore this column" (antd options need a string). */
export const IGNORE = '';

/** Targets a column can go to for a kind: its fields, a customer custom field named after the header, or nothing. */
export function columnOptions(t: Translate, kind: ImportKind, header: string) {
  const fields = KIND_FIELDS[kind].map((f) => ({ value: f, label: fieldLabel(t, f) }));
  const custom =
    kind === 'followups' || header.trim() === ''
      ? []
      : [{ value: `${CUSTOM_PREFIX}${header.trim()}`, label: t('import.customField', { name: header.trim() }) }];
  return [...fields, ...custom, { value: IGNORE, label: t('import.ignore') }];
}
