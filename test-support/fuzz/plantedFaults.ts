// Faults planted in a copy of the real handler table, one per check, so each check is seen failing on the fault
// it exists for: a handler that opens a path from its input, one that writes a canary, one that throws a plain
// error, leaks SQL or a stack, invents an error code, answers off-contract, pollutes Object.prototype, stalls, or
// whose input check itself throws.
import fs from 'node:fs';
import { AppError, type ErrorCode } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Handler, HandlerTable } from '../../electron/services/handlerTable.ts';
import type { FuzzTargets } from './hostileValues.ts';

export const PLANTED_FAULTS = [
  'read-input-path',
  'write-canary',
  'throw-raw',
  'sql-message',
  'stack-message',
  'unknown-code',
  'bad-output',
  'pollute',
  'slow',
  'parse-throws',
] as const;
export type PlantedFault = (typeof PLANTED_FAULTS)[number];

/** The operation each fault is planted in: one whose generated payloads carry strings (paths among them). */
export const PLANTED_OP = 'customers:get';

const asIs = { safeParse: (raw: unknown) => ({ success: true as const, data: raw }) };
const field = (raw: unknown, key: string) => (raw !== null && typeof raw === 'object' && key in raw ? (raw as Record<string, unknown>)[key] : undefined);

function naiveMerge(target: Record<string, unknown>, source: unknown): void {
  if (source === null || typeof source !== 'object') return;
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== null && typeof value === 'object') naiveMerge((target[key] ??= {}) as Record<string, unknown>, value);
    else target[key] = value;
  }
}

function plantedRun(fault: PlantedFault, targets: FuzzTargets): (raw: unknown) => Promise<unknown> {
  switch (fault) {
    case 'read-input-path':
      return async (raw) => {
        const p = field(raw, 'id');
        if (typeof p === 'string' && !p.includes('\u0000')) {
          try {
            return { size: fs.readFileSync(p).length };
          } catch {
            // Unreadable or missing: the attempt is what the trace shows.
          }
        }
        throw new AppError('NOT_FOUND', msg('errors.internal'));
      };
    case 'write-canary':
      return async () => {
        fs.appendFileSync(targets.canaryFiles[0] ?? '', 'planted\n');
        return {};
      };
    case 'throw-raw':
      return async () => {
        throw new Error('planted: a plain error from a handler');
      };
    case 'sql-message':
      return async () => {
        throw new AppError('VALIDATION', msg('validation.zod', { detail: 'SqliteError: no such column: customers.nam' }));
      };
    case 'stack-message':
      return async () => {
        throw new AppError('VALIDATION', msg('validation.zod', { detail: new Error('planted').stack ?? '' }));
      };
    case 'unknown-code':
      return async () => {
        throw new AppError('TEAPOT' as ErrorCode, msg('errors.internal'));
      };
    case 'bad-output':
      return async () => ({ planted: true });
    case 'pollute':
      return async (raw) => {
        naiveMerge({}, raw);
        throw new AppError('NOT_FOUND', msg('errors.internal'));
      };
    case 'slow':
      return () => new Promise((resolve) => setTimeout(() => resolve({ planted: true }), 60));
    case 'parse-throws':
      return async () => ({});
  }
}

/** The real table with one fault planted in PLANTED_OP; the table itself when there is none. */
export function plantFault(table: HandlerTable, fault: PlantedFault | undefined, targets: FuzzTargets): HandlerTable {
  if (fault === undefined) return table;
  const run = plantedRun(fault, targets);
  const input =
    fault === 'parse-throws'
      ? {
          safeParse: (): never => {
            throw new TypeError('planted: an input check that throws');
          },
        }
      : asIs;
  const planted = { input, run: (_ctx: unknown, raw: unknown) => run(raw) } as unknown as Handler<typeof PLANTED_OP>;
  return { ...table, [PLANTED_OP]: planted };
}
