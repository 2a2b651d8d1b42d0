// The archive each torture operation starts from, built once per suite run through the real services (the
// migration's older archive through the db layer, as db/migrations/*.test.ts build theirs). Every run copies the
// template folder: `archive.db`, its backups folder, and the operation's input files.
import fs from 'node:fs';
import path from 'node:path';
import { backupsDirFor } from '../../db/backups.ts';
import { newId } from '../../db/newId.ts';
import { openDatabase } from '../../db/openDatabase.ts';
import { rawOf } from '../../db/handle.ts';
import { ALL_MIGRATIONS } from '../../db/migrations/allMigrations.ts';
import { buildHandlerTable } from '../../electron/services/allHandlers.ts';
import { dispatch } from '../../electron/services/handlerTable.ts';
import { silentLogger } from '../../electron/services/logger.ts';
import { openServiceContext } from '../../electron/services/openServiceContext.ts';
import { addDaysIso } from '../../shared/domain/dates.ts';
import { generateRenewalSheet, renewalSheetCsv, type SheetRow } from '../import/renewalSheetGenerator.ts';
import { seededRandom } from '../import/seededRandom.ts';
import type { TortureOp } from './childProtocol.ts';
import type { CallEnvelope } from '../import/uploadBytes.ts';
import { importSheetData } from './importSheet.ts';

export const ARCHIVE = 'archive.db';
export const TORTURE_NOW = '2026-11-23T02:00:00.000Z';
const DAY_MS = 86_400_000;

export interface Template {
  dir: string;
  /** The instant every child of this operation runs at. */
  nowIso: string;
  inputs: Record<string, string>;
}

export type Call = <T = any>(name: string, input?: unknown) => Promise<T>;

/** Opens an archive through the services, with the handler table, at a fixed instant. */
export async function withArchive<T>(file: string, nowIso: string, work: (call: Call, envelope: CallEnvelope) => Promise<T>): Promise<T> {
  const { ctx, close } = await openServiceContext({ file, now: () => new Date(nowIso), logger: silentLogger });
  const table = buildHandlerTable();
  const envelope: CallEnvelope = (name, input = {}) => dispatch(table, ctx, name, input);
  const call: Call = async (name, input = {}) => {
    const result = await envelope(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.data as never;
  };
  try {
    return await work(call, envelope);
  } finally {
    await close();
  }
}

function writeSheet(dir: string, name: string, rows: readonly SheetRow[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, renewalSheetCsv(rows, { seed: 5 }));
  return file;
}

async function importTemplate(dir: string): Promise<Template> {
  const rows = generateRenewalSheet({ rows: 4000, seed: 11, customers: 900 });
  const head = writeSheet(dir, 'head.csv', rows.slice(0, 400));
  const sheet = writeSheet(dir, 'sheet.csv', rows);
  const halfSheet = writeSheet(dir, 'half.csv', rows.slice(0, 2000));
  // The archive already holds the sheet's first rows, so the import both updates and creates.
  await withArchive(path.join(dir, ARCHIVE), TORTURE_NOW, (_call, envelope) => importSheetData(envelope, head));
  return { dir, nowIso: TORTURE_NOW, inputs: { sheet, halfSheet } };
}

async function renewTemplate(dir: string): Promise<Template> {
  const random = seededRandom(21);
  return withArchive(path.join(dir, ARCHIVE), TORTURE_NOW, async (call) => {
    const contractIds: string[] = [];
    for (let c = 0; c < 40; c++) {
      const customer = await call('customers:create', { name: `续约测试客户${c}`, tier: (['vip', 'important', 'normal'] as const)[c % 3] });
      const endsOn = addDaysIso('2026-12-01', random.int(-20, 120));
      const k = await call('contracts:create', {
        customerId: customer.id,
        number: `XY-${String(c).padStart(3, '0')}`,
        startsOn: addDaysIso(endsOn, -364),
        endsOn,
        amountFen: random.int(1000, 90_000) * 100,
        cycle: (['year', 'half_year', 'quarter', 'month'] as const)[c % 4],
      });
      contractIds.push(k.id);
    }
    const chainCustomer = await call('customers:create', { name: '多期续约客户', tier: 'vip' });
    const chain = await call('contracts:create', { customerId: chainCustomer.id, number: 'LT-001', startsOn: '2026-01-01', endsOn: '2026-12-31', cycle: 'year' });
    return { dir, nowIso: TORTURE_NOW, inputs: { contractIds: JSON.stringify(contractIds), chainId: chain.id, chainTerms: '3' } };
  });
}

async function bulkTemplate(dir: string): Promise<Template> {
  const big = writeSheet(dir, 'batch.csv', generateRenewalSheet({ rows: 2000, seed: 12, customers: 500 }));
  // One customer with every row of a second sheet: a delete that cascades over hundreds of contracts.
  const oneCustomer = generateRenewalSheet({ rows: 200, seed: 13, customers: 1 }).map((r) => ({
    ...r,
    cells: r.cells.map((cell, i) => (i === 1 ? '独家大客户集团有限公司' : i === 5 && cell ? `DK-${cell}` : cell)),
  }));
  const one = writeSheet(dir, 'one-customer.csv', oneCustomer);
  const file = path.join(dir, ARCHIVE);
  const batchId = await withArchive(file, TORTURE_NOW, async (_call, envelope) => {
    const batch = await importSheetData(envelope, big);
    await importSheetData(envelope, one);
    return batch.batchId as string;
  });
  // Forty days on, the steps that fell due since fire: many unread notifications to mark read at once.
  const later = new Date(Date.parse(TORTURE_NOW) + 40 * DAY_MS).toISOString();
  const customerId = await withArchive(file, later, async (call) => {
    await call('reminders:run', {});
    const found = await call('customers:list', { search: '独家大客户' });
    return found.items[0].id as string;
  });
  return { dir, nowIso: later, inputs: { batchId, customerId } };
}

/** A version-7 archive (before the contracts rebuild, the name key and the notification keys), filled raw. */
async function migrationTemplate(dir: string): Promise<Template> {
  const opened = await openDatabase({ file: path.join(dir, ARCHIVE), migrations: ALL_MIGRATIONS.filter((m) => m.version <= 7) });
  const raw = rawOf(opened.db);
  const random = seededRandom(31);
  const at = '2026-01-05T01:00:00.000Z';
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => `@${c}`).join(', ')}, '${at}', '${at}')`).run(row);
  };
  raw.transaction(() => {
    for (let c = 0; c < 3000; c++) {
      const customerId = newId();
      insert('customers', { id: customerId, name: `迁移客户${c}号${random.pick(['科技', '贸易', '物流', '传媒'])}有限公司`, tier: random.pick(['vip', 'important', 'normal']) });
      insert('contacts', { id: newId(), customer_id: customerId, name: `联系人${c}`, phone: `1380000${String(c).padStart(4, '0')}`, is_primary: 1 });
      let previous: string | null = null;
      for (let k = 0; k < 2; k++) {
        const id = newId();
        const endsOn = addDaysIso('2026-06-30', k * 365 + random.int(0, 200));
        insert('contracts', {
          id, customer_id: customerId, number: `QY-${c}-${k}`, starts_on: addDaysIso(endsOn, -364), ends_on: endsOn,
          amount_fen: random.int(100, 9000) * 100, cycle: random.pick(['year', 'quarter', 'month']), status: k === 0 ? 'renewed' : 'active', renewal_of: previous,
        });
        insert('follow_ups', { id: newId(), customer_id: customerId, contract_id: id, at, channel: 'phone', kind: 'renewal', summary: `第${k + 1}期续费沟通` });
        previous = id;
      }
    }
  })();
  await opened.close();
  return { dir, nowIso: TORTURE_NOW, inputs: {} };
}

async function backupTemplate(dir: string): Promise<Template> {
  const sheet = writeSheet(dir, 'sheet.csv', generateRenewalSheet({ rows: 1500, seed: 41, customers: 500 }));
  await withArchive(path.join(dir, ARCHIVE), TORTURE_NOW, (_call, envelope) => importSheetData(envelope, sheet));
  return { dir, nowIso: TORTURE_NOW, inputs: { writes: '12', backups: '4' } };
}

/** Archive A is live; a backup of a different archive B, taken an hour before (inside every retention window), sits in A's backups folder under a listed name. */
async function restoreTemplate(dir: string): Promise<Template> {
  const sheetA = writeSheet(dir, 'a.csv', generateRenewalSheet({ rows: 1500, seed: 51, customers: 500 }));
  const sheetB = writeSheet(dir, 'b.csv', generateRenewalSheet({ rows: 800, seed: 52, customers: 300 }));
  await withArchive(path.join(dir, ARCHIVE), TORTURE_NOW, (_call, envelope) => importSheetData(envelope, sheetA));
  const otherDir = path.join(dir, 'other');
  fs.mkdirSync(otherDir);
  const made = await withArchive(path.join(otherDir, 'b.db'), '2026-11-23T01:00:00.000Z', async (call, envelope) => {
    await importSheetData(envelope, sheetB);
    return call('system:backup');
  });
  const backupsDir = backupsDirFor(path.join(dir, ARCHIVE));
  fs.mkdirSync(backupsDir, { recursive: true });
  const backup = path.join(backupsDir, made.name);
  fs.copyFileSync(path.join(backupsDirFor(path.join(otherDir, 'b.db')), made.name), backup);
  fs.rmSync(otherDir, { recursive: true });
  return { dir, nowIso: TORTURE_NOW, inputs: { backup } };
}

export const TEMPLATES: Record<TortureOp, (dir: string) => Promise<Template>> = {
  import: importTemplate,
  renew: renewTemplate,
  bulk: bulkTemplate,
  migration: migrationTemplate,
  backup: backupTemplate,
  restore: restoreTemplate,
};
