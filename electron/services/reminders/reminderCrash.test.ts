import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { mulberry32 } from '../../../shared/domain/seededRandom.ts';
import { countDueUnclaimed, nextPendingDueAt, outboxHealth, undeliveredTickCount } from '../../../db/repositories/reminderHealth.ts';
import { openTestContext } from '../../../test-support/openTestContext.ts';
import { bundleChild } from '../../../test-support/childBundle.ts';
import { openServiceContext } from '../openServiceContext.ts';
import { silentLogger } from '../logger.ts';
import type { TickHookPoint } from './reminderTick.ts';

// A reminder process SIGKILLed at each named point of the tick, 50 times, chosen by seed; every next start-up is
// the restart. After each: no step claimed twice, no claim without its in-app record, and once a start-up
// completes, nothing left undelivered. Toasts may repeat only after a kill between showing and marking.
const SEED = Number(process.env['CRASH_SEED'] ?? 4242);
const RUNS = 50;
const POINTS: TickHookPoint[] = ['after-claim', 'after-commit-before-notify', 'mid-delivery'];
const CHILD = 'test-support/reminders/reminderCrashChild.ts';


function runChild(bundle: string, file: string, nowIso: string, killAt: TickHookPoint | 'none', toastLog: string) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [bundle, file, nowIso, killAt, toastLog], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

async function inspect(file: string, nowIso: string) {
  const { ctx, close } = await openServiceContext({ file, logger: silentLogger });
  try {
    return {
      health: await outboxHealth(ctx.db),
      dueUnclaimed: await countDueUnclaimed(ctx.db, nowIso),
      undeliveredTicks: await undeliveredTickCount(ctx.db),
      next: await nextPendingDueAt(ctx.db),
    };
  } finally {
    await close();
  }
}

describe('reminder crash test', () => {
  it(`survives ${RUNS} SIGKILLs at after-claim, after-commit-before-notify and mid-delivery`, async () => {
    const rand = mulberry32(SEED);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-crash-'));
    // Bundled once, so each of the 51 processes starts in a fraction of a second instead of compiling TypeScript.
    const bundle = await bundleChild(CHILD);
    const file = path.join(dir, 'crash.db');
    const toastLog = path.join(dir, 'toasts.jsonl');
    fs.writeFileSync(toastLog, '');
    const t = await openTestContext('2026-11-23T00:00:00.000Z');
    for (let c = 0; c < 12; c++) {
      const customerId = (await t.call('customers:create', { name: `崩溃测试客户${c}`, tier: (['vip', 'important', 'normal'] as const)[c % 3] })).id;
      for (let k = 0; k < 3; k++) {
        await t.call('contracts:create', { customerId, number: `CR-${c}-${k}`, endsOn: addDaysIso('2026-12-20', Math.floor(rand() * 200)) });
      }
    }
    fs.copyFileSync(path.join(t.ctx.backupsDir, (await t.call('system:backup')).name), file);
    await t.close();
    const kills: Record<string, number> = { 'after-claim': 0, 'after-commit-before-notify': 0, 'mid-delivery': 0 };
    let now = new Date('2026-11-23T00:00:00.000Z').getTime();
    for (let run = 0; run < RUNS; run++) {
      const before = await inspect(file, new Date(now).toISOString());
      if (before.next) now = Math.max(now, Date.parse(before.next)) + Math.floor(rand() * 3) * 86_400_000 + Math.floor(rand() * 60) * 1000;
      const nowIso = new Date(now).toISOString();
      const point = POINTS[Math.floor(rand() * POINTS.length)]!;
      const result = await runChild(bundle, file, nowIso, point, toastLog);
      if (result.signal === 'SIGKILL') kills[point]!++;
      else expect(result).toMatchObject({ code: 0, stderr: '' });
      const after = await inspect(file, nowIso);
      expect(after.health).toMatchObject({ duplicateClaims: 0, claimsWithoutRecord: 0, early: 0 });
      // A kill inside the claim's transaction rolls it back: the steps are still there to claim.
      if (result.signal === 'SIGKILL' && point === 'after-claim') expect(after.health.notifications).toBe(before.health.notifications);
    }
    const finalNow = new Date(now + 60_000).toISOString();
    const last = await runChild(bundle, file, finalNow, 'none', toastLog);
    expect(last).toMatchObject({ code: 0, signal: null });
    const end = await inspect(file, finalNow);
    const toasts = fs.readFileSync(toastLog, 'utf8').trim().split('\n').filter(Boolean).length;
    console.log(`[crash] seed ${SEED}: kills ${JSON.stringify(kills)}, notifications ${end.health.notifications}, toasts ${toasts}`);
    expect(kills['after-claim']! + kills['after-commit-before-notify']! + kills['mid-delivery']!).toBeGreaterThanOrEqual(40);
    expect(Object.values(kills).every((n) => n > 5)).toBe(true);
    expect(end.health).toMatchObject({ duplicateClaims: 0, claimsWithoutRecord: 0, undelivered: 0, early: 0 });
    expect(end.dueUnclaimed).toBe(0);
    expect(end.health.notifications).toBeGreaterThan(50);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
