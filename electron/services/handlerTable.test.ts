import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_NAMES, changesOf, type ApiContract, type ApiName, type ApiParsedInput } from '../../shared/api/apiContract.ts';
import { buildHandlerTable } from './allHandlers.ts';
import { registerHandlers, type InputSchema } from './handlerTable.ts';
import { customersHandlers } from './customers/customers.handlers.ts';
import { openTestContext } from '../../test-support/openTestContext.ts';

describe('the one handler table', () => {
  it('has exactly one handler per contract operation, each validating with the contract schema', () => {
    const table = buildHandlerTable();
    expect(Object.keys(table).sort()).toEqual([...API_NAMES].sort());
    for (const name of API_NAMES) expect(typeof table[name].run).toBe('function');
  });

  it('refuses a name registered twice, and an operation with no handler', () => {
    expect(() => registerHandlers(customersHandlers, customersHandlers)).toThrow(/registered twice: customers:list/);
    expect(() => registerHandlers(customersHandlers)).toThrow(/without a handler/);
  });

  it('never throws across the boundary: unknown names, invalid input and service errors come back as envelopes', async () => {
    const t = await openTestContext();
    try {
      expect(await t.envelope('customers:explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      expect(await t.envelope('customers:list', { limit: 100000 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'limit' } });
      expect(await t.envelope('customers:get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await t.envelope('customers:list', null)).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    } finally {
      await t.close();
    }
  });
});

describe('announcing what a write changed', () => {
  it("emits each successful write's declared domains exactly once, before the answer; nothing for a read or a failure", async () => {
    const t = await openTestContext();
    try {
      const announced = () => t.events.filter((e) => e.event === 'data:changed').map((e) => e.payload);
      // Each call through the real table must leave exactly its contract's declaration behind, by the time it answers.
      const write = async (name: ApiName, input: unknown) => {
        const before = announced().length;
        const result = await t.envelope(name, input);
        expect(result, name).toMatchObject({ ok: true });
        expect(changesOf(name).length, `${name} declares what it changes`).toBeGreaterThan(0);
        expect(announced().slice(before), name).toEqual([{ domains: [...changesOf(name)] }]);
        return result.data;
      };
      const quiet = async (name: string, input: unknown) => {
        const before = announced().length;
        const result = await t.envelope(name, input);
        expect(announced().slice(before), name).toEqual([]);
        return result.ok ? result.data : null;
      };

      const owner = await write('owners:create', { name: '张伟' });
      await write('owners:update', { id: owner.id, phone: '13800138000' });
      await write('tags:create', { name: '老客户' });
      const c = await write('customers:create', { name: '甲公司', ownerId: owner.id, tags: ['老客户', '高意向'], primaryContact: { name: '王芳' } });
      await write('customers:update', { id: c.id, tier: 'vip', tags: ['老客户'] });
      const contact = await write('contacts:create', { customerId: c.id, name: '李雷', birthday: '1990-12-01' });
      await write('contacts:update', { id: contact.id, isPrimary: true });
      const k = await write('contracts:create', { customerId: c.id, number: 'HT-1', endsOn: '2026-12-31' });
      await write('contracts:update', { id: k.id, amountFen: 100 });
      const f = await write('followups:create', { customer: c.id, summary: '电话回访', nextFollowUpOn: '2026-11-30' });
      await write('followups:complete', { id: f.id });
      await write('renewals:setStage', { contractId: k.id, stage: 'contacted' });
      await write('renewals:renew', { contractId: k.id, number: 'HT-2', startsOn: '2027-01-01', endsOn: '2027-12-31' });
      await write('reminders:setSettings', { timeOfDay: '08:30' });
      await write('reminders:run', { now: '2026-12-25T01:00:00.000Z' });
      await write('notifications:markRead', { all: true });
      await write('settings:set', { locale: 'en-US' });
      await write('customers:archive', { id: c.id });
      await write('customers:unarchive', { id: c.id });
      await write('followups:delete', { id: f.id });
      await write('contacts:delete', { id: contact.id });
      await write('contracts:delete', { id: k.id });
      const { undoToken } = await write('customers:delete', { id: c.id });
      await write('customers:undoDelete', { undoToken });
      await write('system:backup', {});
      const csv = path.join(t.dir, 'sheet.csv');
      fs.writeFileSync(csv, '\uFEFF客户名称,合同编号,到期日期\r\n宁波恒达贸易有限公司,IMP-1,2027-01-31\r\n');
      // A dry run announces too: the declaration is the operation's, and a refetch of unchanged data is harmless.
      const { uploadId } = await quiet('import:upload', { fileName: 'sheet.csv', offset: 0, dataBase64: fs.readFileSync(csv).toString('base64') });
      expect((await write('import:run', { uploadId, kind: 'contracts', dryRun: true })).committed).toBe(false);
      const imported = await write('import:run', { uploadId, kind: 'contracts' });
      await write('import:undo', { batchId: imported.batchId });

      await quiet('customers:list', {});
      await quiet('customers:get', { id: c.id });
      await quiet('contracts:list', {});
      await quiet('customers:create', { name: '甲公司' }); // refused by the service: a duplicate
      await quiet('customers:create', { name: '  ' }); // refused by the contract
      await quiet('contracts:update', { id: 'missing', amountFen: 1 });
      await quiet('customers:explode', {});
      expect(t.events.filter((e) => e.event === 'data:changed')).toHaveLength(28);
    } finally {
      await t.close();
    }
  });

  it('lets a restore or the demo load refresh every domain', () => {
    expect([...changesOf('system:restore')].sort()).toEqual([...new Set(API_NAMES.map((n) => n.slice(0, n.indexOf(':'))))].sort());
    expect(changesOf('system:demo')).toEqual(changesOf('system:restore'));
    expect(changesOf('customers:list')).toEqual([]);
  });
});

// Checked when compiling: every contract's input schema parses to exactly what its handler's run takes.
type SchemaFits = { [N in ApiName]: ApiContract[N]['input'] extends InputSchema<ApiParsedInput<N>> ? true : never }[ApiName];
export const EVERY_SCHEMA_FITS_ITS_HANDLER: SchemaFits = true;

describe('errors in the caller’s language', () => {
  it('gives the catalogue key and parameters, and the message in the archive’s language', async () => {
    const t = await openTestContext();
    try {
      await t.call('customers:create', { name: '甲公司' });
      const duplicate = { code: 'DUPLICATE', field: 'name', key: 'errors.customerNameTaken', params: { name: '甲公司' } };
      expect((await t.envelope('customers:create', { name: '甲公司' })).error).toEqual({ ...duplicate, message: '客户名称「甲公司」已存在' });
      const blank = { code: 'VALIDATION', field: 'name', key: 'validation.nameBlank', params: { label: { key: 'label.customerName', params: {} } } };
      expect((await t.envelope('customers:create', { name: ' ' })).error).toEqual({ ...blank, message: '客户名称不能为空' });
      // zod's own wording (this field has no message of its own) comes from zod's zh-CN locale.
      const limit = (await t.envelope('customers:list', { limit: 100000 })).error;
      expect(limit).toMatchObject({ code: 'VALIDATION', field: 'limit', key: 'validation.zod', message: expect.stringMatching(/^数值过大/) });
      expect(limit.params).toEqual({ detail: limit.message });
      expect((await t.envelope('customers:explode', {})).error).toEqual({
        code: 'UNKNOWN_OPERATION',
        field: null,
        key: 'errors.unknownOperation',
        params: { name: 'customers:explode' },
        message: '未知的操作：customers:explode',
      });

      await t.call('settings:set', { locale: 'en-US' });
      expect((await t.envelope('customers:create', { name: '甲公司' })).error).toEqual({ ...duplicate, message: 'A customer named “甲公司” already exists' });
      expect((await t.envelope('customers:create', { name: ' ' })).error).toEqual({ ...blank, message: 'The customer name cannot be empty' });
      expect((await t.envelope('customers:list', { limit: 100000 })).error).toMatchObject({ key: 'validation.zod', message: 'Too big: expected number to be <=500' });
      expect((await t.envelope('contracts:create', { customerId: 'x', number: 'A', endsOn: '2026-02-30' })).error).toMatchObject({
        field: 'endsOn',
        key: 'validation.isoDate',
        message: 'Dates are written YYYY-MM-DD and must exist in the calendar',
      });
      expect((await t.envelope('customers:explode', {})).error.message).toBe('Unknown operation: customers:explode');
    } finally {
      await t.close();
    }
  });
});
