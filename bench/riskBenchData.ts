import type { Db } from '../db/handle.ts';
import { rawOf } from '../db/handle.ts';
import { addDaysIso } from '../shared/domain/dates.ts';
import { mulberry32 } from '../shared/domain/seededRandom.ts';
import { DASHBOARD_BENCH_SIZES, DASHBOARD_BENCH_TODAY } from '../test-support/reports/dashboardBenchData.ts';

// The risk bench's signals (bench:risk), added to the dashboard bench's archive (100k customers, ~150k contracts):
// two years of them, as the health score reads them. Per customer: monthly usage figures for 24 months (80% of
// customers; a fifth of them falling in the last months), follow-ups (revisits, and 咨询/工单 some months), a
// contact (85% with a phone), competitor events (15%), and for each contract that started in the last two years
// quarterly instalments, most paid on time, some late, some unpaid. Deterministic (seeded); raw inserts.
export const RISK_BENCH_SIGNALS_VERSION = 1;

export interface RiskSignalCounts {
  usage: number;
  followUps: number;
  contacts: number;
  competitorEvents: number;
  instalments: number;
}

export function addRiskSignals(db: Db): RiskSignalCounts {
  const raw = rawOf(db);
  const today = DASHBOARD_BENCH_TODAY;
  const rand = mulberry32(1313);
  const int = (n: number) => Math.floor(rand() * n);
  const stamp = `${today}T00:00:00.000Z`;
  const usage = raw.prepare(
    `INSERT INTO usage_figures (id, customer_id, period_kind, period_start, value, unit, created_at, updated_at) VALUES (?, ?, 'month', ?, ?, 'logins', ?, ?)`,
  );
  const followUp = raw.prepare(
    `INSERT INTO follow_ups (id, customer_id, at, channel, kind, summary, created_at, updated_at) VALUES (?, ?, ?, 'phone', ?, 'call', ?, ?)`,
  );
  const contact = raw.prepare(`INSERT INTO contacts (id, customer_id, name, phone, is_primary, created_at, updated_at) VALUES (?, ?, 'contact', ?, 1, ?, ?)`);
  const event = raw.prepare(`INSERT INTO competitor_events (id, customer_id, on_date, text, created_at, updated_at) VALUES (?, ?, ?, 'quote', ?, ?)`);
  const instalment = raw.prepare(
    `INSERT INTO contract_instalments (id, contract_id, due_on, due_amount_fen, paid_amount_fen, paid_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const monthStart = (back: number) => {
    const m0 = ty * 12 + (tm - 1) - back;
    return `${Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}-01`;
  };
  const counts: RiskSignalCounts = { usage: 0, followUps: 0, contacts: 0, competitorEvents: 0, instalments: 0 };
  const contracts = raw
    .prepare(`SELECT id, starts_on, amount_fen FROM contracts WHERE deleted_at IS NULL AND starts_on >= ? AND starts_on <= ?`)
    .raw()
    .all(addDaysIso(today, -730), today) as [string, string, number | null][];
  raw.transaction(() => {
    for (let i = 0; i < DASHBOARD_BENCH_SIZES.customers; i++) {
      const customerId = `cust-${i}`;
      if (rand() < 0.8) {
        const base = 20 + int(500);
        const falling = rand() < 0.2;
        for (let back = 23; back >= 0; back--) {
          const value = Math.round(base * (0.8 + rand() * 0.4) * (falling && back < 3 ? 0.3 + rand() * 0.5 : 1));
          usage.run(`uf-${i}-${back}`, customerId, monthStart(back), value, stamp, stamp);
          counts.usage++;
        }
      }
      const followUps = int(8);
      for (let k = 0; k < followUps; k++) {
        const at = `${addDaysIso(today, -int(730))}T0${int(10)}:00:00.000Z`;
        const roll = rand();
        followUp.run(`rfu-${i}-${k}`, customerId, at, roll < 0.3 ? 'inquiry' : roll < 0.45 ? 'ticket' : 'revisit', at, at);
        counts.followUps++;
      }
      if (rand() < 0.9) {
        contact.run(`ct-${i}`, customerId, rand() < 0.85 ? `138${String(i).padStart(8, '0')}` : null, stamp, stamp);
        counts.contacts++;
      }
      if (rand() < 0.15) {
        const n = 1 + int(3);
        for (let k = 0; k < n; k++) {
          event.run(`ce-${i}-${k}`, customerId, addDaysIso(today, -int(730)), stamp, stamp);
          counts.competitorEvents++;
        }
      }
    }
    for (const [contractId, startsOn, amountFen] of contracts) {
      const each = Math.floor((amountFen ?? 400_000) / 4);
      for (let k = 0; k < 4; k++) {
        const dueOn = addDaysIso(startsOn, k * 91);
        const roll = rand();
        let paid = 0;
        let paidOn: string | null = null;
        if (dueOn <= today) {
          if (roll < 0.75) [paid, paidOn] = [each, addDaysIso(dueOn, -int(5))];
          else if (roll < 0.9) [paid, paidOn] = [each, addDaysIso(dueOn, 1 + int(60))];
          else if (roll < 0.95) [paid, paidOn] = [Math.floor(each / 2), addDaysIso(dueOn, int(20))];
        }
        if (paidOn !== null && paidOn > today) paidOn = today;
        instalment.run(`ci-${contractId}-${k}`, contractId, dueOn, each, paid, paidOn, stamp, stamp);
        counts.instalments++;
      }
    }
    raw.prepare('DELETE FROM health_dirty').run();
  })();
  return counts;
}

/** The cache name of the risk bench archive: the dashboard archive's, plus this fill. */
export const riskArchiveCacheName = (cacheName: (prefix: string, extra: readonly string[]) => string): string =>
  cacheName('risk', [String(RISK_BENCH_SIGNALS_VERSION), addRiskSignals.toString()]);
