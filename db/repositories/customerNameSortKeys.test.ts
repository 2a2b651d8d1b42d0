import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCustomer } from '../../shared/api/recordWrites.ts';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { rawOf } from '../handle.ts';
import { openDatabase, type OpenedDatabase } from '../openDatabase.ts';
import { withTransaction } from '../withTransaction.ts';
import { undoBatch } from '../audit/undoBatch.ts';
import type { AuditMeta } from './auditedWrites.ts';
import { insertCustomer, patchCustomer, softDeleteCustomerTree, undoCustomerDelete } from './customersRepo.ts';

let dir: string;
let opened: OpenedDatabase;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-sortkey-'));
  opened = await openDatabase({ file: path.join(dir, 'k.db') });
});
afterEach(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const meta = (batchId: string | null = null): AuditMeta => ({ actor: 'test', at: '2026-01-05T01:00:00.000Z', action: 'update', batchId });
const customer = (name: string): NewCustomer => ({
  name, code: null, industry: null, tier: 'normal', ownerId: null, lifecycleStage: 'customer', source: null, customFields: {}, notes: null,
});
const keyOf = (id: string) => rawOf(opened.db).prepare('SELECT name_sort_key FROM customers WHERE id = ?').pluck().get(id);

describe('customers.name_sort_key on every write of a name', () => {
  it('is set on insert, follows a rename, and stays when other fields change', async () => {
    const id = await withTransaction(opened.db, (tx) => insertCustomer(tx, customer('重庆山城火锅'), meta()));
    expect(keyOf(id)).toBe(nameSortKey('重庆山城火锅'));
    await withTransaction(opened.db, (tx) => patchCustomer(tx, id, { name: '厦门鹭岛贸易' }, meta()));
    expect(keyOf(id)).toBe(nameSortKey('厦门鹭岛贸易'));
    await withTransaction(opened.db, (tx) => patchCustomer(tx, id, { notes: '备注', tier: 'vip' }, meta()));
    expect(keyOf(id)).toBe(nameSortKey('厦门鹭岛贸易'));
  });

  it('comes back with the name when a rename is undone, and survives a delete and its undo', async () => {
    const id = await withTransaction(opened.db, (tx) => insertCustomer(tx, customer('长沙湘江传媒'), meta()));
    await withTransaction(opened.db, (tx) => patchCustomer(tx, id, { name: 'Zeta Labs' }, meta('rename')));
    expect(keyOf(id)).toBe(nameSortKey('Zeta Labs'));
    await withTransaction(opened.db, (tx) => undoBatch(opened.db, tx, 'rename', { batchId: 'undo-rename', at: meta().at, actor: 'test' }, { field: 'batchId' }));
    expect(rawOf(opened.db).prepare('SELECT name FROM customers WHERE id = ?').pluck().get(id)).toBe('长沙湘江传媒');
    expect(keyOf(id)).toBe(nameSortKey('长沙湘江传媒'));

    await withTransaction(opened.db, (tx) => softDeleteCustomerTree(tx, id, meta('delete')));
    await withTransaction(opened.db, (tx) => undoCustomerDelete(opened.db, tx, 'delete', meta('undo-delete')));
    expect(keyOf(id)).toBe(nameSortKey('长沙湘江传媒'));
  });
});
