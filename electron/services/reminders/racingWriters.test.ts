import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { mulberry32 } from '../../../shared/domain/seededRandom.ts';
import { countDueUnclaimed, nextPendingDueAt, reminderFingerprint } from '../../../db/repositories/reminderHealth.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { seedReminderData, type SeedContract, type SeedCustomer } from '../../../test-support/reminders/reminderSeed.ts';
import { openTestContext, testEngine, type TestContext } from '../../../test-support/openTestContext.ts';
import { buildHandlerTable } from '../allHandlers.ts';
import { dispatch } from '../handlerTable.ts';
import { silentLogger } from '../logger.ts';
import { openPostgresServiceContext } from '../openPostgresServiceContext.ts';
import type { OpenContext } from '../openServiceContext.ts';
import { recomputeAllReminders } from './recomputeReminders.ts';
import { tickAndDeliver } from './tickScheduler.ts';

// Team mode (issue 15): the reminder rows have writers besides the tick. While one desktop ticks through simulated
// months, two others keep writing them on the same PostgreSQL archive: editing contracts' end dates, snoozing what
// just fired, changing the tier ladders (a recompute over every contract) and recomputing everything. Every write
// must succeed (no unique violation behind an INTERNAL envelope, no deadlock), every fire happen once and never
// early by the server clock, nothing due be left unclaimed once the writers stop, and the rows end up exactly what
// a fresh recompute makes of the final data (no ladder left stale by a tick that recomputed from an older read).
// On SQLite one writer holds the file at a time and nothing races: the file is skipped there.
const CONTRACTS = 200;
/** Wall-clock budget of the racing part, so a loaded machine runs fewer rounds instead of timing out. */
const BUDGET_MS = 90_000;
const LADDERS = [
  [60, 30, 15, 7, 1],
  [45, 30, 14, 3],
] as const;

describe.skipIf(testEngine() !== 'postgres')('reminder writers racing the tick on one PostgreSQL archive', () => {
  let t: TestContext;
  let server = Date.parse('2026-01-01T00:00:00.000Z');
  const clients: OpenContext[] = [];

  const openClient = (skew: number) =>
    openPostgresServiceContext({ url: t.file, localDir: t.dir, now: () => new Date(server + skew), serverClock: () => new Date(server), logger: silentLogger });

  beforeEach(async () => {
    t = await openTestContext(new Date(server).toISOString());
    clients.push(await openClient(0), await openClient(10 * 60_000), await openClient(-7 * 60_000));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await t.close();
    server = Date.parse('2026-01-01T00:00:00.000Z');
  });

  it('edits, snoozes and full recomputes on two desktops while a third ticks: 0 errors, 0 duplicates, 0 early, 0 missed', async () => {
    const seedRand = mulberry32(15_042);
    const customers: SeedCustomer[] = Array.from({ length: 150 }, (_, i) => ({
      name: `并发客户${String(i).padStart(4, '0')}有限公司`,
      tier: (['vip', 'important', 'normal'] as const)[i % 3]!,
      contactName: `联系人${i}`,
      birthday: null,
    }));
    const contracts: SeedContract[] = Array.from({ length: CONTRACTS }, (_, i) => {
      const endsOn = addDaysIso('2026-01-01', 20 + Math.floor(seedRand() * 120));
      return { customerIndex: i % customers.length, number: `RC-${i}`, startsOn: addDaysIso(endsOn, -364), endsOn, cycle: 'year', amountFen: 100_00 * (1 + i) };
    });
    const { contractIds } = await seedReminderData(t.ctx.db, customers, contracts, new Date(server).toISOString());
    // No holiday greetings: their steps follow the calendar, and the final check compares with a fresh recompute.
    await t.call('messages:setGreetingSettings', { daysAhead: 3, holidayTiers: [] });
    await withTransaction(t.ctx.db, (tx) => recomputeAllReminders(t.ctx, tx));

    const table = buildHandlerTable();
    const [ticker, ...writers] = clients as [OpenContext, OpenContext, OpenContext];
    const errors: string[] = [];
    const firesOf = new Map<string, number>();
    const recentlyFired: string[] = [];
    const stats = { ticks: 0, claims: 0, early: 0, edits: 0, snoozes: 0, ladders: 0, recomputes: 0 };
    const end = Date.parse('2026-05-31T00:00:00.000Z');
    let ticking = true;

    const tickLoop = async () => {
      const rand = mulberry32(1);
      try {
        const stopAt = Date.now() + BUDGET_MS;
        while (server < end && Date.now() < stopAt) {
          if (stats.ticks % 20 === 0 && process.env['RACE_TRACE']) console.log(new Date(server).toISOString(), JSON.stringify(stats), errors.length);
          const due = await nextPendingDueAt(ticker.ctx.db);
          server = Math.min(end, Math.max(server + 60_000, due === null ? end : Date.parse(due) + Math.floor(rand() * 120) * 1000));
          const nowIso = new Date(server).toISOString();
          let outcome;
          try {
            outcome = await tickAndDeliver(ticker.ctx, undefined);
          } catch (e) {
            errors.push(`tick: ${String(e)}`);
            continue;
          }
          stats.ticks++;
          for (const f of outcome.fired) {
            const key = `${f.reminderId}|${f.dueAt}`;
            firesOf.set(key, (firesOf.get(key) ?? 0) + 1);
            if (f.dueAt > nowIso) stats.early++;
            stats.claims++;
            recentlyFired.push(f.reminderId);
          }
          recentlyFired.splice(0, Math.max(0, recentlyFired.length - 50));
        }
      } finally {
        ticking = false;
      }
    };

    const call = async (writer: OpenContext, name: string, input: unknown, acceptable: readonly string[] = []) => {
      const r = await dispatch(table, writer.ctx, name, input);
      if (!r.ok && !acceptable.includes(r.error.code)) errors.push(`${name}: ${r.error.code} ${r.error.message}`);
      return r;
    };

    const writeLoop = async (writer: OpenContext, seed: number) => {
      const rand = mulberry32(seed);
      let ladder = 0;
      while (ticking) {
        const roll = rand();
        if (roll < 0.55) {
          const id = contractIds[Math.floor(rand() * contractIds.length)]!;
          const current = await call(writer, 'contracts:get', { id });
          if (!current.ok) continue;
          const data = current.data as { version: number; endsOn: string };
          // The other desktop may have edited it since the read: a version conflict is the user's ordinary refusal.
          const updated = await call(writer, 'contracts:update', { id, version: data.version, endsOn: addDaysIso(data.endsOn, Math.floor(rand() * 30) - 10), startsOn: null }, ['CONFLICT']);
          if (updated.ok) stats.edits++;
        } else if (roll < 0.8) {
          const reminderId = recentlyFired[Math.floor(rand() * recentlyFired.length)];
          if (reminderId === undefined) continue;
          const until = new Date(server + 3 * 3_600_000 + Math.floor(rand() * 48) * 3_600_000).toISOString();
          // A snoozed step whose contract moved since may be gone (NOT_FOUND) or closed (VALIDATION): both honest answers.
          const r = await call(writer, 'reminders:snooze', { reminderId, until }, ['NOT_FOUND', 'VALIDATION']);
          if (r.ok) stats.snoozes++;
        } else if (roll < 0.9) {
          ladder = 1 - ladder;
          // Both desktops saving the same tier's ladder at once: the later save's audited write finds the rule's
          // version moved and refuses (CONFLICT, 该记录已被他人修改), the user's ordinary answer.
          const r = await call(writer, 'reminders:setSettings', { ladders: { normal: [...LADDERS[ladder]!] } }, ['CONFLICT']);
          if (r.ok) stats.ladders++;
        } else {
          try {
            await withTransaction(writer.ctx.db, (tx) => recomputeAllReminders(writer.ctx, tx));
            stats.recomputes++;
          } catch (e) {
            errors.push(`recompute: ${String(e)}`);
          }
        }
      }
    };

    await Promise.all([tickLoop(), writeLoop(writers[0], 42), writeLoop(writers[1], 43)]);
    // The writers stopped: one more tick claims whatever they left due, then nothing due may remain unclaimed.
    await tickAndDeliver(ticker.ctx, undefined);
    const missed = await countDueUnclaimed(t.ctx.db, new Date(server).toISOString());
    const duplicates = [...firesOf.values()].filter((n) => n > 1).length;
    console.log(`[racing writers] ${JSON.stringify({ ...stats, duplicates, missed, errors: errors.length })}`);
    expect(errors.slice(0, 5)).toEqual([]);
    expect({ duplicates, early: stats.early, missed }).toEqual({ duplicates: 0, early: 0, missed: 0 });
    expect(stats.ticks).toBeGreaterThan(30);
    expect(stats.edits).toBeGreaterThan(20);
    expect(stats.snoozes + stats.ladders + stats.recomputes).toBeGreaterThan(5);
    // No stale ladder left behind: recomputing the final data from scratch changes no row.
    const before = await reminderFingerprint(t.ctx.db);
    await withTransaction(t.ctx.db, (tx) => recomputeAllReminders(t.ctx, tx));
    expect(await reminderFingerprint(t.ctx.db)).toEqual(before);
  }, 240_000);
});
