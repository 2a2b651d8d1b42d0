import { describe, expect, it } from 'vitest';
import { API_NAMES } from '../../shared/api/apiContract.ts';
import { buildHandlerTable } from './allHandlers.ts';
import { registerHandlers } from './handlerTable.ts';
import { customersHandlers } from './customers/customers.handlers.ts';
import { openTestContext } from './openTestContext.ts';

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
