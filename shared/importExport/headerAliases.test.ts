import { describe, expect, it } from 'vitest';
import { fieldForHeader, mapHeaders, normalizeHeader, overridesByHeader, overridesByIndex, proposeKind } from './headerAliases.ts';

describe('header aliases', () => {
  it('maps every alias the issue lists, in Chinese and English, ignoring case and spacing', () => {
    const expected: [string, string][] = [
      ['客户名称', 'customerName'],
      ['公司名称', 'customerName'],
      ['客户', 'customerName'],
      ['Customer', 'customerName'],
      ['company', 'customerName'],
      ['联系人', 'contactName'],
      ['CONTACT', 'contactName'],
      ['职务', 'contactTitle'],
      ['职位', 'contactTitle'],
      ['Title', 'contactTitle'],
      ['电话', 'contactPhone'],
      ['联系电话', 'contactPhone'],
      ['手机', 'contactPhone'],
      ['Phone', 'contactPhone'],
      ['合同编号', 'contractNumber'],
      ['合同号', 'contractNumber'],
      ['Contract No', 'contractNumber'],
      ['contract no.', 'contractNumber'],
      ['签订日期', 'signedOn'],
      ['签约日期', 'signedOn'],
      ['Signed', 'signedOn'],
      ['到期日期', 'endsOn'],
      ['截止日期', 'endsOn'],
      ['合同到期日', 'endsOn'],
      ['End Date', 'endsOn'],
      ['end_date', 'endsOn'],
      ['Expiry', 'endsOn'],
      ['合同金额', 'amount'],
      ['金额', 'amount'],
      ['续费金额', 'renewalAmount'],
      ['续约金额', 'renewalAmount'],
      ['Renewal Amount', 'renewalAmount'],
      ['开始日期', 'startsOn'],
      ['Start Date', 'startsOn'],
      ['续费状态', 'renewalStatus'],
      ['续约状态', 'renewalStatus'],
      ['Renewal Status', 'renewalStatus'],
      ['续费日期', 'renewalDate'],
      ['续约日期', 'renewalDate'],
      ['Renewal Date', 'renewalDate'],
      ['流失原因', 'lostReason'],
      ['Lost Reason', 'lostReason'],
      ['提醒日期', 'remindOn'],
      ['提醒时间', 'remindOn'],
      ['Reminder Date', 'remindOn'],
      ['Amount', 'amount'],
      ['合同金额（元）', 'amount'],
      ['服务内容', 'service'],
      ['Service', 'service'],
      ['续费周期', 'cycle'],
      ['周期', 'cycle'],
      ['Cycle', 'cycle'],
      ['客户等级', 'tier'],
      ['等级', 'tier'],
      ['Tier', 'tier'],
      ['负责人', 'owner'],
      ['客户经理', 'owner'],
      ['Owner', 'owner'],
      ['备注', 'notes'],
      ['Notes', 'notes'],
      ['\uFEFF客户名称', 'customerName'],
      ['\u3000客户名称 ', 'customerName'],
    ];
    for (const [header, field] of expected) expect([header, fieldForHeader('contracts', header)]).toEqual([header, field]);
  });

  it('keeps 合同金额 and 续费金额 apart, and reads a lone 续费金额 as the term’s amount', () => {
    expect(mapHeaders('contracts', ['客户名称', '到期日期', '合同金额', '续费金额']).columns).toEqual([
      'customerName', 'endsOn', 'amount', 'renewalAmount',
    ]);
    expect(mapHeaders('contracts', ['客户', '到期日期', '续费金额', '续费状态']).columns).toEqual(['customerName', 'endsOn', 'amount', 'renewalStatus']);
    expect(mapHeaders('contracts', ['Customer', 'End Date', 'Renewal Amount']).columns).toEqual(['customerName', 'endsOn', 'amount']);
    // A choice made in the wizard or a preset wins over the rule.
    expect(mapHeaders('contracts', ['客户', '到期日期', '续费金额'], overridesByHeader(new Map([['续费金额', 'renewalAmount']]))).columns).toEqual([
      'customerName', 'endsOn', 'renewalAmount',
    ]);
    expect(proposeKind(['客户', '续费状态'])).toBe('contracts');
  });

  it('normalizes header text', () => {
    expect(normalizeHeader(' Contract  No. ')).toBe('contractno');
    expect(normalizeHeader('金额(元)')).toBe('金额');
  });

  it('ignores unknown and empty headers, and keeps the first of two columns for one field', () => {
    const m = mapHeaders('contracts', ['序号', '公司名称', '客户名称', '到期日期', '', '行业']);
    expect(m.columns).toEqual([null, 'customerName', null, 'endsOn', null, null]);
    expect(m.ignoredColumns).toEqual(['序号', '客户名称', '', '行业']);
    expect(m.duplicateColumns).toEqual([{ index: 2, header: '客户名称', field: 'customerName', keptIndex: 1 }]);
  });

  it('lets a preset map an unknown column to a custom field or drop a known one', () => {
    const overrides = new Map([
      [normalizeHeader('行业'), 'custom:行业' as const],
      [normalizeHeader('备注'), null],
    ]);
    const m = mapHeaders('contracts', ['客户名称', '行业', '备注'], overridesByHeader(overrides));
    expect(m.columns).toEqual(['customerName', 'custom:行业', null]);
    expect(m.ignoredColumns).toEqual(['备注']);
  });

  it("takes the wizard's choice per column, first column still winning for a field", () => {
    const m = mapHeaders('contracts', ['名称', '客户名称', '到期', '到期日期'], overridesByIndex(['customerName', null, 'endsOn']));
    expect(m.columns).toEqual(['customerName', null, 'endsOn', null]);
    expect(m.duplicateColumns).toEqual([{ index: 3, header: '到期日期', field: 'endsOn', keptIndex: 2 }]);
  });

  it('proposes the kind from the headers', () => {
    expect(proposeKind(['客户名称', '联系人', '合同编号', '到期日期'])).toBe('contracts');
    expect(proposeKind(['客户名称', '联系人', '电话', '客户等级'])).toBe('customers');
    expect(proposeKind(['客户名称', '跟进时间', '跟进方式', '跟进内容'])).toBe('followups');
    expect(proposeKind(['Customer', 'Contract No', 'Time', 'Summary'])).toBe('followups');
  });
});
