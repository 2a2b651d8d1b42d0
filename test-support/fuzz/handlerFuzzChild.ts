// The process handlerFuzz.test.ts runs under strace: it opens the archive, seeds it, names the marker file (the
// trace is judged from there on), runs the handler fuzz and prints its report. Stdout lines: `@<n> <op>` before
// each payload (so a death or a hang names its payload), `CRASH <json>` if the process itself fails, and
// `REPORT <json>` at the end.
import fs from 'node:fs';
import { buildHandlerTable } from '../../electron/services/allHandlers.ts';
import { dispatch } from '../../electron/services/handlerTable.ts';
import type { Logger } from '../../electron/services/logger.ts';
import { openServiceContext } from '../../electron/services/openServiceContext.ts';
import { safeJson } from './envelopeChecks.ts';
import { FuzzPools } from './fuzzPools.ts';
import { runHandlerFuzz } from './handlerFuzz.ts';
import type { FuzzTargets } from './hostileValues.ts';
import { plantFault, type PlantedFault } from './plantedFaults.ts';
import type { PayloadSizes } from './schemaPayloads.ts';
import { seedFuzzArchive } from './seedFuzzArchive.ts';

export interface HandlerFuzzChildConfig {
  targets: FuzzTargets;
  marker: string;
  seed: number;
  rounds: number;
  sizes: PayloadSizes;
  ops?: string[];
  concurrentEvery: number;
  plant?: PlantedFault;
  /** Seed two customers instead of the demo archive. */
  light?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as HandlerFuzzChildConfig;
let current = 'seeding';
const die = (kind: string) => (e: unknown) => {
  process.stdout.write(`CRASH ${JSON.stringify({ kind, at: current, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
  process.exit(70);
};
process.on('uncaughtException', die('uncaughtException'));
process.on('unhandledRejection', die('unhandledRejection'));

const logged: string[] = [];
const record = (message: string, detail?: unknown) => logged.push(`${message} ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail) ?? ''}`);
const logger: Logger = { info() {}, warn: record, error: record };

// A fixed clock that moves on with every payload, so backups, reminders and audit times differ but repeat per seed.
let now = Date.parse('2026-11-23T02:00:00.000Z');
const { ctx, close } = await openServiceContext({ file: config.targets.dataFile, logger, now: () => new Date(now) });
const real = buildHandlerTable();
const pools = new FuzzPools();
await seedFuzzArchive((op, input) => dispatch(real, ctx, op, input), pools, '2026-11-23', config.light === true);
const table = plantFault(real, config.plant, config.targets);
logged.length = 0;

// From this lookup on, every path the process names is judged.
fs.statSync(config.marker, { throwIfNoEntry: false });
const report = await runHandlerFuzz({
  table,
  ctx,
  seed: config.seed,
  rounds: config.rounds,
  targets: config.targets,
  pools,
  sizes: config.sizes,
  ...(config.ops ? { ops: config.ops } : {}),
  concurrentEvery: config.concurrentEvery,
  takeLogged: () => logged.splice(0),
  onPayload: (index, op, payload) => {
    current = `#${index} ${op}`;
    now += 37_000;
    process.stdout.write(`@${index} ${op} ${safeJson(payload, 500)}\n`);
  },
});
await close();
process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
