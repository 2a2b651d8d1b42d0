import { describe, expect, it } from 'vitest';
import { normalizeRow, type RowLayout } from './normalizeRow.ts';
import type { ColumnTarget } from './importFields.ts';
import { renderIn, type Message } from '../i18n/message.ts';

const HEADERS = ['客户名称', '联系人', '电话', '合同编号', '服务内容', '到期日期', '负责人', '备注', '合同类型'];
const COLUMNS: ColumnTarget[] = ['customerName', 'contactName', 'contactPhone', 'contractNumber', 'service', 'endsOn', 'owner', 'notes', 'custom:合同类型'];
const layout: RowLayout<'contracts'> = { kind: 'contracts', headers: HEADERS, columns: COLUMNS, unescape: true };
const GOOD = ['甲公司', '张三', '13800138000', 'HT-1', '企业邮箱', '2026-12-31', '刘洋', '第一行', '年度'];

/** The row with one cell replaced, normalized; its issues as (column, zh-CN reason). */
function issuesWith(column: string, text: string) {
  const cells = [...GOOD];
  cells[HEADERS.indexOf(column)] = text;
  const r = normalizeRow(layout, 2, cells);
  return { row: r, issues: r.ok ? [] : r.issues.map((i) => [i.column, renderIn('zh-CN', i.message as Message)]) };
}

describe('normalizeRow: text cells', () => {
  it('accepts the plain row', () => {
    expect(issuesWith('备注', '第一行').row.ok).toBe(true);
  });

  it('refuses a line break inside a single-line cell, naming the field, instead of storing it', () => {
    for (const [column, label] of [
      ['客户名称', '客户名称'],
      ['联系人', '联系人'],
      ['合同编号', '合同编号'],
      ['服务内容', '服务内容'],
      ['负责人', '负责人'],
    ] as const) {
      for (const text of ['上行\n下行', '上行\r\n下行', '上行\r下行', '上行\u2028下行']) {
        const { row, issues } = issuesWith(column, text);
        expect(row.ok, `${column} ${JSON.stringify(text)}`).toBe(false);
        expect(issues).toEqual([[column, `${label}只能填写一行，不能包含换行`]]);
      }
    }
  });

  it('refuses other control characters in any cell, naming the character', () => {
    expect(issuesWith('客户名称', '甲\u0000公司').issues).toEqual([['客户名称', '客户名称不能包含控制字符 U+0000']]);
    expect(issuesWith('电话', '138\u0007').issues).toEqual([['电话', '电话不能包含控制字符 U+0007']]);
    expect(issuesWith('备注', '第一行\u001B[31m').issues).toEqual([['备注', '备注不能包含控制字符 U+001B']]);
    expect(issuesWith('合同类型', '年\u0085度').issues).toEqual([['合同类型', '合同类型不能包含控制字符 U+0085']]);
    expect(issuesWith('合同类型', '年\n度').issues).toEqual([['合同类型', '合同类型只能填写一行，不能包含换行']]);
  });

  it('keeps line breaks (CR LF as LF) and tabs in multi-line notes', () => {
    const { row } = issuesWith('备注', '第一行\r\n第二行\t附注');
    expect(row.ok && row.contract.notes).toBe('第一行\n第二行\t附注');
  });

  it('refuses a custom field whose name (from the header) holds a control character', () => {
    const bad: RowLayout<'contracts'> = { ...layout, columns: [...COLUMNS.slice(0, -1), 'custom:合同\u0007类型'] };
    const r = normalizeRow(bad, 2, GOOD);
    expect(r.ok ? [] : r.issues.map((i) => renderIn('en-US', i.message as Message))).toEqual(['Custom field name must not contain the control character U+0007']);
  });

  it('refuses an end date outside 1900–2199 with the supported range', () => {
    expect(issuesWith('到期日期', '9999-12-31').issues).toEqual([['到期日期', '日期超出范围（仅支持 1900-01-01 至 2199-12-31）：9999-12-31']]);
  });
});
