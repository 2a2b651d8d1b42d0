import { describe, expect, it } from 'vitest';
import { apiContract, type ApiName } from '../../../shared/api/apiContract.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { ADMIN_OPERATIONS } from './accessPolicy.ts';
import { OWNER_SCOPE_POLICY } from './ownerScopePolicy.ts';

// Every operation the handler table serves says what owner scoping does with it, so a new handler cannot reach
// another owner's customers by being forgotten; and each rule names only fields its operation really takes.

const names = Object.keys(buildHandlerTable()) as ApiName[];

/** The top-level field names an operation's input schema declares. */
function inputFields(name: ApiName): Set<string> {
  const shape = (apiContract[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return new Set(Object.keys(shape));
}

describe('the owner-scope policy', () => {
  it('classifies every handler in the table, and nothing else', () => {
    const unclassified = names.filter((n) => !Object.hasOwn(OWNER_SCOPE_POLICY, n));
    expect(unclassified).toEqual([]);
    const stale = Object.keys(OWNER_SCOPE_POLICY).filter((n) => !names.includes(n as ApiName));
    expect(stale).toEqual([]);
  });

  it('names only fields the operation takes, and calls admin-only exactly the 管理员 operations', () => {
    const wrong: string[] = [];
    for (const name of names) {
      const rule = OWNER_SCOPE_POLICY[name];
      const fields = inputFields(name);
      if (rule.kind === 'byCustomer') {
        for (const f of [...rule.refs.map((r) => r.field), ...(rule.ownOwner ?? []), ...(rule.givenOwner ?? [])]) if (!fields.has(f)) wrong.push(`${name}.${f}`);
      }
      if (rule.kind === 'ownerFilter' && !fields.has('ownerId')) wrong.push(`${name}: no ownerId filter`);
      if (rule.kind === 'ownUndo' && !fields.has(rule.field)) wrong.push(`${name}.${rule.field}`);
      if (rule.kind === 'outputFiltered') {
        const output = (apiContract[name].output as unknown as { shape?: Record<string, unknown> }).shape ?? {};
        for (const list of rule.lists) if (!(list in output)) wrong.push(`${name} output.${list}`);
        // A page's total counts rows it does not hold: only whole lists may be filtered after the query.
        if (fields.has('offset')) wrong.push(`${name}: a page, not a whole list`);
      }
      if ((rule.kind === 'adminOnly') !== ADMIN_OPERATIONS.has(name)) wrong.push(`${name}: admin-only mismatch`);
    }
    expect(wrong).toEqual([]);
  });
});
