// What an import found and did, accumulated while it streams; becomes the JSON the CLI prints and the
// wizard shows. Counts are per record (a contract repeated in the file counts once, and the repeat is listed
// in `duplicates`), so rows = created + updated + unchanged + duplicates + rejected rows.
import type { ImportChange, ImportIssue, ImportResult } from '../../../shared/api/import.contract.ts';
import type { CellIssue } from '../../../shared/importExport/importFields.ts';
import { CompactStringMap } from './compactStringMap.ts';

export const MAX_CHANGES = 1000;

export type Outcome = 'created' | 'updated' | 'unchanged';

export class ImportReport {
  rows = 0;
  rejectedRows = 0;
  readonly rejected: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly duplicates: { line: number; supersededBy: number }[] = [];
  readonly changes: ImportChange[] = [];
  changesTruncated = false;
  readonly contracts = { created: 0, updated: 0, unchanged: 0 };
  readonly customers = { created: 0, updated: 0, unchanged: 0 };
  readonly followups = { created: 0, unchanged: 0 };

  // Everything kept until the end is detached: a message quoting a cell would otherwise keep the parser's
  // whole chunk of text alive, and a few thousand rejected rows spread over a file would keep all of it.
  reject(issues: readonly CellIssue[]): void {
    this.rejectedRows++;
    for (const i of issues) this.rejected.push(detachIssue(i));
  }

  warn(issues: readonly CellIssue[]): void {
    for (const i of issues) this.warnings.push(detachIssue(i));
  }

  change(change: ImportChange): void {
    if (change.fields.length === 0) return;
    if (this.changes.length >= MAX_CHANGES) this.changesTruncated = true;
    else {
      this.changes.push({
        ...change,
        key: detach(change.key),
        fields: change.fields.map((f) => ({ field: f.field, from: detachOrNull(f.from), to: detachOrNull(f.to) })),
      });
    }
  }

  counts(): Pick<
    ImportResult,
    | 'rows'
    | 'contractsCreated'
    | 'contractsUpdated'
    | 'contractsUnchanged'
    | 'customersCreated'
    | 'customersUpdated'
    | 'customersUnchanged'
    | 'followupsCreated'
    | 'followupsUnchanged'
    | 'rejectedRows'
  > {
    return {
      rows: this.rows,
      contractsCreated: this.contracts.created,
      contractsUpdated: this.contracts.updated,
      contractsUnchanged: this.contracts.unchanged,
      customersCreated: this.customers.created,
      customersUpdated: this.customers.updated,
      customersUnchanged: this.customers.unchanged,
      followupsCreated: this.followups.created,
      followupsUnchanged: this.followups.unchanged,
      rejectedRows: this.rejectedRows,
    };
  }
}

/**
 * The outcome of each record keyed in the file (a contract number, a customer name), packed with the line
 * of its latest row into one number, in a CompactStringMap so the key set stays small for million-row files.
 */
export class KeyedOutcomes {
  readonly #map = new CompactStringMap();
  static readonly #CODES: Outcome[] = ['created', 'updated', 'unchanged'];

  get(key: string): { line: number; outcome: Outcome } | undefined {
    const packed = this.#map.get(key);
    return packed === undefined ? undefined : { line: Math.floor(packed / 4), outcome: KeyedOutcomes.#CODES[packed % 4]! };
  }

  /**
   * Records a row for `key` and returns the outcome to count. A repeat is reported as a duplicate and moves
   * the record's count: created stays created, unchanged becomes updated once a later row changes it.
   */
  record(
    key: string,
    line: number,
    rowOutcome: Outcome,
    counts: Record<Outcome, number>,
    report: ImportReport,
  ): void {
    const previous = this.get(key);
    let outcome = rowOutcome;
    if (previous) {
      report.duplicates.push({ line: previous.line, supersededBy: line });
      counts[previous.outcome]--;
      if (previous.outcome === 'created') outcome = 'created';
      else if (previous.outcome === 'updated') outcome = 'updated';
    }
    counts[outcome]++;
    this.#map.set(key, line * 4 + KeyedOutcomes.#CODES.indexOf(outcome));
  }

  get size(): number {
    return this.#map.size;
  }
}

/**
 * A flat copy of `s` that does not point into the parser's chunk. V8 keeps substrings of 13+ characters as
 * views of their parent, so a key held in a long-lived map would otherwise keep a whole 1 MB chunk alive.
 * (Slicing a copy, as in (' ' + s).slice(1), is itself such a view, of an extra copy: two objects per key.)
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

export function detachOrNull<T extends string | null>(s: T): T {
  return (s === null ? s : detach(s)) as T;
}

function detachIssue(i: CellIssue): CellIssue {
  return { ...i, message: detach(i.message), column: detachOrNull(i.column) };
}
