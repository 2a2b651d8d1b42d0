// The process readerFuzz.test.ts runs: cases `from` to `to` of a seeded reader fuzz, each written to a file and
// read to the end through openImportSource (the CSV and .xlsx readers), each under a time limit. Stdout lines:
// `@<i> <kind>` before a case (a death or a hang names its case), `= <i> read|validation <ms>` after a good one,
// `PROBLEM <json>` for a case that ended in
// anything but records or a worded VALIDATION error, `HANG <i>` (then it exits: the stuck read holds the file),
// and `DONE <json>` with the peak resident memory.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/appError.ts';
import { msg, renderIn } from '../../shared/i18n/message.ts';
import { openImportSource } from '../../electron/services/import/source/openImportSource.ts';
import { messageLeaks } from './envelopeChecks.ts';
import { BIG_SIZES, CI_SIZES, readerCase, readerSamples, type ReaderCase } from './readerCases.ts';

export interface ReaderChildConfig {
  seed: number;
  from: number;
  to: number;
  dir: string;
  caseTimeMs: number;
  /** The extreme cases at full size (npm run fuzz) rather than CI's. */
  big: boolean;
  /** A fault put in place of the readers, to see the parent's checks catch it. */
  plant?: 'throw' | 'hang' | 'spin' | 'crash' | 'leak' | 'memory';
  /** What the 'memory' fault holds on to. */
  plantBytes?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ReaderChildConfig;
const say = (line: string) => process.stdout.write(`${line}\n`);
let current = -1;
const die = (kind: string) => (e: unknown) => {
  say(`PROBLEM ${JSON.stringify({ index: current, kind, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) })}`);
  process.exit(70);
};
process.on('uncaughtException', die('uncaughtException'));
process.on('unhandledRejection', die('unhandledRejection'));

async function planted(plant: NonNullable<ReaderChildConfig['plant']>): Promise<number> {
  switch (plant) {
    case 'throw':
      throw new TypeError('planted: a reader that throws a plain error');
    case 'hang':
      return new Promise(() => {});
    case 'spin':
      for (;;);
    case 'crash':
      setImmediate(() => {
        throw new Error('planted: an error thrown outside the read');
      });
      return new Promise(() => {});
    case 'leak':
      throw new AppError('VALIDATION', msg('validation.zod', { detail: 'SqliteError: no such table: x' }));
    case 'memory':
      return Buffer.alloc(config.plantBytes ?? 0, 1).length;
  }
}

async function readAll(file: string, encoding: 'auto' | 'utf8' | 'gb18030', sheet: string | undefined): Promise<number> {
  if (config.plant) return planted(config.plant);
  const source = await openImportSource(file, { encoding, sheet, fileName: 'fuzz' });
  let records = source.header ? 1 : 0;
  for await (const batch of source.records) records += batch.length;
  return records;
}

// A planted fault reads no case: no samples to build.
const samples = config.plant ? null : await readerSamples(config.seed);
for (let i = config.from; i < config.to; i++) {
  current = i;
  const c: ReaderCase = samples ? readerCase(config.seed, i, samples, config.big ? BIG_SIZES : CI_SIZES) : { kind: 'planted', bytes: Buffer.from('x'), encoding: 'auto' };
  say(`@${i} ${c.kind} ${c.bytes.length}`);
  const file = path.join(config.dir, `case-${i % 4}.bin`);
  fs.writeFileSync(file, c.bytes);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), config.caseTimeMs)));
  const t0 = Date.now();
  const outcome = await Promise.race([readAll(file, c.encoding, c.sheet).then((n) => ({ records: n }), (e: unknown) => ({ error: e })), hang]);
  clearTimeout(timer);
  if (outcome === 'hang') {
    say(`HANG ${i}`);
    process.exit(3);
  }
  if ('records' in outcome) {
    say(`= ${i} read ${Date.now() - t0}`);
    continue;
  }
  const e = outcome.error;
  const message = e instanceof AppError ? renderIn('en-US', e.detail) : '';
  const leak = message === '' ? null : messageLeaks(message, {});
  if (e instanceof AppError && e.code === 'VALIDATION' && message.trim() !== '' && leak === null) {
    say(`= ${i} validation ${Date.now() - t0}`);
  } else {
    const detail = e instanceof AppError ? `${e.code} ${leak ?? ''} ${message}` : e instanceof Error ? (e.stack ?? e.message) : String(e);
    say(`PROBLEM ${JSON.stringify({ index: i, kind: c.kind, detail: detail.slice(0, 2000) })}`);
  }
}
// The kernel's peak resident set size of this process, in bytes.
say(`DONE ${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);
