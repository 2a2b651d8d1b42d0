// The process handlerFuzz.test.ts runs under strace. It opens the archive as the web host does (openBackend: the
// backend worker from dist/node/backend.mjs, a reader and a writer thread, the reminder scheduler; or, for the
// planted faults, the handler table in this process), seeds it, names the marker file (the trace is judged from
// there on), runs the handler fuzz and prints its report. Stdout lines: `@<n> <op> <payload>` before each payload
// (so a death or a hang names it), `CRASH <json>` if the process itself fails, `REPORT <json>` at the end.
import fs from 'node:fs';
import { buildHandlerTable } from '../../electron/services/allHandlers.ts';
import { openBackend } from '../../electron/services/backend/openBackend.ts';
import { dispatch } from '../../electron/services/handlerTable.ts';
import type { Logger } from '../../electron/services/logger.ts';
import { openServiceContext } from '../../electron/services/openServiceContext.ts';
import { safeJson } from './envelopeChecks.ts';
import { FuzzPools } from './fuzzPools.ts';
import { runHandlerFuzz, type CallOperation } from './handlerFuzz.ts';
import type { FuzzTargets } from './hostileValues.ts';
import { plantFault, type PlantedFault } from './plantedFaults.ts';
import type { PayloadSizes } from './schemaPayloads.ts';
import { seedFuzzArchive, type Call } from './seedFuzzArchive.ts';

export interface HandlerFuzzChildConfig {
  targets: FuzzTargets;
  marker: string;
  seed: number;
  rounds: number;
  sizes: PayloadSizes;
  ops?: string[];
  concurrentEvery: number;
  /** The backend worker's bundle: calls go through it as the web host's do. Without it, dispatch in this process. */
  workerScript?: string;
  /** A fault planted in the handler table (this process only). */
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

// In this process, a fixed clock that moves on with every payload, so times repeat per seed; the worker keeps its own.
let now = Date.parse('2026-11-23T02:00:00.000Z');
let call: CallOperation;
let seedCall: Call;
let close: () => Promise<void>;
if (config.workerScript) {
  const backend = await openBackend({
    kind: 'web',
    logger,
    settings: {
      file: config.targets.dataFile,
      workerScript: config.workerScript,
      actor: 'fuzz',
      // The scheduler runs beside the fuzz, as in the web host, a tick a second.
      tickIntervalMs: 1000,
      notifier: 'none',
      appName: 'fuzz',
      autoBackup: true,
      threads: 'split',
    },
  });
  call = seedCall = (name, input) => backend.call(name, input);
  close = () => backend.close();
} else {
  const opened = await openServiceContext({ file: config.targets.dataFile, logger, now: () => new Date(now) });
  const real = buildHandlerTable();
  const table = plantFault(real, config.plant, config.targets);
  seedCall = (name, input) => dispatch(real, opened.ctx, name, input);
  call = (name, input) => dispatch(table, opened.ctx, name, input);
  close = opened.close;
}
const pools = new FuzzPools();
await seedFuzzArchive(seedCall, pools, '2026-11-23', config.light === true);
logged.length = 0;

// From this lookup on, every path the process names is judged.
fs.statSync(config.marker, { throwIfNoEntry: false });
const report = await runHandlerFuzz({
  call,
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
