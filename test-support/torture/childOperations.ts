// What each torture child does once its archive is open: the operation under test, called through the real
// handler table exactly as the app calls it, plus the faults it plants on purpose when asked to.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { claimDueReminders } from '../../db/repositories/reminderClaimRepo.ts';
import { withTransaction } from '../../db/withTransaction.ts';
import type { ServiceContext } from '../../electron/services/serviceContext.ts';
import type { ChildSpec, Plant, TortureOp } from './childProtocol.ts';
import type { CallEnvelope } from '../import/uploadBytes.ts';
import { importSheetData } from './importSheet.ts';
import { restoreInput } from './restoreInput.ts';

export interface ChildRun {
  spec: ChildSpec;
  ctx: ServiceContext;
  /** Dispatches through the handler table; an error envelope fails the child. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** Dispatches and returns the envelope as it is. */
  envelope: CallEnvelope;
  /** A write the operation made returned: prints ACK. */
  committed(): void;
  /** One call of the operation returned: the child's own kill point. */
  returned(): void;
  /** Prints a line of the protocol. */
  say(line: string): void;
  /** Dies now, the way a crash would. */
  die(): never;
}

interface RenewDefaults {
  number: string;
  startsOn: string | null;
  endsOn: string | null;
}

async function renewOnce(run: ChildRun, contractId: string): Promise<string> {
  const d = await run.call<RenewDefaults>('renewals:renewDefaults', { contractId });
  const done = await run.call<{ newContractId: string }>('renewals:renew', { contractId, number: d.number, startsOn: d.startsOn, endsOn: d.endsOn });
  run.committed();
  run.returned();
  return done.newContractId;
}

/** Overwrites a run of pages in the middle of a closed file: what a torn write would leave. */
function scribble(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(3 * 4096, 0xa5), 0, 3 * 4096, Math.floor(size / 2 / 4096) * 4096);
  } finally {
    fs.closeSync(fd);
  }
}

const plants: Partial<Record<Plant, (run: ChildRun) => Promise<void>>> = {
  // An import that commits its first half on its own, then dies: half a batch outside one transaction.
  'half-batch': async (run) => {
    await importSheetData(run.envelope, run.spec.inputs['halfSheet']!);
    run.die();
  },
  // A whole import, then garbage over some pages of the closed file.
  'scribble': async (run) => {
    await importSheetData(run.envelope, run.spec.inputs['sheet']!);
    run.committed();
    await run.ctx.reopenAfter(async () => {
      scribble(run.spec.file);
      run.die();
    });
  },
  // Half of the live file copied into the backups folder under a name the list shows.
  'half-listed-backup': async (run) => {
    const { name } = await run.call<{ name: string }>('system:backup');
    const bytes = fs.readFileSync(path.join(run.ctx.backupsDir, name));
    fs.writeFileSync(path.join(run.ctx.backupsDir, 'renewal-desk-20260101-000000-000-manual.db'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    run.die();
  },
  // A tick that commits its claim on its own and dies before writing the in-app records.
  'claim-without-record': async (run) => {
    await withTransaction(run.ctx.db, (tx) => claimDueReminders(tx, run.spec.nowIso));
    run.die();
  },
  // A tick, then a recomputation that wrongly re-arms a step that already fired (a second later), and a crash.
  're-arm-fired': async (run) => {
    await run.call('reminders:run', {});
    await run.ctx.reopenAfter(async () => {
      const raw = new Database(run.spec.file);
      raw
        .prepare(
          `UPDATE reminders SET fired_at = NULL, outcome = NULL, due_at = strftime('%Y-%m-%dT%H:%M:%fZ', due_at, '+1 second')
           WHERE id = (SELECT id FROM reminders WHERE outcome = 'fired' ORDER BY due_at DESC LIMIT 1)`,
        )
        .run();
      raw.close();
    });
    run.die();
  },
  // A restore that copies the backup over the live file and leaves the live WAL, which then replays onto it.
  'stale-wal': async (run) => {
    await run.call('customers:create', { name: 'WAL 里的新客户' });
    fs.copyFileSync(run.spec.inputs['backup']!, run.spec.file);
    run.die();
  },
};

/** Runs the operation (the migration's is the open itself, done by the child before this). */
const operations: Record<TortureOp, (run: ChildRun) => Promise<void>> = {
  import: async (run) => {
    await importSheetData(run.envelope, run.spec.inputs['sheet']!);
    run.committed();
    run.returned();
  },
  renew: async (run) => {
    // Many contracts, one call each; then one contract renewed term after term (a chain).
    for (const id of JSON.parse(run.spec.inputs['contractIds']!) as string[]) await renewOnce(run, id);
    let term = run.spec.inputs['chainId']!;
    for (let k = 0; k < Number(run.spec.inputs['chainTerms']); k++) term = await renewOnce(run, term);
  },
  bulk: async (run) => {
    await run.call('import:undo', { batchId: run.spec.inputs['batchId'] });
    run.committed();
    run.returned();
    await run.call('customers:delete', { id: run.spec.inputs['customerId'] });
    run.committed();
    run.returned();
    await run.call('notifications:markRead', { all: true });
    run.committed();
    run.returned();
  },
  migration: async () => {},
  backup: async (run) => {
    // Writes go on while backups are taken, interleaved on the one connection as in the running app.
    const writes = async () => {
      for (let i = 0; i < Number(run.spec.inputs['writes']); i++) {
        await run.call('customers:create', { name: `备份期间的新客户${i}`, primaryContact: { name: `联系人${i}`, phone: `1390000${String(i).padStart(4, '0')}` } });
        run.committed();
      }
    };
    const backups = async () => {
      for (let k = 0; k < Number(run.spec.inputs['backups']); k++) {
        const { name } = await run.call<{ name: string }>('system:backup');
        run.say(`BACKUP ${name}`);
        run.returned();
      }
    };
    await Promise.all([writes(), backups()]);
  },
  restore: async (run) => {
    await run.call('system:restore', restoreInput(run.spec.inputs['backup']!));
    run.committed();
    run.returned();
  },
};

export async function runChildOperation(run: ChildRun): Promise<void> {
  const plant = run.spec.plant ? plants[run.spec.plant] : undefined;
  if (plant) return plant(run);
  if (run.spec.op === 'scheduler') throw new Error('the scheduler runs test-support/reminders/reminderCrashChild.ts');
  return operations[run.spec.op](run);
}
