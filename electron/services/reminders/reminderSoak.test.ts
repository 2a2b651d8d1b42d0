import { describe, expect, it } from 'vitest';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import { mulberry32 } from '../../../shared/domain/seededRandom.ts';
import { seedReminderData, type SeedContract, type SeedCustomer } from '../../../test-support/reminders/reminderSeed.ts';
import { countDueUnclaimed, nextPendingDueAt, outboxHealth, reminderFingerprint, undeliveredTickCount } from '../../../db/repositories/reminderHealth.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import type { NotificationRequest, Notifier } from '../notifier/notifier.ts';
import { openTestContext, testEngine } from '../../../test-support/openTestContext.ts';
import { recomputeAllReminders } from './recomputeReminders.ts';
import type { TickOutcome } from './reminderTick.ts';
import { startScheduler, tickAndDeliver, type Scheduler } from './tickScheduler.ts';

// Two simulated years of a shop's laptop: 10k contracts, the machine asleep or off for an hour to three weeks at
// random, the user editing and renewing contracts mid-ladder and snoozing reminders. The clock jumps straight to
// the next due instant, user action or wake-up; every tick is the real one on a real SQLite file.
const SEED = Number(process.env['SOAK_SEED'] ?? 20261123);
// A PostgreSQL archive answers each statement over a socket: there the soak runs a tenth of the shop (issue 15 asks
// for 1k contracts), with the volume floors below scaled alike; every invariant is checked the same.
const SCALE = testEngine() === 'postgres' ? 0.1 : 1;
const CONTRACTS = 10_000 * SCALE;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// User actions go through the real handlers (audit, recompute): bounded so the run stays well under 2 minutes.
const MAX_RENEWALS = 800;
const MAX_SNOOZES = 800;
const MAX_EDITS = 600;


interface Downtime {
  start: number;
  end: number;
  kind: 'sleep' | 'off';
}

describe('reminder soak: two years, downtime, edits, renewals and snoozes', () => {
  it('claims every step exactly once, never early, none missed, one toast per tick, snoozes return', async () => {
    const rand = mulberry32(SEED);
    const start = new Date(2026, 0, 1, 0, 0).getTime();
    const end = new Date(2028, 0, 1, 0, 0).getTime();
    const t = await openTestContext(new Date(start).toISOString());
    const { ctx } = t;
    try {
      const customers: SeedCustomer[] = [];
      const contracts: SeedContract[] = [];
      for (let i = 0; i < 8_000 * SCALE; i++) {
        const r = rand();
        customers.push({
          name: `客户${String(i).padStart(5, '0')}有限公司`,
          tier: r < 0.15 ? 'vip' : r < 0.45 ? 'important' : 'normal',
          contactName: `联系人${i}`,
          birthday: rand() < 0.3 ? `19${70 + Math.floor(rand() * 30)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null,
        });
      }
      for (let i = 0; i < CONTRACTS; i++) {
        const r = rand();
        const cycle = r < 0.6 ? 'year' : r < 0.8 ? 'half_year' : r < 0.95 ? 'quarter' : 'month';
        const endsOn = addDaysIso('2026-01-01', 10 + Math.floor(rand() * 390));
        contracts.push({ customerIndex: i % customers.length, number: `SK-${i}`, startsOn: addDaysIso(endsOn, -200), endsOn, cycle, amountFen: 100_00 * (1 + Math.floor(rand() * 500)) });
      }
      const { contractIds } = await seedReminderData(ctx.db, customers, contracts, new Date(start).toISOString());
      // Holiday greetings (issue 14) off: ~1,200 VIP customers × 7 holidays would add some 8,000 claims and their
      // time to this run; the holiday year is tested on its own (electron/services/messages/greetings.test.ts).
      await t.call('messages:setGreetingSettings', { daysAhead: 3, holidayTiers: [] });
      await withTransaction(ctx.db, (tx) => recomputeAllReminders(ctx, tx));
      const seededAt = performance.now();
      const timing = { calls: 0, ticks: 0 };

      const downtimes: Downtime[] = [];
      for (let at = start + Math.floor(rand() * 5 * DAY); at < end; ) {
        const length = Math.floor(Math.exp(Math.log(HOUR) + rand() * (Math.log(21 * DAY) - Math.log(HOUR))));
        downtimes.push({ start: at, end: Math.min(at + length, end), kind: rand() < 0.6 ? 'sleep' : 'off' });
        at += length + Math.floor((1 + rand() * 14) * DAY);
      }

      const sent: { request: NotificationRequest; ok: boolean }[] = [];
      // The OS side of the Notifier port, recorded; it refuses 1% of toasts, which must then come back at start-up.
      const notifier: Notifier = {
        notify: async (request) => {
          const ok = rand() >= 0.01;
          sent.push({ request, ok });
          if (!ok) throw new Error('notification service unavailable');
        },
      };
      const stats = { ticks: 0, claims: 0, superseded: 0, digests: 0, toasts: 0, early: 0, missed: 0, badToastCount: 0, downtimes: downtimes.length, sleeps: 0, restarts: 0, edits: 0, renewals: 0, snoozes: 0, snoozesReturned: 0, careReminders: 0, redelivered: 0, snoozesSuperseded: 0 };
      const firesOf = new Map<string, number>();
      const snoozed = new Map<string, { until: number; contractId: string }>();
      const snoozeCount = new Map<string, number>();
      const supersededAfterSnooze = new Set<string>();
      const busyContracts = new Set<string>();
      const pendingRenewals: { at: number; contractId: string }[] = [];
      const active = new Set(contractIds);
      let now = start;

      const call = t.call;
      t.call = async (name: string, input?: unknown) => {
        const t0 = performance.now();
        try {
          return await call(name, input);
        } finally {
          timing.calls += performance.now() - t0;
        }
      };
      const setNow = (ms: number) => {
        now = ms;
        t.setNow(new Date(ms).toISOString());
      };
      const checkTick = async (outcome: TickOutcome, toasts: NotificationRequest[]) => {
        stats.ticks++;
        stats.claims += outcome.fired.length;
        stats.superseded += outcome.superseded.length;
        if (outcome.digest) stats.digests++;
        if (toasts.length !== (outcome.fired.length > 0 ? 1 : 0)) stats.badToastCount++;
        if (outcome.fired.length >= 2 && !toasts[0]!.title.includes(`${outcome.fired.length} 条`)) stats.badToastCount++;
        for (const f of outcome.fired) {
          if (Date.parse(f.dueAt) > now) stats.early++;
          firesOf.set(f.reminderId, (firesOf.get(f.reminderId) ?? 0) + 1);
          if (f.kind !== 'expiry') stats.careReminders++;
          const s = snoozed.get(f.reminderId);

          if (s && s.until <= now) {
            if (Date.parse(f.dueAt) !== s.until) stats.early++;
            snoozed.delete(f.reminderId);
            busyContracts.delete(s.contractId);
            stats.snoozesReturned++;
          }
          if (f.kind === 'expiry' && f.step !== null && f.step <= 0 && active.has(f.subjectId) && !busyContracts.has(f.subjectId) && stats.renewals + pendingRenewals.length < MAX_RENEWALS && rand() < 0.5) {
            busyContracts.add(f.subjectId);
            pendingRenewals.push({ at: now + Math.floor(rand() * 10 * DAY), contractId: f.subjectId });
          } else if (stats.snoozes < MAX_SNOOZES && !busyContracts.has(f.subjectId) && rand() < 0.02) {
            const until = now + Math.floor((1 + rand() * 71) * HOUR);
            await t.call('reminders:snooze', { reminderId: f.reminderId, until: new Date(until).toISOString() });
            snoozed.set(f.reminderId, { until, contractId: f.subjectId });
            snoozeCount.set(f.reminderId, (snoozeCount.get(f.reminderId) ?? 0) + 1);
            busyContracts.add(f.subjectId);
            stats.snoozes++;
          }
        }
        for (const x of outcome.superseded) {
          const s = snoozed.get(x.reminderId);
          // A snoozed step that comes back in the same catch-up tick as a later step of its contract is superseded
          // by that later step, like any older step.
          if (s && s.until <= now) {
            snoozed.delete(x.reminderId);
            busyContracts.delete(s.contractId);
            stats.snoozesSuperseded++;
            supersededAfterSnooze.add(x.reminderId);
          }
        }
        stats.missed += await countDueUnclaimed(ctx.db, new Date(now).toISOString());
      };
      const tickAt = async (ms: number) => {
        setNow(ms);
        const before = sent.length;
        const t0 = performance.now();
        const outcome = await tickAndDeliver(ctx, notifier);
        timing.ticks += performance.now() - t0;
        await checkTick(outcome, sent.slice(before).map((s) => s.request));
      };
      const restart = async () => {
        const undeliveredTicks = await undeliveredTickCount(ctx.db);
        let cursor = sent.length;
        const outcomes: { outcome: TickOutcome; toasts: NotificationRequest[] }[] = [];
        const scheduler: Scheduler = startScheduler(ctx, notifier, {
          intervalMs: 10 * 60_000,
          onTick: (outcome) => {
            outcomes.push({ outcome, toasts: sent.slice(cursor).map((s) => s.request) });
            cursor = sent.length;
          },
        });
        const redeliveredFrom = sent.length;
        await scheduler.tick('start-up');
        await scheduler.stop();
        // The start-up run first redelivers one toast per earlier tick left undelivered, then ticks.
        const first = outcomes[0]!;
        const redelivered = first.toasts.splice(0, undeliveredTicks);
        stats.redelivered += redelivered.length;
        if (sent.length - redeliveredFrom < undeliveredTicks) stats.badToastCount++;
        for (const o of outcomes) await checkTick(o.outcome, o.toasts);
        stats.restarts++;
      };

      let nextEdit = start + Math.floor(rand() * 2 * DAY);
      let downIndex = 0;
      while (now < end) {
        const due = await nextPendingDueAt(ctx.db);
        // A minute-based scheduler ticks up to a minute after the instant; never before it.
        const dueAt = due === null ? Infinity : Math.max(now, Date.parse(due) + Math.floor(rand() * 60) * 1000);
        const down = downtimes[downIndex];
        pendingRenewals.sort((a, b) => a.at - b.at);
        const renewalAt = pendingRenewals[0]?.at ?? Infinity;
        const next = Math.min(dueAt, down?.start ?? Infinity, nextEdit, renewalAt, end);
        if (next >= end) break;
        if (down && next === down.start) {
          setNow(down.end);
          downIndex++;
          if (down.kind === 'off') await restart();
          else {
            stats.sleeps++;
            await tickAt(down.end);
          }
          continue;
        }
        setNow(Math.max(now, next));
        if (next === nextEdit) {
          nextEdit = now + Math.floor(rand() * 1.5 * DAY);
          const id = contractIds[Math.floor(rand() * contractIds.length)]!;
          if (!active.has(id) || busyContracts.has(id) || stats.edits >= MAX_EDITS) continue;
          const current = await t.call('contracts:get', { id });
          await t.call('contracts:update', { id, version: current.version, endsOn: addDaysIso(current.endsOn, Math.floor(rand() * 80) - 20), startsOn: null });
          stats.edits++;
        } else if (next === renewalAt) {
          const { contractId } = pendingRenewals.shift()!;
          busyContracts.delete(contractId);
          const d = await t.call('renewals:renewDefaults', { contractId });
          const r = await t.call('renewals:renew', { contractId, number: d.number, startsOn: d.startsOn, endsOn: d.endsOn });
          active.delete(contractId);
          active.add(r.newContractId);
          contractIds.push(r.newContractId);
          stats.renewals++;
        } else {
          await tickAt(now);
        }
      }
      setNow(end);
      await restart();
      await tickAt(end + 60_000);

      const health = await outboxHealth(ctx.db);
      const before = await reminderFingerprint(ctx.db);
      await withTransaction(ctx.db, (tx) => recomputeAllReminders(ctx, tx));
      const after = await reminderFingerprint(ctx.db);
      let duplicates = 0;
      for (const [id, n] of firesOf) {
        if (n !== 1 + (snoozeCount.get(id) ?? 0) - (snoozed.has(id) || supersededAfterSnooze.has(id) ? 1 : 0)) {
          duplicates++;
          if (duplicates < 4) console.log('[soak] mismatch', id, n, snoozeCount.get(id), snoozed.get(id));
        }
      }
      stats.toasts = sent.length;
      console.log(`[soak] simulated in ${Math.round(performance.now() - seededAt)} ms (${Math.round(timing.ticks)} ms in ticks, ${Math.round(timing.calls)} ms in user actions)`);
      console.log(`[soak] seed ${SEED}, final day ${localDateOf(new Date(now))}`, JSON.stringify({ ...stats, duplicates, health }));

      expect(stats.ticks).toBeGreaterThan(700);
      expect(stats.claims).toBeGreaterThan(50_000 * SCALE);
      expect(stats.superseded).toBeGreaterThan(1_000 * SCALE);
      expect(stats.snoozes).toBeGreaterThan(100 * SCALE);
      expect({ duplicates, missed: stats.missed, early: stats.early, badToastCount: stats.badToastCount }).toEqual({ duplicates: 0, missed: 0, early: 0, badToastCount: 0 });
      expect(stats.snoozesReturned + stats.snoozesSuperseded).toBe(stats.snoozes - [...snoozed.values()].filter((s) => s.until > end).length);
      expect(stats.snoozesReturned).toBeGreaterThan(stats.snoozes * 0.9);
      expect(health).toMatchObject({ duplicateClaims: 0, early: 0, undelivered: 0, claimsWithoutRecord: 0 });
      expect(health.notifications).toBe(stats.claims);
      // Recomputing from scratch changes nothing: the materialized steps were right all along.
      expect(after).toEqual(before);
    } finally {
      await t.close();
    }
  }, 300_000);
});
