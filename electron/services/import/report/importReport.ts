// What an import found and did, accumulated while it streams; becomes the JSON the CLI prints and the
// wizard shows. Counts are per record (a contract repeated in the file counts once, and the repeat is listed
// in `duplicates`), so rows = created + updated + unchanged + duplicates + rejected rows.
import type { ImportChange, ImportIssue, ImportResult } from '../../../../shared/api/import.contract.ts';
import type { CellIssue } from '../../../../shared/importExport/importFields.ts';
import { detach, detachOrNull } from '../memory/detach.ts';

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

function detachIssue(i: CellIssue): CellIssue {
  return { ...i, message: detach(i.message), column: detachOrNull(i.column) };
}
