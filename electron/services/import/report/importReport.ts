// What an import found and did, accumulated while it streams; becomes the JSON the CLI prints and the
// wizard shows. Counts are per record (a contract repeated in the file counts once, and the repeat is listed
// in `duplicates`), so rows = created + updated + unchanged + duplicates + rejected rows.
import type { ImportChange, ImportIssue, ImportResult } from '../../../../shared/api/import.contract.ts';
import type { Locale } from '../../../../shared/i18n/enumLabels.ts';
import { renderIn, type Message, type MessageParam } from '../../../../shared/i18n/message.ts';
import type { CellIssue } from '../../../../shared/importExport/importFields.ts';
import { detach, detachOrNull } from '../memory/detach.ts';

export const MAX_CHANGES = 1000;

export type Outcome = 'created' | 'updated' | 'unchanged';

export class ImportReport {
  rows = 0;
  rejectedRows = 0;
  readonly rejected: CellIssue[] = [];
  readonly warnings: CellIssue[] = [];
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

  /**
   * Rejections or warnings in line order (cell checks report as rows are read, record checks as chunks are
   * applied), each worded in `locale` and carrying its catalogue key for a reader in another language.
   */
  issues(which: 'rejected' | 'warnings', locale: Locale): ImportIssue[] {
    return this[which]
      .sort((x, y) => x.line - y.line)
      .map((i) => ({ line: i.line, column: i.column, message: renderIn(locale, i.message), key: i.message.key, params: i.message.params }));
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
  return { ...i, message: detachMessage(i.message), column: detachOrNull(i.column) };
}

function detachParam(p: MessageParam): MessageParam {
  if (typeof p === 'number') return p;
  if (typeof p === 'string') return detach(p);
  if ('list' in p) return { list: p.list.map(detachParam) };
  return detachMessage(p);
}

function detachMessage(m: Message): Message {
  return { key: m.key, params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, detachParam(v)])) };
}
