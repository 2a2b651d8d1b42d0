// The import benchmark's floor: the least work that gets a renewal sheet into the real tables. GB18030 bytes
// through TextDecoder, Papa Parse's incremental parser, then customers (deduplicated by name in a Map) and
// contracts through prepared multi-row INSERTs, in one transaction on raw better-sqlite3. No normalization,
// validation, merging of repeats, audit, contacts or search index: what the importer costs above this is
// its own work.
import fs from 'node:fs';
import Papa from 'papaparse';
import { rawOf, type Db } from '../../db/handle.ts';
import { newId } from '../../db/newId.ts';
import { BulkInserter, StatementCache, type Raw } from '../../db/statementCache.ts';

export interface FloorResult {
  rows: number;
  customers: number;
  contracts: number;
  statements: string[];
}

/** Papa's incremental Parser, whose typings leave parse() returning any. */
interface PapaParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}

const CUSTOMER_COLUMNS = ['id', 'name', 'tier', 'custom_fields', 'created_at', 'updated_at'];
const CONTRACT_COLUMNS = ['id', 'customer_id', 'number', 'signed_on', 'ends_on', 'amount_fen', 'cycle', 'service', 'notes', 'created_at', 'updated_at'];

/** Column positions in the generated sheet (序号,公司名称,联系人,职位,联系电话,合同号,签约日期,合同到期日,金额,服务内容,…,备注). */
export const COL = { name: 1, contact: 2, title: 3, phone: 4, number: 5, signed: 6, ends: 7, amount: 8, service: 9, notes: 13 };

/**
 * What every floor reads: GB18030 through TextDecoder and Papa Parse's incremental parser, the header skipped, rows
 * without a customer name dropped, and a repeated contract number keeping its first row (the floors do no
 * merging). Yields the kept rows a read block (1 MiB) at a time; `counted.rows` is the rows read, repeats included.
 */
export async function* readSheetRows(file: string, counted: { rows: number }): AsyncGenerator<SheetRow[]> {
  const numbers = new Set<string>();
  const decoder = new TextDecoder('gb18030');
  const parser: PapaParser = new Papa.Parser({ delimiter: ',', newline: '\r\n' });
  let pending = '';
  let header = true;
  const take = (data: string[][]) => {
    const kept: SheetRow[] = [];
    for (const cells of data) {
      if (header) {
        header = false;
        continue;
      }
      const name = cells[COL.name];
      const number = cells[COL.number]!;
      if (!name) continue;
      counted.rows++;
      if (numbers.has(number)) continue;
      numbers.add(number);
      kept.push({ cells, name, number });
    }
    return kept;
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    pending += decoder.decode(chunk as Buffer, { stream: true });
    const result = parser.parse(pending, 0, true);
    yield take(result.data);
    pending = pending.slice(result.meta.cursor);
  }
  pending += decoder.decode();
  yield take(parser.parse(pending, 0, false).data);
}

export interface SheetRow {
  cells: string[];
  name: string;
  number: string;
}

/**
 * readSheetRows in one transaction on the raw SQLite connection; `finish` runs before COMMIT. Returns the rows
 * read, repeats included.
 */
export async function readSheetInTransaction(
  raw: Raw,
  file: string,
  onRow: (cells: string[], name: string, number: string) => void,
  finish: () => void,
): Promise<number> {
  const counted = { rows: 0 };
  raw.exec('BEGIN IMMEDIATE');
  try {
    for await (const block of readSheetRows(file, counted)) for (const r of block) onRow(r.cells, r.name, r.number);
    finish();
    raw.exec('COMMIT');
  } catch (e) {
    raw.exec('ROLLBACK');
    throw e;
  }
  return counted.rows;
}

export async function importFloor(db: Db, file: string): Promise<FloorResult> {
  const raw = rawOf(db);
  const cache = new StatementCache(raw);
  const at = new Date().toISOString();
  const customers = new BulkInserter(cache, 'customers', CUSTOMER_COLUMNS, () => {
    customers.flush();
  });
  const contracts = new BulkInserter(cache, 'contracts', CONTRACT_COLUMNS, () => {
    customers.flush();
    contracts.flush();
  });
  const ids = new Map<string, string>();
  const rows = await readSheetInTransaction(
    raw,
    file,
    (cells, name, number) => {
      let customerId = ids.get(name);
      if (customerId === undefined) {
        customerId = newId();
        ids.set(name, customerId);
        customers.add([customerId, name, 'normal', '{}', at, at]);
      }
      contracts.add([
        newId(),
        customerId,
        number,
        cells[COL.signed],
        cells[COL.ends],
        cells[COL.amount],
        'year',
        cells[COL.service],
        cells[COL.notes],
        at,
        at,
      ]);
    },
    () => {
      customers.flush();
      contracts.flush();
    },
  );
  return { rows, customers: customers.inserted, contracts: contracts.inserted, statements: ['BEGIN IMMEDIATE', customers.sql, contracts.sql, 'COMMIT'] };
}
