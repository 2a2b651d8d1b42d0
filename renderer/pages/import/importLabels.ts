import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import type { MessageKey, Translate } from '../../../shared/i18n/createTranslator.ts';
import { CUSTOM_PREFIX, FIELD_HEADERS, KIND_FIELDS, type ImportField, type ImportKind } from '../../../shared/importExport/importFields.ts';

export const KIND_LABELS: Record<ImportKind, MessageKey> = {
  contracts: 'import.kindContracts',
  customers: 'import.kindCustomers',
  followups: 'import.kindFollowups',
};

/** An encoding as the reader names it, in words a user recognises; unknown names are shown as they are. */
export function encodingLabel(t: Translate, encoding: string | null): string {
  if (encoding === 'utf8') return 'UTF-8';
  if (encoding === 'gb18030') return t('import.encodingGbk');
  if (encoding === 'utf16le') return t('import.encodingUtf16');
  if (encoding === 'utf16be') return 'UTF-16 BE';
  return encoding ?? '';
}

/** A field by the header an export writes for it, in the UI's language (the same words a sheet would use). */
export function fieldLabel(field: ImportField, locale: Locale): string {
  return locale === 'zh-CN' ? FIELD_HEADERS[field].zh : FIELD_HEADERS[field].en;
}

/** The select value for "ignore this column" (antd options need a string). */
export const IGNORE = '';

/** Targets a column can go to for a kind: its fields, a customer custom field named after the header, or nothing. */
export function columnOptions(t: Translate, locale: Locale, kind: ImportKind, header: string) {
  const fields = KIND_FIELDS[kind].map((f) => ({ value: f, label: fieldLabel(f, locale) }));
  const custom =
    kind === 'followups' || header.trim() === ''
      ? []
      : [{ value: `${CUSTOM_PREFIX}${header.trim()}`, label: t('import.customField', { name: header.trim() }) }];
  return [...fields, ...custom, { value: IGNORE, label: t('import.ignore') }];
}
