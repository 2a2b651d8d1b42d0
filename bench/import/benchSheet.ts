import fs from 'node:fs';
import path from 'node:path';
import { encodeGb18030 } from '../../test-support/import/encodeGb18030.ts';
import { generateRenewalSheet, renewalSheetCsv } from '../../test-support/import/renewalSheetGenerator.ts';

const GENERATOR_VERSION = 2;
const BLOCK = 50_000;

/**
 * A realistic GBK renewal sheet of `rows` rows, cached in `dir`: customers with ~3 contracts each, 1% repeated
 * numbers, 0.5% bad rows and some blank lines (none of those when `clean`), written in blocks so memory stays flat.
 */
export function ensureBenchSheet(dir: string, rows: number, options: { clean?: boolean; fresh?: boolean; seed?: number } = {}): string {
  const clean = options.clean ?? false;
  const seed = options.seed ?? 1000;
  fs.mkdirSync(dir, { recursive: true });
  const name = `sheet-v${GENERATOR_VERSION}-${rows}${clean ? '-clean' : ''}${seed === 1000 ? '' : `-s${seed}`}.gbk.csv`;
  const file = path.join(dir, name);
  if (fs.existsSync(file) && !options.fresh) return file;
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  for (let start = 0; start < rows; start += BLOCK) {
    const block = generateRenewalSheet({
      rows: Math.min(BLOCK, rows - start),
      seed: seed + start,
      customerSeed: 7 + seed - 1000,
      customers: Math.ceil(rows / 3),
      startIndex: start,
      invalidShare: clean ? 0 : 0.005,
      duplicateShare: clean ? 0 : 0.01,
    });
    fs.writeSync(fd, encodeGb18030(renewalSheetCsv(block, { seed: start, blankShare: clean ? 0 : 0.002, header: start === 0 })));
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  return file;
}
