// The import's write path (on either engine, through a BulkSql runner): multi-row INSERTs for new rows, one prepared UPDATE per changed row, and
// an audit_log row with the batch id for every write, so the batch can be undone. An entity gets one audit
// row per batch (a repeat in the file rewrites its after-image and keeps the version). A created row is
// audited without an after-image: it is the row at version 1, which undo can tell from the version alone.
import { newId } from '../newId.ts';
import { nameSortKeyLoaded } from '../repositories/customerNameSortKeys.ts';
import { followUpColumns } from '../repositories/followUpsRepo.ts';
import { inSlicesAsync, type BulkRows, type BulkSql, type SqlRow } from '../bulk/bulkSql.ts';
import { isRow } from '../statementCache.ts';
import type { BatchMeta, NewContact, NewContract, NewCustomer, NewFollowUp, NewOwner, NewRenewal, RecordChange } from './chunkPlan.ts';

export type ImportTable = 'owners' | 'customers' | 'contacts' | 'contracts' | 'follow_ups' | 'renewals';
/** Foreign-key order: a row never goes in before the row it points at. */
const TABLE_ORDER = ['owners', 'customers', 'contacts', 'contracts', 'follow_ups', 'renewals'] as const;

// Full column lists in table order (0001_init); after-images are built from them.
const COLUMNS: Record<ImportTable, readonly string[]> = {
  owners: ['id', 'name', 'email', 'phone', 'active', 'created_at', 'updated_at', 'version', 'deleted_at'],
  customers: [
    'id', 'name', 'code', 'industry', 'tier', 'owner_id', 'lifecycle_stage', 'source', 'custom_fields', 'notes',
    'next_expiry_on', 'archived_at', 'created_at', 'updated_at', 'version', 'deleted_at', 'name_sort_key', 'tier_pinned',
    'tier_reason',
  ],
  contacts: [
    'id', 'customer_id', 'name', 'title', 'phone', 'email', 'birthday', 'is_primary', 'notes', 'created_at', 'updated_at',
    'version', 'deleted_at',
  ],
  contracts: [
    'id', 'customer_id', 'number', 'signed_on', 'starts_on', 'ends_on', 'amount_fen', 'currency', 'cycle', 'service',
    'status', 'owner_id', 'renewal_of', 'notes', 'created_at', 'updated_at', 'version', 'deleted_at', 'remind_on',
  ],
  follow_ups: [
    'id', 'customer_id', 'contract_id', 'at', 'channel', 'kind', 'summary', 'next_follow_up_on', 'next_done_at', 'owner_id',
    'created_at', 'updated_at', 'version', 'deleted_at',
  ],
  renewals: [
    'id', 'contract_id', 'stage', 'outcome_on', 'outcome_amount_fen', 'lost_reason', 'lost_note', 'new_contract_id', 'notes',
    'created_at', 'updated_at', 'version', 'deleted_at',
  ],
};

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'batch_id', 'created_at', 'updated_at'];

export type SqlValue = string | number | null;

/** Rows per set-wise patch on PostgreSQL (one IN list, one UPDATE over unnest). */
const PATCH_SLICE = 500;

/** The columns a change sets, by entity; only fields the import may change have a column here. */
function changedColumns(change: RecordChange): { table: ImportTable; set: [string, SqlValue][] } {
  const set: [string, SqlValue][] = [];
  const put = (column: string, value: SqlValue | undefined) => {
    if (value !== undefined) set.push([column, value]);
  };
  switch (change.entity) {
    case 'customer': {
      const c = change.changes;
      put('tier', c.tier);
      // A tier the sheet changes is pinned 'import': classification keeps it unless the rules agree with it.
      if (c.tier !== undefined) {
        put('tier_pinned', 'import');
        put('tier_reason', null);
      }
      put('owner_id', c.ownerId);
      put('custom_fields', c.customFields === undefined ? undefined : JSON.stringify(c.customFields));
      put('notes', c.notes);
      return { table: 'customers', set };
    }
    case 'contact': {
      const c = change.changes;
      put('name', c.name);
      put('title', c.title);
      put('phone', c.phone);
      return { table: 'contacts', set };
    }
    case 'contract': {
      const c = change.changes;
      put('signed_on', c.signedOn);
      put('starts_on', c.startsOn);
      put('ends_on', c.endsOn);
      put('amount_fen', c.amountFen);
      put('service', c.service);
      put('cycle', c.cycle);
      put('remind_on', c.remindOn);
      put('status', c.status);
      put('notes', c.notes);
      return { table: 'contracts', set };
    }
    case 'followUp': {
      const c = change.changes;
      put('contract_id', c.contractId);
      put('channel', c.channel);
      put('kind', c.kind);
      put('next_follow_up_on', c.nextFollowUpOn);
      put('owner_id', c.ownerId);
      return { table: 'follow_ups', set };
    }
    case 'renewal': {
      const c = change.changes;
      put('stage', c.stage);
      put('outcome_on', c.outcomeOn);
      put('outcome_amount_fen', c.outcomeAmountFen);
      put('lost_reason', c.lostReason);
      put('lost_note', c.lostNote);
      return { table: 'renewals', set };
    }
  }
}

export class ImportBulkWriter {
  readonly bulk: BulkSql;
  readonly #meta: BatchMeta;
  readonly #rows: Record<ImportTable, BulkRows>;
  readonly #audit: BulkRows;
  /** A table's buffer is full: the next write flushes every table in foreign-key order first. */
  #full = false;

  constructor(bulk: BulkSql, meta: BatchMeta) {
    this.bulk = bulk;
    this.#meta = meta;
    const inserter = (t: ImportTable) => bulk.rows(t, COLUMNS[t]);
    this.#rows = {
      owners: inserter('owners'),
      customers: inserter('customers'),
      contacts: inserter('contacts'),
      contracts: inserter('contracts'),
      follow_ups: inserter('follow_ups'),
      renewals: inserter('renewals'),
    };
    this.#audit = bulk.rows('audit_log', AUDIT_COLUMNS);
  }

  /** Flushes when a buffer filled up, so a contract never goes in before its customer. */
  async #flushIfFull(): Promise<void> {
    if (this.#full) await this.flush();
  }

  async #insert(table: ImportTable, row: Record<string, SqlValue> & { id: string }): Promise<void> {
    if (this.#rows[table].add(COLUMNS[table].map((c) => row[c]))) this.#full = true;
    this.#auditRow(table, row.id, null, null);
    await this.#flushIfFull();
  }

  #auditRow(entity: string, entityId: string, before: string | null, after: string | null): void {
    const { at, actor, batchId } = this.#meta;
    if (this.#audit.add([newId(), at, actor, 'import', entity, entityId, before, after, batchId, at, at])) this.#full = true;
  }

  #stamp() {
    return { created_at: this.#meta.at, updated_at: this.#meta.at, version: 1, deleted_at: null };
  }

  async insertOwner(o: NewOwner): Promise<void> {
    await this.#insert('owners', { id: o.id, name: o.name, email: null, phone: null, active: 1, ...this.#stamp() });
  }

  /** `nextExpiryOn`: the earliest end among the contracts the customer comes with. */
  async insertCustomer(c: NewCustomer, nextExpiryOn: string | null): Promise<void> {
    await this.#insert('customers', {
      id: c.id,
      name: c.name,
      code: null,
      industry: null,
      tier: c.tier,
      tier_pinned: c.tierStanding ? c.tierStanding.pinned : c.tierPinned === true ? 'import' : null,
      tier_reason: c.tierStanding?.reasonJson ?? null,
      owner_id: c.ownerId,
      lifecycle_stage: 'customer',
      source: null,
      custom_fields: JSON.stringify(c.customFields),
      notes: c.notes,
      next_expiry_on: nextExpiryOn,
      archived_at: null,
      ...this.#stamp(),
      name_sort_key: nameSortKeyLoaded(c.name),
    });
  }

  async insertContact(c: NewContact): Promise<void> {
    await this.#insert('contacts', {
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

  async insertContract(k: NewContract): Promise<void> {
    await this.#insert('contracts', {
      id: k.id,
      customer_id: k.customerId,
      number: k.number,
      signed_on: k.signedOn,
      starts_on: k.startsOn,
      ends_on: k.endsOn,
      amount_fen: k.amountFen,
      currency: 'CNY',
      cycle: k.cycle,
      service: k.service,
      status: k.status ?? 'active',
      owner_id: null,
      renewal_of: null,
      notes: k.notes,
      ...this.#stamp(),
      remind_on: k.remindOn,
    });
  }

  async insertRenewal(r: NewRenewal): Promise<void> {
    await this.#insert('renewals', {
      id: r.id,
      contract_id: r.contractId,
      stage: r.stage,
      outcome_on: r.outcomeOn,
      outcome_amount_fen: r.outcomeAmountFen,
      lost_reason: r.lostReason,
      lost_note: r.lostNote,
      new_contract_id: r.newContractId ?? null,
      notes: null,
      ...this.#stamp(),
    });
  }

  async insertFollowUp(f: NewFollowUp): Promise<void> {
    await this.#insert('follow_ups', { id: f.id, ...followUpColumns(f), ...this.#stamp() });
  }

  /**
   * Changes some fields of an existing row. Rows inserted by this writer must be flushed first (the session
   * flushes at every chunk end, and changes only reach rows from earlier chunks or from before the import).
   */
  async change(change: RecordChange): Promise<void> {
    const { table, set } = changedColumns(change);
    await this.patch(table, change.id, set);
  }

  /** Sets columns of an existing row, audited in the batch (one audit row per row and batch). */
  async patch(table: ImportTable, id: string, set: readonly [string, SqlValue][]): Promise<void> {
    if (set.length === 0) return;
    const bulk = this.bulk;
    const before = await bulk.get(`SELECT * FROM ${table} WHERE id = ?`, [id]);
    if (!isRow(before)) throw new Error(`import change: no ${table} row ${id}`);
    // `+batch_id` keeps SQLite's planner on audit_log_entity: the batch index would scan the whole batch per change.
    // PostgreSQL has no unary plus on text (its planner weighs the two indexes by their statistics).
    const batchColumn = bulk.engine === 'postgres' ? 'batch_id' : '+batch_id';
    const prior = await bulk.get(`SELECT id FROM audit_log WHERE entity = ? AND entity_id = ? AND ${batchColumn} = ?`, [table, id, this.#meta.batchId]);
    const storedVersion = Number(before['version']);
    const version = isRow(prior) ? storedVersion : storedVersion + 1;
    const after: Record<string, unknown> = { ...before };
    for (const [column, value] of set) after[column] = value;
    after['updated_at'] = this.#meta.at;
    after['version'] = version;
    const sql = `UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ?, version = ? WHERE id = ?`;
    await bulk.run(sql, [...set.map(([, v]) => v), this.#meta.at, version, id]);
    if (isRow(prior)) await bulk.run('UPDATE audit_log SET after = ? WHERE id = ?', [JSON.stringify(after), prior['id']]);
    else this.#auditRow(table, id, JSON.stringify(before), JSON.stringify(after));
    await this.#flushIfFull();
  }

  /**
   * `patch` of the same columns to the same values on many rows (distinct ids), with the same rows and audit entries
   * as a patch each. SQLite runs the patches one by one as it always did (its statements cost no round trip); on
   * PostgreSQL, where every statement is a round trip (four a patch), the rows and their audit entries are read
   * and written a slice at a time.
   */
  async patchAll(table: ImportTable, ids: readonly string[], set: readonly [string, SqlValue][]): Promise<void> {
    if (set.length === 0 || ids.length === 0) return;
    if (this.bulk.engine !== 'postgres') {
      for (const id of ids) await this.patch(table, id, set);
      return;
    }
    // Audit rows still buffered must be in the table, where the lookup of each row's earlier entry reads them.
    await this.flush();
    await inSlicesAsync(ids, PATCH_SLICE, (slice) => this.#patchSlicePostgres(table, slice, set));
  }

  async #patchSlicePostgres(table: ImportTable, ids: readonly string[], set: readonly [string, SqlValue][]): Promise<void> {
    const bulk = this.bulk;
    const { at, batchId } = this.#meta;
    const rows = new Map((await bulk.all<SqlRow>(`SELECT * FROM ${table} WHERE id = ANY(CAST(? AS text[]))`, [ids])).map((r) => [String(r['id']), r]));
    const priors = new Map(
      (
        await bulk.all<{ id: string; entity_id: string }>('SELECT id, entity_id FROM audit_log WHERE entity = ? AND batch_id = ? AND entity_id = ANY(CAST(? AS text[]))', [
          table,
          batchId,
          ids,
        ])
      ).map((r) => [r.entity_id, r.id]),
    );
    const versions: number[] = [];
    const priorIds: string[] = [];
    const priorAfters: string[] = [];
    for (const id of ids) {
      const before = rows.get(id);
      if (!isRow(before)) throw new Error(`import change: no ${table} row ${id}`);
      const prior = priors.get(id);
      const version = prior === undefined ? Number(before['version']) + 1 : Number(before['version']);
      versions.push(version);
      const after: Record<string, unknown> = { ...before };
      for (const [column, value] of set) after[column] = value;
      after['updated_at'] = at;
      after['version'] = version;
      if (prior === undefined) this.#auditRow(table, id, JSON.stringify(before), JSON.stringify(after));
      else {
        priorIds.push(prior);
        priorAfters.push(JSON.stringify(after));
      }
    }
    await bulk.run(
      `UPDATE ${table} t SET ${set.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ?, version = v.version
         FROM unnest(CAST(? AS text[]), CAST(? AS bigint[])) AS v(id, version) WHERE t.id = v.id`,
      [...set.map(([, v]) => v), at, ids, versions],
    );
    if (priorIds.length > 0) {
      await bulk.run('UPDATE audit_log a SET after = v.after FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS v(id, after) WHERE a.id = v.id', [priorIds, priorAfters]);
    }
    await this.#flushIfFull();
  }

  /**
   * Moves updated_at of these contracts to the batch's instant, without a version or audit row: nothing of the
   * contract changed, but the reminder catch-up reads contracts by updated_at and their renewal record did.
   */
  async restampContracts(ids: readonly string[]): Promise<void> {
    for (const id of new Set(ids)) await this.bulk.run('UPDATE contracts SET updated_at = ? WHERE id = ? AND updated_at < ?', [this.#meta.at, id, this.#meta.at]);
  }

  /** Sends buffered rows in foreign-key order, then their audit rows. */
  async flush(): Promise<void> {
    this.#full = false;
    for (const t of TABLE_ORDER) await this.#rows[t].flush();
    await this.#audit.flush();
  }
}
