import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { mulberry32 } from '../../../shared/domain/seededRandom.ts';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { countDueUnclaimed, nextPendingDueAt, outboxHealth } from '../../../db/repositories/reminderHealth.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { q } from '../../../db/handle.ts';
import { seedReminderData, type SeedContract, type SeedCustomer } from '../../../test-support/reminders/reminderSeed.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { silentLogger } from '../logger.ts';
import type { Notifier } from '../notifier/notifier.ts';
import { openPostgresServiceContext } from '../openPostgresServiceContext.ts';
import type { OpenContext } from '../openServiceContext.ts';
import { recomputeAllReminders } from './recomputeReminders.ts';
import { runReminderTick } from './reminderTick.ts';
import { tickAndDeliver } from './tickScheduler.ts';

// Team mode (issue 15): two desktops on one PostgreSQL archive, each its own service instance and pool, with clocks
// ten minutes fast and ten minutes slow. Both tick at once, again and again, through simulated months of a ladder:
// every due step is claimed by exactly one of them, none early by the server's clock, none missed. The server's
// clock is the test's simulated instant (openPostgresServiceContext's serverClock), the desktops' clocks are skewed
// from it. On SQLite there is one writer per file and nothing to share: the file is skipped there.
const SKEW = 10 * 60_000;
const CONTRACTS = 1_000;

interface Client {
  name: string;
  opened: OpenContext;
}

describe.skipIf(testEngine() !== 'postgres')('two clients on one PostgreSQL archive', () => {
  let t: TestContext;
  let server = Date.parse('2026-01-01T00:00:00.000Z');
  const clients: Client[] = [];

  const openClient = async (name: string, skew: number): Promise<Client> => {
    const opened = await openPostgresServiceContext({
      url: t.file,
      localDir: t.dir,
      now: () => new Date(server + skew),
      serverClock: () => new Date(server),
      logger: silentLogger,
    });
    return { name, opened };
  };

  beforeEach(async () => {
    t = await openTestContext(new Date(server).toISOString());
    clients.push(await openClient('fast', SKEW), await openClient('slow', -SKEW));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.opened.close();
    await t.close();
    server = Date.parse('2026-01-01T00:00:00.000Z');
  });

  it('fire each step exactly once between them, never early by the server clock, none missed', async () => {
    const rand = mulberry32(15_002);
    const customers: SeedCustomer[] = Array.from({ length: 800 }, (_, i) => ({
      name: `团队客户${String(i).padStart(4, '0')}有限公司`,
      tier: (['vip', 'important', 'normal'] as const)[i % 3]!,
      contactName: `联系人${i}`,
      birthday: null,
    }));
    const contracts: SeedContract[] = Array.from({ length: CONTRACTS }, (_, i) => {
      const endsOn = addDaysIso('2026-01-01', 20 + Math.floor(rand() * 150));
      return { customerIndex: i % customers.length, number: `TM-${i}`, startsOn: addDaysIso(endsOn, -364), endsOn, cycle: 'year', amountFen: 100_00 * (1 + Math.floor(rand() * 300)) };
    });
    const { contractIds } = await seedReminderData(t.ctx.db, customers, contracts, new Date(server).toISOString());
    await t.call('messages:setGreetingSettings', { daysAhead: 3, holidayTiers: [] });
    await withTransaction(t.ctx.db, (tx) => recomputeAllReminders(t.ctx, tx));

    const firesOf = new Map<string, string[]>();
    const toasts: Record<string, number> = { fast: 0, slow: 0 };
    const notifierOf = (name: string): Notifier => ({ notify: async () => void (toasts[name]! += 1) });
    const stats = { rounds: 0, claims: 0, early: 0, missed: 0, edits: 0, byClient: { fast: 0, slow: 0 } as Record<string, number> };
    const table = buildHandlerTable();
    const end = Date.parse('2026-06-30T00:00:00.000Z');
    while (server < end) {
      const due = await nextPendingDueAt(t.ctx.db);
      if (due === null) break;
      server = Math.max(server, Date.parse(due) + Math.floor(rand() * 120) * 1000);
      // Now and then one desktop edits a contract's end date through the real handler, on its own clock.
      if (rand() < 0.2) {
        const editor = clients[stats.rounds % 2]!.opened.ctx;
        const id = contractIds[Math.floor(rand() * contractIds.length)]!;
        const current = await dispatch(table, editor, 'contracts:get', { id });
        if (current.ok) {
          const data = current.data as { version: number; endsOn: string };
          const updated = await dispatch(table, editor, 'contracts:update', { id, version: data.version, endsOn: addDaysIso(data.endsOn, Math.floor(rand() * 40) - 10), startsOn: null });
          expect(updated.ok).toBe(true);
          stats.edits++;
        }
      }
      const outcomes = await Promise.all(clients.map((c) => tickAndDeliver(c.opened.ctx, notifierOf(c.name)).then((o) => ({ c, o }))));
      stats.rounds++;
      for (const { c, o } of outcomes) {
        expect(o.now).toBe(new Date(server).toISOString());
        for (const f of o.fired) {
          firesOf.set(f.reminderId, [...(firesOf.get(f.reminderId) ?? []), c.name]);
          if (Date.parse(f.dueAt) > server) stats.early++;
          stats.claims++;
          stats.byClient[c.name]!++;
        }
      }
      stats.missed += await countDueUnclaimed(t.ctx.db, new Date(server).toISOString());
    }
    const duplicates = [...firesOf.values()].filter((who) => who.length > 1).length;
    const health = await outboxHealth(t.ctx.db);
    console.log(`[two clients] ${JSON.stringify({ ...stats, duplicates, toasts, health })}`);
    expect(stats.rounds).toBeGreaterThan(50);
    expect(stats.claims).toBeGreaterThan(1_000);
    // Both desktops won some ticks: the race was real, not one client doing all the work.
    expect(stats.byClient['fast']).toBeGreaterThan(0);
    expect(stats.byClient['slow']).toBeGreaterThan(0);
    expect({ duplicates, early: stats.early, missed: stats.missed }).toEqual({ duplicates: 0, early: 0, missed: 0 });
    expect(health).toMatchObject({ duplicateClaims: 0, early: 0, undelivered: 0, claimsWithoutRecord: 0 });
    expect(health.notifications).toBe(stats.claims);
  }, 300_000);

  it('catch up a write stamped by a slow clock after a fast one moved on, and stamp fired steps with the server clock', async () => {
    const [fast, slow] = clients as [Client, Client];
    const table = buildHandlerTable();
    const call = async (c: Client, name: string, input: unknown) => {
      const r = await dispatch(table, c.opened.ctx, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.data as any;
    };
    const customerId = (await call(fast, 'customers:create', { name: '时钟偏差测试客户', tier: 'normal' })).id;
    const a = await call(fast, 'contracts:create', { customerId, number: 'SKEW-A', endsOn: '2026-12-31' });
    const b = await call(fast, 'contracts:create', { customerId, number: 'SKEW-B', endsOn: '2026-12-31' });
    // The fast desktop's tick moves the catch-up marker past its own writes, stamped ten minutes ahead.
    await runReminderTick(fast.opened.ctx);
    // The slow desktop writes B's end date the way an import does: straight to the table, no recompute, stamped
    // by its clock twenty minutes behind the fast one's stamps.
    const slowStamp = slow.opened.ctx.now().toISOString();
    await q(t.ctx.db).updateTable('contracts').set({ ends_on: '2026-02-20', updated_at: slowStamp }).where('id', '=', b.id).execute();
    // The 30-day step of the new date is due on 2026-01-21 at 09:00 local: the next tick (either desktop) arms it.
    server = localDueInstant('2026-01-21', '09:00').getTime() + 1000;
    const fired = await runReminderTick(slow.opened.ctx);
    expect(fired.fired.map((f) => f.contractNo)).toEqual(['SKEW-B']);
    expect(fired.now).toBe(new Date(server).toISOString());
    const stamped = await q(t.ctx.db).selectFrom('notifications').select(['fired_at', 'created_at']).execute();
    expect(stamped).toEqual([{ fired_at: new Date(server).toISOString(), created_at: new Date(server).toISOString() }]);
    expect(a.id).not.toBe(b.id);
  }, 120_000);
});
