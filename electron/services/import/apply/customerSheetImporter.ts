// The customers sheet: one row per customer, upserted by trimmed name. A name repeated in the file is a
// duplicate: the later row's non-blank values win.
import { emptyChunkPlan } from '../../../../db/import/index.ts';
import { CustomerUpsert } from './customerUpsert.ts';
import type { RowOf } from '../../../../shared/importExport/sheetRows.ts';
import type { ApplyContext, SheetImporter } from './applyContext.ts';
import { KeyedOutcomes } from '../report/keyedOutcomes.ts';

export class CustomerSheetImporter implements SheetImporter<RowOf<'customers'>> {
  readonly #context: ApplyContext;
  readonly #customers: CustomerUpsert;
  readonly #outcomes = new KeyedOutcomes();

  constructor(context: ApplyContext) {
    this.#context = context;
    this.#customers = new CustomerUpsert(context.session.lookup, context.report, context.tierLabel);
  }

  async applyChunk(rows: readonly RowOf<'customers'>[]): Promise<void> {
    // Customer counts come from the keyed outcomes here, not from CustomerUpsert's per-customer counting.
    const counted = { ...this.#context.report.customers };
    const plan = emptyChunkPlan();
    await this.#customers.begin(rows.map((r) => r.customer), plan);
    for (const row of rows) {
      const c = this.#customers.resolve(row.customer.name);
      const effect = this.#customers.apply(c, row.customer, row.line, this.#context.header('contactName'));
      this.#context.report.warn(effect.warnings);
      const previous = this.#outcomes.get(c.name);
      if (!this.#customers.createdInBatch(c.name) && previous?.outcome !== 'created') {
        this.#context.report.change({ line: row.line, entity: 'customer', key: c.name, fields: effect.changes });
        this.#context.report.change({ line: row.line, entity: 'contact', key: c.name, fields: effect.contactChanges });
      }
      const outcome = effect.created ? 'created' : effect.changed ? 'updated' : 'unchanged';
      this.#outcomes.record(c.name, row.line, outcome, counted, this.#context.report);
    }
    Object.assign(this.#context.report.customers, counted);
    this.#customers.plan();
    await this.#context.session.write(plan);
  }
}
