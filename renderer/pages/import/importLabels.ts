import { CUSTOM_PREFIX, FIELD_HEADERS, KIND_FIELDS, type ImportKind } from '../../../shared/importExport/importFields.ts';

export const KIND_LABELS: Record<ImportKind, string> = { contracts: '合同续费表', customers: '客户', followups: '跟进记录' };

export const ENCODING_LABELS: Record<string, string> = {
  utf8: 'UTF-8',
  gb18030: 'GBK / GB18030（中文 Windows 的 Excel、WPS 默认）',
  utf16le: 'UTF-16（Excel “Unicode 文本”）',
  utf16be: 'UTF-16 BE',
};

/** The select value for "ignore this column" (antd options need a string). */
export const IGNORE = '';

/** Targets a column can go to for a kind: its fields, a customer custom field named after the header, or nothing. */
export function columnOptions(kind: ImportKind, header: string) {
  const fields = KIND_FIELDS[kind].map((f) => ({ value: f, label: FIELD_HEADERS[f].zh }));
  const custom =
    kind === 'followups' || header.trim() === ''
      ? []
      : [{ value: `${CUSTOM_PREFIX}${header.trim()}`, label: `自定义字段「${header.trim()}」` }];
  return [...fields, ...custom, { value: IGNORE, label: '（忽略此列）' }];
}

export function targetLabel(target: string | null): string {
  if (target === null) return '忽略';
  if (target.startsWith(CUSTOM_PREFIX)) return `自定义字段「${target.slice(CUSTOM_PREFIX.length)}」`;
  return FIELD_HEADERS[target as keyof typeof FIELD_HEADERS]?.zh ?? target;
}
