// The import benchmark's second floor: the rows the importer writes for a new sheet — customers, primary
// contacts, contracts, one audit row each (no after-image for a created row, as in importBulkWriter.ts),
// the search index (text, bigram sets, bigrams, counts) and next_expiry_on — written as fast as raw
// better-sqlite3 allows: GB18030 through TextDecoder, Papa Parse, multi-row prepared INSERTs in one
// transaction, cells stored as read. Rows go in 500-row chunks as in the importer, so a customer seen again in
// a later chunk with an earlier end gets the same UPDATE of next_expiry_on the importer makes (compared as
// read, so the dates' mixed formats make the count approximate). What it leaves out is the importer's logic:
// normalizing and validating cells, looking records up to upsert, merging repeats, diffs and the report.
import { rawOf, type Db } from '../../db/handle.ts';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { newId } from '../../db/newId.ts';
import { bigramSetText, searchDocumentOf } from '../../db/repositories/customerSearchIndex.ts';
import { loadPinyinReading } from '../../db/repositories/pinyinReadings.ts';
import { compareBigramPairs } from '../../db/bulk/bulkSearchIndex.ts';
import { BulkInserter, StatementCache } from '../../db/statementCache.ts';
import { CHUNK_ROWS } from '../../electron/services/import/apply/applyRecords.ts';
import { COL, readSheetInTransaction, type FloorResult } from './importFloor.ts';

const CUSTOMER = ['id', 'name', 'name_sort_key', 'tier', 'next_expiry_on', 'custom_fields', 'lifecycle_stage', 'created_at', 'updated_at'];
const CONTACT = ['id', 'customer_id', 'name', 'title', 'phone', 'is_primary', 'created_at', 'updated_at'];
const CONTRACT = ['id', 'customer_id', 'number', 'signed_on', 'ends_on', 'amount_fen', 'cycle', 'service', 'notes', 'created_at', 'updated_at'];
const AUDIT = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'after', 'batch_id', 'created_at', 'updated_at'];

export async function importFloorSameWrites(db: Db, file: string): Promise<FloorResult> {
  await loadPinyinReading();
  const raw = rawOf(db);
  const cache = new StatementCache(raw);
  const at = new Date().toISOString();
  const batch = newId();
  const flushAll = () => {
    customers.flush();
    contacts.flush();
    contracts.flush();
    audit.flush();
    texts.flush();
    sets.flush();
  };
  const customers = new BulkInserter(cache, 'customers', CUSTOMER, flushAll);
  const contacts = new BulkInserter(cache, 'contacts', CONTACT, flushAll);
  const contracts = new BulkInserter(cache, 'contracts', CONTRACT, flushAll);
  const audit = new BulkInserter(cache, 'audit_log', AUDIT);
  const texts = new BulkInserter(cache, 'customer_search', ['customer_id', 'text', 'pinyin'], flushAll);
  const sets = new BulkInserter(cache, 'customer_bigram_sets', ['customer_id', 'bigrams'], flushAll);
  const ids = new Map<string, string>();
  const pairs: [string, string][] = [];
  const grams = new BulkInserter(cache, 'customer_bigrams', ['bigram', 'customer_id']);
  const counts = new BulkInserter(cache, 'search_bigram_df', ['bigram', 'n']);
  const df = new Map<string, number>();
  const auditRow = (entity: string, row: Record<string, unknown>) =>
    audit.add([newId(), at, 'bench', 'import', entity, row['id'], null, batch, at, at]);
  /** Each stored customer's earliest end so far (the importer has it from its cache or its lookup). */
  const nextExpiry = new Map<string, string>();
  const setExpiry = cache.get('UPDATE customers SET next_expiry_on = ? WHERE id = ?');
  let expiryUpdates = 0;
  let chunk: { cells: string[]; name: string; number: string; customerId: string }[] = [];
  const addCustomer = (cells: string[], customerId: string, name: string, ends: string) => {
    const c = { id: customerId, name, name_sort_key: nameSortKey(name), tier: 'normal', next_expiry_on: ends, custom_fields: '{}', lifecycle_stage: 'customer', created_at: at, updated_at: at };
    customers.add(CUSTOMER.map((k) => c[k as keyof typeof c]));
    auditRow('customers', c);
    const p = { id: newId(), customer_id: customerId, name: cells[COL.contact], title: cells[COL.title], phone: cells[COL.phone], is_primary: 1, created_at: at, updated_at: at };
    contacts.add(CONTACT.map((k) => p[k as keyof typeof p]));
    auditRow('contacts', p);
    const doc = searchDocumentOf(name, [{ name: p.name ?? '', phone: p.phone ?? null }]);
    texts.add([customerId, doc.text, doc.pinyin]);
    if (doc.bigrams.length > 0) sets.add([customerId, bigramSetText(doc.bigrams)]);
    for (const b of doc.bigrams) {
      pairs.push([b, customerId]);
      df.set(b, (df.get(b) ?? 0) + 1);
    }
  };
  const applyChunk = () => {
    const created = new Map<string, { cells: string[]; name: string; ends: string }>();
    const forward = new Map<string, string>();
    for (const row of chunk) {
      const ends = row.cells[COL.ends]!;
      const fresh = created.get(row.customerId);
      if (fresh) {
        if (ends < fresh.ends) fresh.ends = ends;
      } else if (nextExpiry.has(row.customerId)) {
        const known = forward.get(row.customerId) ?? nextExpiry.get(row.customerId)!;
        if (ends < known) forward.set(row.customerId, ends);
      } else {
        created.set(row.customerId, { cells: row.cells, name: row.name, ends });
      }
    }
    for (const [id, c] of created) {
      addCustomer(c.cells, id, c.name, c.ends);
      nextExpiry.set(id, c.ends);
    }
    for (const { cells, number, customerId } of chunk) {
      const k = {
        id: newId(),
        customer_id: customerId,
        number,
        signed_on: cells[COL.signed],
        ends_on: cells[COL.ends],
        amount_fen: cells[COL.amount],
        cycle: 'year',
        service: cells[COL.service],
        notes: cells[COL.notes],
        created_at: at,
        updated_at: at,
      };
      contracts.add(CONTRACT.map((c) => k[c as keyof typeof k]));
      auditRow('contracts', k);
    }
    flushAll();
    for (const [id, ends] of forward) {
      setExpiry.run(ends, id);
      nextExpiry.set(id, ends);
      expiryUpdates++;
    }
    chunk = [];
  };
  const onRow = (cells: string[], name: string, number: string) => {
    let customerId = ids.get(name);
    if (customerId === undefined) {
      customerId = newId();
      ids.set(name, customerId);
    }
    chunk.push({ cells, name, number, customerId });
    if (chunk.length >= CHUNK_ROWS) applyChunk();
  };
  const rows = await readSheetInTransaction(raw, file, onRow, () => {
    applyChunk();
    pairs.sort(compareBigramPairs);
    for (const p of pairs) grams.add(p);
    grams.flush();
    for (const [b, n] of [...df].sort((x, y) => (x[0] < y[0] ? -1 : 1))) counts.add([b, n]);
    counts.flush();
  });
  return {
    rows,
    customers: customers.inserted,
    contracts: contracts.inserted,
    statements: [
      'BEGIN IMMEDIATE',
      customers.sql,
      contacts.sql,
      contracts.sql,
      audit.sql,
      texts.sql,
      sets.sql,
      `${grams.sql} (sorted, at the end)`,
      `${counts.sql} (at the end)`,
      `${setExpiry.source} (${expiryUpdates} times: a stored customer's earlier end)`,
      'COMMIT',
    ],
  };
}
