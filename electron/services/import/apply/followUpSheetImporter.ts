// Follow-up logs, keyed by customer name and an optional contract number. A follow-up already stored for the
// same customer, instant (to the second) and summary is unchanged; this sheet never creates customers.
import { createHash } from 'node:crypto';
import { emptyChunkPlan, followUpKey, type FollowUpChanges, type NewFollowUp } from '../../../../db/import/index.ts';
import { newId } from '../../../../db/newId.ts';
import type { RowOf } from '../../../../shared/importExport/sheetRows.ts';
import type { ApplyContext, SheetImporter } from './applyContext.ts';
import { KeyedOutcomes } from '../report/keyedOutcomes.ts';
import { msg } from '../../../../shared/i18n/message.ts';

/** Keys hold a summary of any length; a digest keeps the in-memory key set small. */
const digest = (key: string) => createHash('sha1').update(key).digest('base64');

export class FollowUpSheetImporter implements SheetImporter<RowOf<'followups'>> {
  readonly #context: ApplyContext;
  readonly #outcomes = new KeyedOutcomes();
  /** Ids of follow-ups this import created, by key digest, for repeats in later chunks. */
  readonly #createdIds = new Map<string, string>();

  constructor(context: ApplyContext) {
    this.#context = context;
  }

  async applyChunk(rows: readonly RowOf<'followups'>[]): Promise<void> {
    const lookup = this.#context.session.lookup;
    const plan = emptyChunkPlan();
    const customers = await lookup.customersByName([...new Set(rows.map((r) => r.customer.name))]);
    const contracts = await lookup.contractsByNumber([...new Set(rows.map((r) => r.followUp.contractNumber).filter((n): n is string => n !== null))]);
    const owners = await lookup.ownersByName([...new Set(rows.map((r) => r.followUp.owner).filter((o): o is string => o !== null))]);
    const stored = await lookup.followUpsOfCustomers([...new Set([...customers.values()].map((c) => c.id))]);
    const created = new Map<string, NewFollowUp>();
    const patches = new Map<string, FollowUpChanges>();
    const counts = { created: this.#context.report.followups.created, updated: 0, unchanged: this.#context.report.followups.unchanged };

    for (const { line, customer, followUp: v } of rows) {
      const c = customers.get(customer.name);
      if (!c) {
        this.#context.report.reject([{ line, column: this.#context.header('customerName'), message: msg('reasons.customerUnknown', { name: customer.name }) }]);
        continue;
      }
      let contractId: string | null = null;
      if (v.contractNumber !== null) {
        const k = contracts.get(v.contractNumber);
        if (!k || k.customerId !== c.id) {
          const why = k
            ? msg('reasons.contractOfCustomer', { number: v.contractNumber, customer: k.customerName })
            : msg('reasons.contractUnknown', { number: v.contractNumber });
          this.#context.report.reject([{ line, column: this.#context.header('contractNumber'), message: why }]);
          continue;
        }
        contractId = k.id;
      }
      let ownerId: string | null = null;
      if (v.owner !== null) {
        ownerId = owners.get(v.owner) ?? null;
        if (ownerId === null) {
          ownerId = newId();
          plan.owners.push({ id: ownerId, name: v.owner });
          owners.set(v.owner, ownerId);
        }
      }
      const key = digest(followUpKey(c.id, v.at, v.summary));
      const previous = this.#outcomes.get(key);
      if (previous) {
        // A repeat of a row this import created: its non-blank values win.
        const values: FollowUpChanges = {};
        if (contractId !== null) values.contractId = contractId;
        if (v.channel !== null) values.channel = v.channel;
        if (v.kind !== null) values.kind = v.kind;
        if (v.nextFollowUpOn !== null) values.nextFollowUpOn = v.nextFollowUpOn;
        if (ownerId !== null) values.ownerId = ownerId;
        const pending = created.get(key);
        if (pending) Object.assign(pending, values);
        else if (previous.outcome === 'created') patches.set(key, { ...patches.get(key), ...values });
        this.#outcomes.record(key, line, previous.outcome === 'created' ? 'created' : 'unchanged', counts, this.#context.report);
        continue;
      }
      if (stored.has(followUpKey(c.id, v.at, v.summary))) {
        this.#outcomes.record(key, line, 'unchanged', counts, this.#context.report);
        continue;
      }
      const id = newId();
      created.set(key, {
        id,
        customerId: c.id,
        contractId,
        at: v.at,
        channel: v.channel ?? 'phone',
        kind: v.kind ?? 'revisit',
        summary: v.summary,
        nextFollowUpOn: v.nextFollowUpOn,
        ownerId,
      });
      this.#createdIds.set(key, id);
      this.#outcomes.record(key, line, 'created', counts, this.#context.report);
    }
    plan.followUps.push(...created.values());
    for (const [key, changes] of patches) {
      const id = this.#createdIds.get(key);
      if (id) plan.changes.push({ entity: 'followUp', id, changes });
    }
    await this.#context.session.write(plan);
    this.#context.report.followups.created = counts.created;
    this.#context.report.followups.unchanged = counts.unchanged;
  }
}
