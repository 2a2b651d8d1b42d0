// The import's write path: new rows go out through multi-row prepared INSERTs, changed rows through one
// prepared UPDATE each, and every write gets its audit_log row with the batch id, so the batch can be undone.
// An entity gets exactly one audit row per batch: a second change to it in the same batch (a repeated row in
// the file) rewrites that row's after-image and keeps the version, so undo sees one write per entity.
//
// A row the import creates is audited without an after-image (after = NULL). The image would be the row
// itself, as inserted with version 1 at the audit instant: the row keeps it until its next write, whose
// audit entry holds it as `before`. Copying it (and having SQLite check it as JSON) cost a third of the
// import's write time; undo needs only the id, and a version still at 1 to know nobody edited it since.
import { newId } from '../newId.ts';
import { nameSortKeyLoaded } from './customerNameSortKeys.ts';
import { BulkInserter, type Raw, StatementCache } from './importStatements.ts';

export interface BatchMeta {
  batchId: string;
  /** ISO instant stamped on every row and audit entry of the batch. */
  at: string;
  actor: string;
}

export type ImportTable = 'owners' | 'customers' | 'contacts' | 'contracts' | 'follow_ups';

// Full column lists in table order (0001_init); after-images are built from them.
const COLUMNS: Record<ImportTable, readonly string[]> = {
  owners: ['id', 'name', 'email', 'phone', 'active', 'created_at', 'updated_at', 'version', 'deleted_at'],
  customers: [
    'id', 'name', 'code', 'industry', 'tier', 'owner_id', 'lifecycle_stage', 'source', 'custom_fields', 'notes',
    'next_expiry_on', 'archived_at', 'created_at', 'updated_at', 'version', 'deleted_at', 'name_sort_key',
  ],
  contacts: [
    'id', 'customer_id', 'name', 'title', 'phone', 'email', 'birthday', 'is_primary', 'notes', 'created_at', 'updated_at',
    'version', 'deleted_at',
  ],
  contracts: [
    'id', 'customer_id', 'number', 'signed_on', 'starts_on', 'ends_on', 'amount_fen', 'currency', 'cycle', 'service',
    'status', 'owner_id', 'renewal_of', 'notes', 'created_at', 'updated_at', 'version', 'deleted_at',
  ],
  follow_ups: [
    'id', 'customer_id', 'contract_id', 'at', 'channel', 'kind', 'summary', 'next_follow_up_on', 'next_done_at', 'owner_id',
    'created_at', 'updated_at', 'version', 'deleted_at',
  ],
};

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'batch_id', 'created_at', 'updated_at'];

/** Fields a patch may set, by table; domain names on the left, columns on the right. */
const PATCHABLE: Record<ImportTable, Record<string, string>> = {
  owners: {},
  customers: { tier: 'tier', ownerId: 'owner_id', customFields: 'custom_fields', notes: 'notes' },
  contacts: { name: 'name', title: 'title', phone: 'phone' },
  contracts: {
    signedOn: 'signed_on',
    endsOn: 'ends_on',
    amountFen: 'amount_fen',
    service: 'service',
    cycle: 'cycle',
    notes: 'notes',
  },
  follow_ups: { contractId: 'contract_id', channel: 'channel', kind: 'kind', nextFollowUpOn: 'next_follow_up_on', ownerId: 'owner_id' },
};

export interface NewOwner {
  id: string;
  name: string;
}
export interface NewCustomer {
  id: string;
  name: string;
  tier: string;
  ownerId: string | null;
  customFields: Record<string, string>;
  notes: string | null;
  /** Known when all the customer's contracts come with it; saves rewriting four list indexes afterwards. */
  nextExpiryOn: string | null;
}
export interface NewContact {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  phone: string | null;
}
export interface NewContract {
  id: string;
  customerId: string;
  number: string;
  signedOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
  service: string | null;
  cycle: string | null;
  notes: string | null;
}
export interface NewFollowUp {
  id: string;
  customerId: string;
  contractId: string | null;
  at: string;
  channel: string;
  kind: string;
  summary: string;
  nextFollowUpOn: string | null;
  ownerId: string | null;
}

export class ImportBulkWriter {
  readonly cache: StatementCache;
  readonly #meta: BatchMeta;
  readonly #rows: Record<ImportTable, BulkInserter>;
  readonly #audit: BulkInserter;
  /** Writes so far, by table: rows inserted and rows changed. */
  readonly counts = { inserted: 0, updated: 0, audited: 0 };

  constructor(raw: Raw, meta: BatchMeta) {
    this.cache = new StatementCache(raw);
    this.#meta = meta;
    // A full buffer flushes every table in foreign-key order, so a contract never goes in before its customer.
    const inserter = (t: ImportTable) => new BulkInserter(this.cache, t, COLUMNS[t], () => this.flush());
    this.#rows = {
      owners: inserter('owners'),
      customers: inserter('customers'),
      contacts: inserter('contacts'),
      contracts: inserter('contracts'),
      follow_ups: inserter('follow_ups'),
    };
    this.#audit = new BulkInserter(this.cache, 'audit_log', AUDIT_COLUMNS);
  }

  /** The statements this writer runs, for the benchmark's printout. */
  describe(): string[] {
    return [...Object.values(this.#rows).map((r) => r.sql), this.#audit.sql, 'UPDATE <table> SET … WHERE id = ? (one per changed row)'];
  }

  #insert(table: ImportTable, row: Record<string, unknown>): void {
    const values = COLUMNS[table].map((c) => row[c]);
    this.#rows[table].add(values);
    this.#auditRow(table, row['id'] as string, null, null);
    this.counts.inserted++;
  }

  #auditRow(entity: string, entityId: string, before: string | null, after: string | null): void {
    const { at, actor, batchId } = this.#meta;
    this.#audit.add([newId(), at, actor, 'import', entity, entityId, before, after, batchId, at, at]);
    this.counts.audited++;
  }

  #stamp() {
    return { created_at: this.#meta.at, updated_at: this.#meta.at, version: 1, deleted_at: null };
  }

  insertOwner(o: NewOwner): void {
    this.#insert('owners', { id: o.id, name: o.name, email: null, phone: null, active: 1, ...this.#stamp() });
  }

  insertCustomer(c: NewCustomer): void {
    this.#insert('customers', {
      id: c.id,
      name: c.name,
      code: null,
      industry: null,
      tier: c.tier,
      owner_id: c.ownerId,
      lifecycle_stage: 'customer',
      source: null,
      custom_fields: JSON.stringify(c.customFields),
      notes: c.notes,
      next_expiry_on: c.nextExpiryOn,
      archived_at: null,
      ...this.#stamp(),
      name_sort_key: nameSortKeyLoaded(c.name),
    });
  }

  insertContact(c: NewContact): void {
    this.#insert('contacts', {
      id: c.id,
      customer_id: c.customerId,
      name: c.name,
      title: c.title,
      phone: c.phone,
      email: null,
      birthday: null,
      is_primary: 1,
      notes: null,
      ...this.#stamp(),
    });
  }

  insertContract(k: NewContract): void {
    this.#insert('contracts', {
      id: k.id,
      customer_id: k.customerId,
      number: k.number,
      signed_on: k.signedOn,
      starts_on: null,
      ends_on: k.endsOn,
      amount_fen: k.amountFen,
      currency: 'CNY',
      cycle: k.cycle,
      service: k.service,
      status: 'active',
      owner_id: null,
      renewal_of: null,
      notes: k.notes,
      ...this.#stamp(),
    });
  }

  insertFollowUp(f: NewFollowUp): void {
    this.#insert('follow_ups', {
      id: f.id,
      customer_id: f.customerId,
      contract_id: f.contractId,
      at: f.at,
      channel: f.channel,
      kind: f.kind,
      summary: f.summary,
      next_follow_up_on: f.nextFollowUpOn,
      next_done_at: null,
      owner_id: f.ownerId,
      ...this.#stamp(),
    });
  }

  /**
   * Changes some fields of an existing row. Rows inserted by this writer must be flushed first (the import
   * flushes at every chunk end and only patches rows from earlier chunks or from before the import).
   */
  patch(table: ImportTable, id: string, patch: Record<string, unknown>): void {
    const columns = PATCHABLE[table];
    const set: [string, unknown][] = [];
    for (const [field, value] of Object.entries(patch)) {
      const column = columns[field];
      if (column === undefined) throw new Error(`import may not set ${table}.${field}`);
      set.push([column, field === 'customFields' ? JSON.stringify(value) : value]);
    }
    if (set.length === 0) return;
    const before = this.cache.get(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!before) throw new Error(`import patch: no ${table} row ${id}`);
    // `+batch_id` keeps the planner on audit_log_entity: the batch index would scan the whole batch per patch.
    const prior = this.cache
      .get('SELECT id FROM audit_log WHERE entity = ? AND entity_id = ? AND +batch_id = ?')
      .get(table, id, this.#meta.batchId) as { id: string } | undefined;
    const version = prior ? (before['version'] as number) : (before['version'] as number) + 1;
    const after: Record<string, unknown> = { ...before };
    for (const [column, value] of set) after[column] = value;
    after['updated_at'] = this.#meta.at;
    after['version'] = version;
    const sql = `UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ?, version = ? WHERE id = ?`;
    this.cache.get(sql).run(...set.map(([, v]) => v), this.#meta.at, version, id);
    if (prior) {
      this.cache.get('UPDATE audit_log SET after = ? WHERE id = ?').run(JSON.stringify(after), prior.id);
    } else {
      this.#auditRow(table, id, JSON.stringify(before), JSON.stringify(after));
      this.counts.updated++;
    }
  }

  /** Sends buffered rows in foreign-key order, then their audit rows. */
  flush(): void {
    for (const t of ['owners', 'customers', 'contacts', 'contracts', 'follow_ups'] as const) this.#rows[t].flush();
    this.#audit.flush();
  }
}
