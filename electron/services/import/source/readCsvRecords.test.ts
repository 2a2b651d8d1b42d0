import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeTextStream } from './decodeTextStream.ts';
import { encodeGb18030 } from '../../../../test-support/import/encodeGb18030.ts';
import { readCsvRecords, type SourceRecord } from './readCsvRecords.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function* pieces(text: string, cuts: readonly number[]) {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > at && cut < text.length) {
      yield text.slice(at, cut);
      at = cut;
    }
  }
  yield text.slice(at);
}

async function read(chunks: AsyncIterable<string>, delimiter?: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const batch of readCsvRecords(chunks, delimiter ? { delimiter } : {})) out.push(...batch);
  return out;
}

const cell = fc.oneof(
  fc.constantFrom('', '甲公司', '12,800', 'say "hi"', '多行\n备注', 'x\ny\nz', ' 前后空格 ', '=1+1', '\r', "'"),
  fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', ' ', '1') , maxLength: 8 }),
);
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('readCsvRecords', () => {
  it('gives each record the physical line it starts on, blank lines and quoted line breaks included', async () => {
    const text = 'a,b\n\n"x\ny",2\n3,"p\n\nq"\n,\nlast,1';
    const records = await read(pieces(text, []));
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['x\ny', '2']],
      [5, ['3', 'p\n\nq']],
      [8, ['', '']],
      [9, ['last', '1']],
    ]);
  });

  it('parses the same records and lines however the text is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(400), { maxLength: 8 }), async (rows, cuts) => {
        const text = `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
        const whole = await read(pieces(text, []), ',');
        const cut = await read(pieces(text, cuts), ',');
        expect(cut).toEqual(whole);
        expect(whole.map((r) => r.cells)).toEqual(rows);
        // Reference line numbers: one line per record plus the line breaks inside its cells.
        let line = 1;
        rows.forEach((r, i) => {
          expect(whole[i]!.line).toBe(line);
          line += 1 + r.join('').split('\n').length - 1;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('turns CRLF into LF across 1-byte chunks of a GB18030 file, keeping a lone CR as data', async () => {
    const file = path.join(dir, 'crlf.csv');
    fs.writeFileSync(file, encodeGb18030('客户,备注\r\n甲,"第一行\r\n第二行"\r\n乙,"回车\r在中间"\r\n'));
    const records = await read(decodeTextStream(file, 'gb18030', { chunkBytes: 1 }));
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['客户', '备注']],
      [2, ['甲', '第一行\n第二行']],
      [4, ['乙', '回车\r在中间']],
    ]);
  });

  it('reads old Mac files whose lines end with a bare CR', async () => {
    const file = path.join(dir, 'cr.csv');
    fs.writeFileSync(file, 'a,b\r1,2\r3,4\r');
    const records = await read(decodeTextStream(file, 'utf8'));
    expect(records.filter((r) => r.cells.join('') !== '').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reports an unclosed quote on the record that swallowed the rest of the file', async () => {
    const records = await read(pieces('a,b\n1,"open\n2,3\n', [5, 9]));
    expect(records.at(-1)).toMatchObject({ line: 2, problem: { fatal: true } });
  });
});
