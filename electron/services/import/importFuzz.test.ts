// Fuzzing the reader and the importer (issue 5): random cells, quoting, line ends, encodings and raw bytes.
// Whatever comes in: no crash (only a typed VALIDATION error for an unusable file), no partial write (a
// dry run, a --strict abort or an error leaves the database exactly as it was; a commit adds exactly what
// it reports), and every bad row reported with its line.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { encodeGb18030 } from '../../../test-support/import/encodeGb18030.ts';
import { importEnvelope } from '../../../test-support/import/importTestKit.ts';
import { sqlRow } from '../../../test-support/sqlRows.ts';

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(async () => {
  await t.close();
});

const HEADERS = ['客户名称', '联系人', '合同编号', '签订日期', '到期日期', '合同金额', '续费周期', '客户等级', '备注'];
const GOOD = {
  name: ['甲公司', '乙公司', ' 丙公司\u3000', '=丁公司', '"戊"公司', '己,庚公司'],
  contact: ['', '张三', '李四', '+86 王五'],
  number: ['', 'HT-1', 'HT-2', 'HT-3', "'=HT-4"],
  signed: ['', '2025-01-01', '2025/1/1', '20250101', '45658'],
  ends: ['2025-12-31', '2025年12月31日', '2026.1.1', '46022'],
  amount: ['', '12800', '¥12,800.00', '1.28万', 'RMB 99', '0.005'],
  cycle: ['', '年', 'monthly', '季度', '一次性'],
  tier: ['', 'VIP', '重要', '普通'],
  notes: ['', '备注', '两行\n备注', 'a,"b"'],
};
const BAD = { name: [''], ends: ['', '2025-02-30', '下月底', '60', '2024-12-31'], amount: ['-1', '面议', '1.2.3'], cycle: ['两年'], tier: ['金牌'] };

interface FuzzRow {
  cells: string[];
  bad: boolean;
}

const goodRow = fc.record(Object.fromEntries(Object.entries(GOOD).map(([k, v]) => [k, fc.constantFrom(...v)])) as Record<keyof typeof GOOD, fc.Arbitrary<string>>);
const row: fc.Arbitrary<FuzzRow> = fc.tuple(goodRow, fc.option(fc.constantFrom(...(Object.keys(BAD) as (keyof typeof BAD)[])), { freq: 3 }), fc.nat()).map(([g, badField, pick]) => {
  const v: Record<string, string> = { ...g };
  if (badField) v[badField] = BAD[badField][pick % BAD[badField].length]!;
  // Signed after the end date is bad too (2024-12-31 end with a 2025 signing date).
  let bad = badField !== null;
  if (badField === 'ends') {
    // A missing end is fine for a numbered one-time contract; 2024-12-31 is bad only after a 2025 signing.
    if (v['ends'] === '') bad = !(v['cycle'] === '一次性' && v['number'] !== '');
    if (v['ends'] === '2024-12-31') bad = v['signed'] !== '';
  }
  return { cells: [v['name']!, v['contact']!, v['number']!, v['signed']!, v['ends']!, v['amount']!, v['cycle']!, v['tier']!, v['notes']!], bad };
});

const sheetCase = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 12 }),
  quoteAll: fc.boolean(),
  crlf: fc.boolean(),
  blankEvery: fc.integer({ min: 0, max: 4 }),
  delimiter: fc.constantFrom(',', '\t', ';'),
  encoding: fc.constantFrom('utf8', 'utf8-bom', 'gb18030', 'utf16le'),
  mode: fc.constantFrom('commit', 'dry', 'strict'),
});

function render(c: fc.Arbitrary<unknown> extends never ? never : (typeof sheetCase extends fc.Arbitrary<infer T> ? T : never)) {
  const eol = c.crlf ? '\r\n' : '\n';
  const field = (v: string) => (c.quoteAll || /["\n\r,;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines: string[] = [HEADERS.map(field).join(c.delimiter)];
  const startLines: number[] = [];
  let line = 2;
  c.rows.forEach((r, i) => {
    if (c.blankEvery > 0 && i % c.blankEvery === 0) {
      lines.push('');
      line++;
    }
    startLines.push(line);
    lines.push(r.cells.map(field).join(c.delimiter));
    line += 1 + r.cells.join('').split('\n').length - 1;
  });
  const text = lines.join(eol) + eol;
  const bytes =
    c.encoding === 'gb18030'
      ? encodeGb18030(text)
      : c.encoding === 'utf16le'
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
        : Buffer.concat([c.encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
  return { bytes, startLines };
}

async function fingerprint() {
  const db = t.ctx.db;
  const stamped = [];
  for (const table of ['customers', 'contacts', 'contracts', 'owners', 'audit_log', 'import_batches', 'search_bigram_df']) {
    stamped.push(
      table === 'search_bigram_df'
        ? await sqlRow(db, 'SELECT count(*) AS n, coalesce(sum(n), 0) AS u FROM search_bigram_df')
        : await sqlRow(db, `SELECT count(*) AS n, coalesce(max(updated_at), '') AS u, coalesce(sum(version), 0) AS v FROM ${table}`),
    );
  }
  const counted = [];
  for (const table of ['customer_bigrams', 'customer_bigram_sets', 'customer_search']) counted.push(await sqlRow(db, `SELECT count(*) AS n FROM ${table}`));
  return JSON.stringify([stamped, counted]);
}
const live = async (table: string) => (await sqlRow<{ n: number }>(t.ctx.db, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`))?.n ?? 0;

let fileNo = 0;
function writeCase(bytes: Buffer): string {
  const file = path.join(t.dir, `fuzz-${fileNo++ % 8}.csv`);
  fs.writeFileSync(file, bytes);
  return file;
}

// 900 imports through the handler table, each committed one behind its safety backup: more than the default timeout on a busy two-core machine.
describe('import fuzz', { timeout: 180_000 }, () => {
  it('structured sheets: no crash, no partial write, every bad row reported (600 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(sheetCase, async (c) => {
        const { bytes, startLines } = render(c);
        const file = writeCase(bytes);
        const before = await fingerprint();
        const customers = await live('customers');
        const contracts = await live('contracts');
        const env = await importEnvelope(t, file, { kind: 'contracts', dryRun: c.mode === 'dry', strict: c.mode === 'strict' });
        expect(env.ok, JSON.stringify(env.error)).toBe(true);
        const r = env.data;
        expect(r.rows).toBe(c.rows.length);
        expect(r.contractsCreated + r.contractsUpdated + r.contractsUnchanged + r.duplicateRows + r.rejectedRows).toBe(r.rows);
        const rejectedLines = new Set(r.rejected.map((x: { line: number }) => x.line));
        c.rows.forEach((fr, i) => {
          if (fr.bad) expect(rejectedLines.has(startLines[i]!), `row ${i} line ${startLines[i]} ${JSON.stringify(fr.cells)}`).toBe(true);
        });
        if (r.committed) {
          expect(await live('customers')).toBe(customers + r.customersCreated);
          expect(await live('contracts')).toBe(contracts + r.contractsCreated);
        } else {
          expect(await fingerprint()).toBe(before);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('random bytes and mangled sheets: a result or a VALIDATION error, never a crash or a partial write (300 cases)', async () => {
    const mangled = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.tuple(sheetCase, fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat()).map(([c, junk, at]) => {
        const { bytes } = render(c);
        const cut = at % (bytes.length + 1);
        return Buffer.concat([bytes.subarray(0, cut), Buffer.from(junk), bytes.subarray(cut)]);
      }),
      fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', '客', 'a', ' ', '\t', ';') }).map((s) => Buffer.from(`客户名称,到期日期\n${s}`)),
    );
    await fc.assert(
      fc.asyncProperty(mangled, fc.boolean(), async (bytes, strict) => {
        const file = writeCase(bytes);
        const before = await fingerprint();
        const contracts = await live('contracts');
        const env = await importEnvelope(t, file, { strict });
        if (!env.ok) {
          expect(env.error.code).toBe('VALIDATION');
          expect(await fingerprint()).toBe(before);
          return;
        }
        const r = env.data;
        const outcomes =
          r.kind === 'contracts'
            ? r.contractsCreated + r.contractsUpdated + r.contractsUnchanged
            : r.kind === 'customers'
              ? r.customersCreated + r.customersUpdated + r.customersUnchanged
              : r.followupsCreated + r.followupsUnchanged;
        expect(outcomes + r.duplicateRows + r.rejectedRows).toBe(r.rows);
        if (!r.committed) expect(await fingerprint()).toBe(before);
        else expect(await live('contracts')).toBe(contracts + r.contractsCreated);
      }),
      { numRuns: 300 },
    );
  });
});
