// Fuzzes every operation of the handler table (issue: fuzz suites in CI with fixed seeds). In a child process
// under strace, about 2,000 generated and malformed payloads go to a seeded archive through the backend worker,
// as the web host sends them (with its reader and writer threads and the reminder scheduler running); then:
// no crash, every error typed (never INTERNAL) and worded without SQL or a stack, outputs as the contract says,
// no prototype polluted, the archive intact, and not one path touched outside its data, backups and staging
// folders (reads also in the code and a short list of system files), no canary named, no canary changed.
// `npm run fuzz` scales it up (FUZZ_SCALE); FUZZ_SEED repeats another run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHandlerTable } from './allHandlers.ts';
import { dispatch } from './handlerTable.ts';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { messageLeaks } from '../../test-support/fuzz/envelopeChecks.ts';
import { FuzzPools } from '../../test-support/fuzz/fuzzPools.ts';
import { fuzzScale, fuzzSeed, scaled } from '../../test-support/fuzz/fuzzScale.ts';
import { runHandlerFuzz, type HandlerFuzzReport } from '../../test-support/fuzz/handlerFuzz.ts';
import { PLANTED_OP, plantFault, type PlantedFault } from '../../test-support/fuzz/plantedFaults.ts';
import { BACKEND_BUNDLE, runTracedHandlerFuzz, summarizeViolations } from '../../test-support/fuzz/tracedHandlerFuzz.ts';
import { zhCN } from '../../shared/i18n/zhCN.ts';
import { enUS } from '../../shared/i18n/enUS.ts';

const SEED = fuzzSeed(20261123);
const SIZES = { hugeString: 300_000, hugeArray: 50_000, deepNesting: 2_000 };
// 31 rounds over the 64 operations, plus the unknown names and the bursts: about 2,000 payloads in CI.
const ROUNDS = scaled(31);

function problemsOf(report: HandlerFuzzReport | null): string[] {
  return (report?.problems ?? []).map((p) => `${p.kind} ${p.op} [${p.payloadKind}] ${p.detail.slice(0, 300)} ← ${p.payload}${p.logged.length ? `\n  logged: ${p.logged[0]?.slice(0, 600)}` : ''}`);
}

describe('handler fuzz', () => {
  it(`answers ${ROUNDS} rounds of payloads to every operation with typed envelopes and stays inside its folders (seed ${SEED})`, async () => {
    const r = await runTracedHandlerFuzz({ seed: SEED, rounds: ROUNDS, sizes: SIZES, concurrentEvery: 25, workerScript: BACKEND_BUNDLE }, 240_000 * fuzzScale());
    const report = r.report;
    console.log(
      `[fuzz] handlers: seed ${SEED}, ${report?.payloads ?? 0} payloads (${report?.ok ?? 0} ok, errors ${JSON.stringify(report?.errorCodes ?? {})}), ` +
        `${report?.problemCount ?? 0} problems, ${r.failure ? 1 : 0} crashes, ${r.violations.length} escapes in ${r.accesses} path accesses, ` +
        `fuzz ${report?.elapsedMs ?? 0} ms, wall ${r.wallMs} ms, slowest ${report?.slowest.op} ${report?.slowest.ms} ms`,
    );
    // Soft: a failing run shows every kind of failure at once, problems and escapes alike.
    expect.soft(r.failure, 'the child died or hung').toBeNull();
    expect.soft(r.markerSeen, 'the trace never reached the marker').toBe(true);
    expect.soft(problemsOf(report), r.stderr.slice(-4000)).toEqual([]);
    expect.soft(report?.problemCount).toBe(0);
    expect.soft(summarizeViolations(r.violations)).toEqual([]);
    expect.soft(r.canariesUnchanged, 'a canary changed').toBe(true);
    expect.soft(r.integrity).toBe('ok');
    expect.soft(r.foreignKeyProblems).toBe(0);
    expect(report?.payloads ?? 0).toBeGreaterThanOrEqual(1900 * Math.min(1, fuzzScale()));
  }, 600_000 * fuzzScale());
});

// Each check seen failing on the fault it exists for.
describe('the handler fuzz catches planted faults', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext();
    for (const name of ['甲公司', '乙公司', '丙公司']) await t.call('customers:create', { name });
  });
  afterAll(async () => {
    await t.close();
  });

  const targets = () => ({ workDir: t.dir, dataFile: t.file, backupsDir: `${t.dir}/test-backups`, stagingDir: `${t.dir}/test-staging`, canaryFiles: [`${t.dir}/canary.txt`], canaryDir: `${t.dir}/canary` });
  async function fuzzPlanted(fault: PlantedFault, rounds = 12) {
    const pools = new FuzzPools();
    pools.harvest('customers:list', await t.call('customers:list', { limit: 50 }));
    const table = plantFault(buildHandlerTable(), fault, targets());
    return runHandlerFuzz({ call: (name, input) => dispatch(table, t.ctx, name, input), seed: 7, rounds, targets: targets(), pools, sizes: { hugeString: 1000, hugeArray: 100, deepNesting: 50 }, ops: [PLANTED_OP], slowMs: 30 });
  }

  it.each([
    ['throw-raw', 'internal'],
    ['sql-message', 'sql-in-message'],
    ['stack-message', 'stack-in-message'],
    ['unknown-code', 'unknown-code'],
    ['bad-output', 'bad-output'],
    ['slow', 'slow'],
    ['parse-throws', 'crash'],
  ] as const)('%s is reported as %s', async (fault, kind) => {
    const report = await fuzzPlanted(fault);
    expect(report.problems.filter((p) => p.kind === kind).length).toBeGreaterThan(0);
  });

  it('pollution of Object.prototype is reported', async () => {
    try {
      // Prototype keys are one mutation in eleven: enough rounds that some reach the merge.
      const report = await fuzzPlanted('pollute', 80);
      expect(report.problems.some((p) => p.kind === 'pollution')).toBe(true);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['fuzzPolluted'];
    }
  });

  it('the message check blames no sentence of the catalogue, only SQL and stacks', () => {
    const sentences = [...Object.values(zhCN), ...Object.values(enUS)].filter((v): v is string => typeof v === 'string');
    expect(sentences.filter((s) => messageLeaks(s, {}) !== null)).toEqual([]);
    expect(messageLeaks('SqliteError: UNIQUE constraint failed: customers.name', {})).toBe('sql-in-message');
    expect(messageLeaks('查询失败：SELECT id FROM customers', {})).toBe('sql-in-message');
    expect(messageLeaks('Error: boom\n    at run (/app/x.ts:3:9)', {})).toBe('stack-in-message');
    // The caller's own words echoed back are not a leak.
    expect(messageLeaks('找不到客户 “SELECT 1”', { id: 'SELECT 1' })).toBeNull();
  });
});

describe('the escape check catches planted escapes', () => {
  it('a handler that opens a path from its input is caught reading outside, canaries included', async () => {
    const r = await runTracedHandlerFuzz({ seed: 11, rounds: 60, sizes: SIZES, concurrentEvery: 0, ops: [PLANTED_OP], plant: 'read-input-path', light: true }, 120_000);
    expect(r.failure).toBeNull();
    const reasons = new Set(r.violations.map((v) => v.reason));
    expect(reasons.has('canary')).toBe(true);
    expect(reasons.has('read-outside') || reasons.has('canary')).toBe(true);
  }, 180_000);

  it('a handler that writes a canary is caught by the trace and by the fingerprint', async () => {
    const r = await runTracedHandlerFuzz({ seed: 12, rounds: 5, sizes: SIZES, concurrentEvery: 0, ops: [PLANTED_OP], plant: 'write-canary', light: true }, 120_000);
    expect(r.violations.some((v) => v.reason === 'canary' && v.access.mode === 'write')).toBe(true);
    expect(r.canariesUnchanged).toBe(false);
  }, 180_000);
});
