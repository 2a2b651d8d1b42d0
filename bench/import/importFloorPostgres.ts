// bench:import -- --engine postgres: its floor, the rows the importer writes for a new sheet (as
// importFloorSameWrites.ts does on SQLite) — customers, primary contacts, contracts, one audit row each, the search
// index (text, bigram sets, bigrams, counts) and next_expiry_on — sent as plain multi-row INSERTs on one pooled
// pg connection in one transaction: the sheet read as the other floors read it, rows in the importer's 500-row
// chunks, cells stored as read except dates and amounts, which PostgreSQL's date and bigint columns only take
// normalized (the importer's own normalizeDate/normalizeAmount; a cell they refuse is stored as NULL, and a row
// without a valid end is dropped, as the schema wants an end for a yearly contract). The archive's triggers (dirty marks, scoped search postings) fire as they do for
// the import. What it leaves out is the importer's logic and its Kysely layer: normalizing and validating cells,
// looking records up to upsert, merging repeats, diffs and the report.
import type pg from 'pg';
import { poolOf, type Db } from '../../db/handle.ts';
import { newId } from '../../db/newId.ts';
import { compareBigramPairs } from '../../db/bulk/bulkSearchIndex.ts';
import { bigramSetText, searchDocumentOf } from '../../db/repositories/customerSearchIndex.ts';
import { loadPinyinReading } from '../../db/repositories/pinyinReadings.ts';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { normalizeAmount } from '../../shared/importExport/normalizeAmount.ts';
import { normalizeDate } from '../../shared/importExport/normalizeDate.ts';
import { CHUNK_ROWS } from '../../electron/services/import/apply/applyRecords.ts';
import { COL, readSheetRows, type FloorResult, type SheetRow } from './importFloor.ts';

const CUSTOMER = ['id', 'name', 'name_sort_key', 'tier', 'next_expiry_on', 'custom_fields', 'lifecycle_stage', 'created_at', 'updated_at'];
const CONTACT = ['id', 'customer_id', 'name', 'title', 'phone', 'is_primary', 'created_at', 'updated_at'];
const CONTRACT = ['id', 'customer_id', 'number', 'signed_on', 'ends_on', 'amount_fen', 'cycle', 'service', 'notes', 'created_at', 'updated_at'];
const AUDIT = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'after', 'batch_id', 'created_at', 'updated_at'];
const ROWS_PER_STATEMENT = 500;
const SCOPED_POSTINGS = `INSERT INTO customer_scoped_bigrams (bigram, scope, customer_id)
  SELECT b.bigram, s.id, b.customer_id FROM customer_bigrams b
    JOIN customers c ON c.id = b.customer_id
    JOIN search_scopes s ON s.owner_key = coalesce(c.owner_id, '') AND s.tier = c.tier AND s.archived = (c.archived_at IS NOT NULL)::int
   ORDER BY 1, 2, 3`;

const dateOf = (cell: string | undefined): string | null => {
  const r = cell === undefined ? null : normalizeDate(cell);
  return r?.ok ? r.value : null;
};
const fenOf = (cell: string | undefined): number | null => {
  const r = cell === undefined ? null : normalizeAmount(cell);
  return r?.ok ? r.fen : null;
};

/** Rows buffered for one table, sent as `INSERT … VALUES (…), (…)` of up to 500 rows with numbered parameters. */
class PgInserter {
  readonly sql: string;
  inserted = 0;
  #rows: unknown[][] = [];
  readonly #client: pg.PoolClient;
  readonly #table: string;
  readonly #columns: readonly string[];

  constructor(client: pg.PoolClient, table: string, columns: readonly string[]) {
    this.#client = client;
    this.#table = table;
    this.#columns = columns;
    this.sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ($1, …), … × up to ${ROWS_PER_STATEMENT} rows`;
  }

  add(row: unknown[]): void {
    this.#rows.push(row);
  }

  async flush(): Promise<void> {
    const width = this.#columns.length;
    for (let i = 0; i < this.#rows.length; i += ROWS_PER_STATEMENT) {
      const slice = this.#rows.slice(i, i + ROWS_PER_STATEMENT);
      const tuples = slice.map((_, r) => `(${this.#columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
      await this.#client.query(`INSERT INTO ${this.#table} (${this.#columns.join(', ')}) VALUES ${tuples.join(', ')}`, slice.flat());
      this.inserted += slice.length;
    }
    this.#rows = [];
  }
}

export async function importFloorPostgres(db: Db, file: string): Promise<FloorResult> {
  await loadPinyinReading();
  const client = await poolOf(db).connect();
  const at = new Date().toISOString();
  const batch = newId();
  const customers = new PgInserter(client, 'customers', CUSTOMER);
  const contacts = new PgInserter(client, 'contacts', CONTACT);
  const contracts = new PgInserter(client, 'contracts', CONTRACT);
  const audit = new PgInserter(client, 'audit_log', AUDIT);
  const texts = new PgInserter(client, 'customer_search', ['customer_id', 'text', 'pinyin']);
  const sets = new PgInserter(client, 'customer_bigram_sets', ['customer_id', 'bigrams']);
  const grams = new PgInserter(client, 'customer_bigrams', ['bigram', 'customer_id']);
  const counts = new PgInserter(client, 'search_bigram_df', ['bigram', 'n']);
  const flushAll = async () => {
    for (const t of [customers, contacts, contracts, audit, texts, sets]) await t.flush();
  };
  const ids = new Map<string, string>();
  const pairs: [string, string][] = [];
  const df = new Map<string, number>();
  const nextExpiry = new Map<string, string | null>();
  const setExpiry = 'UPDATE customers SET next_expiry_on = $1 WHERE id = $2';
  let expiryUpdates = 0;
  let written = 0;
  let analyzeAt = 1000;
  const auditRow = (entity: string, id: string) => audit.add([newId(), at, 'bench', 'import', entity, id, null, batch, at, at]);
  const addCustomer = (cells: string[], id: string, name: string, ends: string | null) => {
    customers.add([id, name, nameSortKey(name), 'normal', ends, '{}', 'customer', at, at]);
    auditRow('customers', id);
    const contactId = newId();
    contacts.add([contactId, id, cells[COL.contact], cells[COL.title], cells[COL.phone], 1, at, at]);
    auditRow('contacts', contactId);
    const doc = searchDocumentOf(name, [{ name: cells[COL.contact] ?? '', phone: cells[COL.phone] ?? null }]);
    texts.add([id, doc.text, doc.pinyin]);
    if (doc.bigrams.length > 0) sets.add([id, bigramSetText(doc.bigrams)]);
    for (const b of doc.bigrams) {
      pairs.push([b, id]);
      df.set(b, (df.get(b) ?? 0) + 1);
    }
  };
  let chunk: (SheetRow & { customerId: string; ends: string | null })[] = [];
  const applyChunk = async () => {
    const created = new Map<string, { cells: string[]; name: string; ends: string | null }>();
    const forward = new Map<string, string>();
    for (const row of chunk) {
      const ends = row.ends;
      const fresh = created.get(row.customerId);
      if (fresh) {
        if (ends !== null && (fresh.ends === null || ends < fresh.ends)) fresh.ends = ends;
      } else if (nextExpiry.has(row.customerId)) {
        const known = forward.get(row.customerId) ?? nextExpiry.get(row.customerId);
        if (ends !== null && (known === null || known === undefined || ends < known)) forward.set(row.customerId, ends);
      } else {
        created.set(row.customerId, { cells: row.cells, name: row.name, ends });
      }
    }
    for (const [id, c] of created) {
      addCustomer(c.cells, id, c.name, c.ends);
      nextExpiry.set(id, c.ends);
    }
    for (const { cells, number, customerId, ends } of chunk) {
      const id = newId();
      contracts.add([id, customerId, number, dateOf(cells[COL.signed]), ends, fenOf(cells[COL.amount]), 'year', cells[COL.service], cells[COL.notes], at, at]);
      auditRow('contracts', id);
    }
    await flushAll();
    // As the import does (importSession.ts, #keepStatistics): statistics at each doubling, or the triggers' plans
    // stay those of empty tables and every row scans what came before.
    written += created.size * 2 + chunk.length;
    if (written >= analyzeAt) {
      analyzeAt = written * 2;
      await client.query('ANALYZE customers, contacts, contracts, report_terms, audit_log');
    }
    for (const [id, ends] of forward) {
      await client.query(setExpiry, [ends, id]);
      nextExpiry.set(id, ends);
      expiryUpdates++;
    }
    chunk = [];
  };
  const counted = { rows: 0 };
  try {
    await client.query('BEGIN');
    for await (const block of readSheetRows(file, counted)) {
      for (const row of block) {
        let customerId = ids.get(row.name);
        if (customerId === undefined) {
          customerId = newId();
          ids.set(row.name, customerId);
        }
        const ends = dateOf(row.cells[COL.ends]);
        if (ends === null) continue;
        chunk.push({ ...row, customerId, ends });
        if (chunk.length >= CHUNK_ROWS) await applyChunk();
      }
    }
    await applyChunk();
    pairs.sort(compareBigramPairs);
    for (const p of pairs) grams.add(p);
    // The scoped postings set-wise, 0018's per-pair trigger off, as the import's merge files them.
    await client.query('ALTER TABLE customer_bigrams DISABLE TRIGGER customer_scoped_bigrams_add');
    await grams.flush();
    // As rebuildPostgresSearchIndex does: the planner guesses one row from customers ⋈ search_scopes (expression
    // keys) and would probe the whole index per customer; hash joins read each table once.
    await client.query('SET LOCAL enable_nestloop = off');
    await client.query(SCOPED_POSTINGS);
    await client.query('RESET enable_nestloop');
    await client.query('ALTER TABLE customer_bigrams ENABLE TRIGGER customer_scoped_bigrams_add');
    for (const [b, n] of [...df].sort((x, y) => (x[0] < y[0] ? -1 : 1))) counts.add([b, n]);
    await counts.flush();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  return {
    rows: counted.rows,
    customers: customers.inserted,
    contracts: contracts.inserted,
    statements: [
      'BEGIN',
      ...[customers, contacts, contracts, audit, texts, sets].map((t) => t.sql),
      `${grams.sql} (sorted, at the end, 0018's scoped-postings trigger off)`,
      `${SCOPED_POSTINGS.replace(/\s+/g, ' ')} (then the trigger on again)`,
      `${counts.sql} (at the end)`,
      `${setExpiry} (${expiryUpdates} times: a stored customer's earlier end)`,
      'COMMIT',
    ],
  };
}
