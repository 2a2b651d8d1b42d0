// The customers sheet: one row per customer, upserted by trimmed name. A name repeated in the file is a
// duplicate: the later row's non-blank values win.
import { emptyChunkPlan, type ImportSession } from '../../../../db/import/index.ts';
import type { ImportField } from '../../../../shared/importExport/importFields.ts';
import { CustomerUpsert } from './customerUpsert.ts';
import type { RowOf } from '../../../../shared/importExport/sheetRows.ts';
import type { ImportReport } from '../report/importReport.ts';
import type { ApplyContext, SheetImporter } from './applyContext.ts';
import { KeyedOutcomes } from '../report/keyedOutcomes.ts';

export class CustomerSheetImporter implements SheetImporter<RowOf<'customers'>> {
  readonly #session: ImportSession;
  readonly #report: ImportReport;
  readonly #header: (f: ImportField) => string;
  readonly #customers: CustomerUpsert;
  readonly #outcomes = new KeyedOutcomes();

  constructor({ session, report, header }: ApplyContext) {
    this.#session = session;
    this.#report = report;
    this.#header = header;
    this.#customers = new CustomerUpsert(session.lookup, report);
  }

  applyChunk(rows: readonly RowOf<'customers'>[]): void {
    // Customer counts come from the keyed outcomes here, not from CustomerUpsert's per-customer counting.
    const counted = { ...this.#report.customers };
    const plan = emptyChunkPlan();
    this.#customers.begin(rows.map((r) => r.customer), plan);
    for (const row of rows) {
      const c = this.#customers.resolve(row.customer.name);
      const effect = this.#customers.apply(c, row.customer, row.line, this.#header('contactName'));
      this.#report.warn(effect.warnings);
      const previous = this.#outcomes.get(c.name);
      if (!this.#customers.createdInBatch(c.name) && previous?.outcome !== 'created') {
        this.#report.change({ line: row.line, entity: 'customer', key: c.name, fields: effect.changes });
        this.#report.change({ line: row.line, entity: 'contact', key: c.name, fields: effect.contactChanges });
      }
      const outcome = effect.created ? 'created' : effect.changed ? 'updated' : 'unchanged';
      this.#outcomes.record(c.name, row.line, outcome, counted, this.#report);
    }
    Object.assign(this.#report.customers, counted);
    this.#customers.plan();
    this.#session.write(plan);
  }
}
