// Fuzzes the readers (issue: fuzz suites in CI with fixed seeds): random bytes and damaged real files, CSV in
// UTF-8 and GBK and .xlsx from exceljs, read to the end through openImportSource. Each case ends in records or a
// VALIDATION error with a message (no SQL or stack in it); never a crash, an unhandled error, a hang past the
// per-case limit, or memory past the bound. importFuzz.test.ts covers the import of CSV sheets on top of this.
import { describe, expect, it } from 'vitest';
import { fuzzScale, fuzzSeed, scaled } from '../../../../test-support/fuzz/fuzzScale.ts';
import { runReaderFuzz } from '../../../../test-support/fuzz/runReaderFuzz.ts';

const SEED = fuzzSeed(5150);
const CASES = scaled(250);
const CASE_TIME_MS = 15_000;
/** Node and exceljs take about 150 MB; a reader that held a whole decompressed bomb or file would pass this. */
const MAX_RSS_BYTES = 450 << 20;

describe('reader fuzz', () => {
  it(`reads ${CASES} random and damaged CSV and .xlsx files to records or a worded VALIDATION error (seed ${SEED})`, async () => {
    const r = await runReaderFuzz({ seed: SEED, cases: CASES, caseTimeMs: CASE_TIME_MS, big: fuzzScale() > 1 });
    console.log(
      `[fuzz] readers: seed ${SEED}, ${r.cases} cases (${r.read} read, ${r.validation} refused), ${r.problems.length} problems, ` +
        `peak RSS ${Math.round(r.maxRssBytes / 2 ** 20)} MB, ${r.children} child(ren), ${r.wallMs} ms; slowest kinds ` +
        Object.entries(r.kinds).sort((a, b) => b[1].ms - a[1].ms).slice(0, 5).map(([k, v]) => `${k} ${v.ms} ms/${v.cases}`).join(', '),
    );
    expect(r.problems.map((p) => `#${p.index} ${p.kind}: ${p.detail.slice(0, 800)}`)).toEqual([]);
    expect(r.read + r.validation).toBe(r.cases);
    expect(r.maxRssBytes).toBeLessThan(MAX_RSS_BYTES);
  }, 900_000 * fuzzScale());
});

describe('the reader fuzz catches planted faults', () => {
  it.each([
    ['throws a plain error', 'throw', /planted: a reader that throws/],
    ['words SQL into its message', 'leak', /sql-in-message/],
    ['fails outside the read', 'crash', /uncaughtException/],
    ['never answers', 'hang', /no answer within/],
    ['spins without yielding', 'spin', /no answer within/],
  ] as const)('a reader that %s is reported', async (_what, plant, detail) => {
    const r = await runReaderFuzz({ seed: 1, cases: 1, caseTimeMs: 500, plant });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.map((p) => `${p.kind} ${p.detail}`).join('\n')).toMatch(detail);
  }, 60_000);

  it('a reader that holds on to memory goes past the bound', async () => {
    const r = await runReaderFuzz({ seed: 1, cases: 1, caseTimeMs: 10_000, plant: 'memory', plantBytes: MAX_RSS_BYTES });
    expect(r.maxRssBytes).toBeGreaterThan(MAX_RSS_BYTES);
  }, 60_000);
});
