import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../handle.ts';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { SCOPED_BIGRAMS_REFILL_SELECT } from '../repositories/customerScopedBigrams.ts';
import { rebuildSearchIndex } from '../repositories/customerSearchIndex.ts';
import { loadPinyinReading } from '../repositories/pinyinReadings.ts';
import { importFile, writeFixture } from '../../test-support/import/importTestKit.ts';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

// customer_scoped_bigrams must equal a refill from customer_bigrams and customers after any write, whatever the
// path (services, the import's bulk path and its undo, merge and its undo, 负责人交接 and its undo, the 回收站, a
// bulk tier update on the raw connection): the triggers are the only thing keeping it.

function drift(db: Db): { missing: unknown[]; extra: unknown[]; scopeless: unknown[] } {
  const raw = rawOf(db);
  const table = 'SELECT bigram, scope, customer_id FROM customer_scoped_bigrams';
  return {
    missing: raw.prepare(`${SCOPED_BIGRAMS_REFILL_SELECT} EXCEPT ${table}`).all(),
    extra: raw.prepare(`${table} EXCEPT ${SCOPED_BIGRAMS_REFILL_SELECT}`).all(),
    // Every customer's scope exists, so the triggers find it.
    scopeless: raw
      .prepare(
        `SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM search_scopes s
           WHERE s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL))`,
      )
      .all(),
  };
}
const NO_DRIFT = { missing: [], extra: [], scopeless: [] };

const NAMES = ['杭州云启科技有限公司', '宁波云启网络科技', '上海启明网络', '北京科技云服务', '杭州网络科技', '云启工作室'];
const TIERS = ['vip', 'important', 'normal'] as const;

type Write =
  | { k: 'create' | 'rename'; i: number; name: number }
  | { k: 'owner'; i: number; owner: number | null }
  | { k: 'tier'; i: number; tier: number }
  | { k: 'archive' | 'unarchive' | 'delete' | 'restore' | 'contact' | 'import'; i: number }
  | { k: 'merge'; i: number; j: number }
  | { k: 'undo' | 'handover' }
  | { k: 'bulkTier'; tier: number; parity: number };

const i = fc.nat(7);
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ k: fc.constant('create' as const), i, name: fc.nat(NAMES.length - 1) }),
  fc.record({ k: fc.constant('rename' as const), i, name: fc.nat(NAMES.length - 1) }),
  fc.record({ k: fc.constant('owner' as const), i, owner: fc.option(fc.nat(1), { nil: null }) }),
  fc.record({ k: fc.constant('tier' as const), i, tier: fc.nat(2) }),
  fc.record({ k: fc.constantFrom('archive' as const, 'unarchive' as const, 'delete' as const, 'restore' as const, 'contact' as const, 'import' as const), i }),
  fc.record({ k: fc.constant('merge' as const), i, j: fc.nat(7) }),
  fc.record({ k: fc.constantFrom('undo' as const, 'handover' as const) }),
  fc.record({ k: fc.constant('bulkTier' as const), tier: fc.nat(2), parity: fc.nat(1) }),
);

let t: TestContext;
let owners: string[];
beforeAll(async () => {
  t = await openTestContext('2026-03-01T02:00:00.000Z');
  owners = [(await t.call('owners:create', { name: '张三' })).id, (await t.call('owners:create', { name: '李四' })).id];
});
afterAll(async () => {
  await t.close();
});

describe('migration 0018: bigram postings per scope, kept by triggers', () => {
  it('equals a refill after any sequence of writes through the services, imports, undo and a raw bulk tier update', async () => {
    const raw = rawOf(t.ctx.db);
    let serial = 0;
    let runs = 0;
    let applied = 0;
    const kinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 14 }), async (writes) => {
        runs++;
        const ids: string[] = [];
        const undo: (() => Promise<unknown>)[] = [];
        const id = (n: number) => ids[n % Math.max(1, ids.length)];
        const version = (cid: string) => (raw.prepare('SELECT version FROM customers WHERE id = ?').get(cid) as { version: number }).version;
        const name = (n: number) => `${NAMES[n]}${++serial}`;
        for (let n = 0; n < 3; n++) {
          ids.push((await t.call('customers:create', { name: name(n), tier: TIERS[n], ownerId: owners[n % 2], primaryContact: { name: '欧阳娜娜' } })).id);
        }
        for (const w of writes) {
          try {
            const cid = 'i' in w ? id(w.i)! : '';
            switch (w.k) {
              case 'create':
                ids.push((await t.call('customers:create', { name: name(w.name), ownerId: owners[w.i % 2] })).id);
                break;
              case 'rename':
                await t.call('customers:update', { id: cid, version: version(cid), name: name(w.name) });
                break;
              case 'owner':
                await t.call('customers:update', { id: cid, version: version(cid), ownerId: w.owner === null ? null : owners[w.owner] });
                break;
              case 'tier':
                await t.call('customers:update', { id: cid, version: version(cid), tier: TIERS[w.tier] });
                break;
              case 'archive':
              case 'unarchive':
                await t.call(`customers:${w.k}`, { id: cid });
                break;
              case 'delete': {
                const { undoToken } = await t.call('customers:delete', { id: cid });
                undo.push(() => t.call('customers:undoDelete', { undoToken }));
                break;
              }
              case 'restore': {
                // The 回收站 restores a deleted customer: the latest one deleted, if any.
                const gone = raw.prepare('SELECT id FROM customers WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, rowid DESC LIMIT 1').get() as
                  | { id: string }
                  | undefined;
                await t.call('hygiene:restore', { kind: 'customer', id: gone?.id ?? cid });
                break;
              }
              case 'contact':
                await t.call('contacts:create', { customerId: cid, name: `司马${serial++}` });
                break;
              case 'merge': {
                const { undoToken } = await t.call('customers:merge', { from: cid, into: id(w.j) });
                undo.push(() => t.call('customers:undoMerge', { undoToken }));
                break;
              }
              case 'handover': {
                const { undoToken } = await t.call('hygiene:handover', { fromOwnerId: owners[0], toOwnerId: owners[1] });
                undo.push(() => t.call('hygiene:undoHandover', { undoToken }));
                break;
              }
              case 'undo':
                await undo.pop()?.();
                break;
              case 'import': {
                // The bulk path (staged bigrams merged at the end): a row for an existing customer, one for a new one.
                const existing = (raw.prepare('SELECT name FROM customers WHERE id = ?').get(cid) as { name: string }).name;
                const sheet = [
                  '客户名称,联系人,电话,合同编号,到期日期,合同金额,续费周期',
                  `${existing},王强,13900139000,HT-${++serial},2027-12-31,36000,年`,
                  `${name(w.i % NAMES.length)},李雷,13900139001,HT-${++serial},2027-06-30,12000,年`,
                ].join('\n');
                const { batchId } = await importFile(t, writeFixture(t, sheet));
                undo.push(() => t.call('import:undo', { batchId }));
                break;
              }
              case 'bulkTier':
                // What a bulk classification may do: one prepared UPDATE on the raw connection, no service.
                raw.prepare('UPDATE customers SET tier = ? WHERE rowid % 2 = ?').run(TIERS[w.tier], w.parity);
                break;
            }
            applied++;
            kinds.add(w.k);
          } catch (e) {
            // A write the app refuses (deleted customer, merge into itself, stale undo…) changes nothing.
            if (!(e instanceof Error && 'code' in e)) throw e;
          }
        }
        expect(drift(t.ctx.db)).toEqual(NO_DRIFT);
      }),
      // Seeded: the coverage check below needs every kind of write to have gone through at least once, and an
      // unseeded run of 30 sometimes has no archive write that went through (seen once in CI).
      { numRuns: 30, seed: 20261205 },
    );
    expect(runs).toBe(30);
    // Most writes went through, so the check saw real moves.
    expect(applied).toBeGreaterThan(100);
    for (const k of ['import', 'merge', 'handover', 'undo', 'delete', 'restore', 'bulkTier', 'owner', 'tier', 'archive', 'rename']) expect(kinds).toContain(k);
    expect(raw.prepare('SELECT count(*) FROM customer_scoped_bigrams').pluck().get()).toBeGreaterThan(1000);
  }, 60_000);

  it('a drift is seen: the check fails when a posting is moved behind the triggers', () => {
    const raw = rawOf(t.ctx.db);
    raw
      .prepare(
        `UPDATE customer_scoped_bigrams SET scope = scope + 1000
         WHERE (bigram, scope, customer_id) = (SELECT bigram, scope, customer_id FROM customer_scoped_bigrams LIMIT 1)`,
      )
      .run();
    const d = drift(t.ctx.db);
    expect(d.missing).toHaveLength(1);
    expect(d.extra).toHaveLength(1);
    // A rebuild of the search index refills the postings (its triggers suspended meanwhile, then restored).
    rebuildSearchIndex(t.ctx.db);
    expect(drift(t.ctx.db)).toEqual(NO_DRIFT);
    const triggers = raw.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customer_bigrams'").pluck().get();
    expect(triggers).toBe(3);
  });

  it('fills the postings of a version-17 archive when it opens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0018-'));
    try {
      const file = path.join(dir, 'v17.db');
      const old = await openDatabase({ file, migrations: ALL_MIGRATIONS.filter((m) => m.version <= 17) });
      const raw17 = rawOf(old.db);
      const at = '2026-01-05T01:00:00.000Z';
      const customer = raw17.prepare('INSERT INTO customers (id, name, tier, owner_id, archived_at, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)');
      raw17.transaction(() => {
        NAMES.forEach((n, k) => customer.run(`c${k}`, n, TIERS[k % 3], k === 2 ? at : null, at, at));
      })();
      await loadPinyinReading();
      rebuildSearchIndex(old.db);
      await old.close();
      const opened = await openDatabase({ file, now: () => new Date(at) });
      try {
        expect(drift(opened.db)).toEqual(NO_DRIFT);
        const raw = rawOf(opened.db);
        expect(raw.prepare('SELECT count(*) FROM customer_scoped_bigrams').pluck().get()).toBe(raw.prepare('SELECT count(*) FROM customer_bigrams').pluck().get());
        // vip, important, normal, and the archived normal one.
        expect(raw.prepare('SELECT count(*) FROM search_scopes').pluck().get()).toBe(4);
      } finally {
        await opened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
