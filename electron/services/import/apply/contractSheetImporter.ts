// The renewal sheet: one row per contract with its customer. Contracts are upserted by number; a row without
// a number is matched by (customer, end date) and otherwise gets AUTO-<end>-<hash>. The contract owns
// 合同编号/签订日期/到期日期/合同金额/服务内容/续费周期/备注; everything else goes to the customer.
import { newId } from '../../../../db/newId.ts';
import { customerEndKey, type ContractSnapshot } from '../../../../db/repositories/importLookups.ts';
import type { ImportSession } from '../../../../db/repositories/importSession.ts';
import type { ImportChange } from '../../../../shared/api/import.contract.ts';
import type { Cycle } from '../../../../shared/domain/enums.ts';
import { fenToYuanString } from '../../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../../shared/i18n/enumLabels.ts';
import { FIELD_HEADERS, type ContractValues, type CustomerValues, type ImportField } from '../../../../shared/importExport/importFields.ts';
import { autoContractNumber } from './autoContractNumber.ts';
import { CustomerUpsert } from './customerUpsert.ts';
import type { ImportReport } from '../report/importReport.ts';
import { KeyedOutcomes } from '../report/keyedOutcomes.ts';
import { sameValue } from './sameValue.ts';

export interface ContractSheetRow {
  line: number;
  customer: CustomerValues;
  contract: ContractValues;
}

interface WorkingContract extends Omit<ContractSnapshot, 'cycle'> {
  /** null: the sheet never gave a 续费周期; kept unknown rather than guessed. */
  cycle: Cycle | null;
  stored: boolean;
  patch: Set<ContractField>;
}

const CONTRACT_FIELDS = ['signedOn', 'endsOn', 'amountFen', 'service', 'cycle', 'notes'] as const;
type ContractField = (typeof CONTRACT_FIELDS)[number];
const FIELD_OF: Record<ContractField, ImportField> = {
  signedOn: 'signedOn',
  endsOn: 'endsOn',
  amountFen: 'amount',
  service: 'service',
  cycle: 'cycle',
  notes: 'notes',
};

function shown(field: ContractField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'amountFen') return fenToYuanString(value as number);
  if (field === 'cycle') return labelOf(cycleLabels, value as Cycle);
  return String(value);
}

export class ContractSheetImporter {
  readonly #session: ImportSession;
  readonly #report: ImportReport;
  readonly #header: (f: ImportField) => string;
  readonly #customers: CustomerUpsert;
  readonly #outcomes = new KeyedOutcomes();

  constructor(session: ImportSession, report: ImportReport, header: (f: ImportField) => string) {
    this.#session = session;
    this.#report = report;
    this.#header = header;
    this.#customers = new CustomerUpsert(session, report);
  }

  applyChunk(rows: readonly ContractSheetRow[]): void {
    const customers = this.#customers;
    customers.begin(rows.map((r) => r.customer));
    const autoOf = (r: ContractSheetRow) => (r.contract.number === null && r.contract.endsOn !== null ? autoContractNumber(r.customer.name, r.contract.endsOn) : null);
    const autos = rows.map(autoOf);
    const numbers = new Set<string>();
    rows.forEach((r, i) => {
      const n = r.contract.number ?? autos[i];
      if (n) numbers.add(n);
    });
    const byNumber = this.#session.contractsByNumber([...numbers]);
    const pairs = rows
      .filter((r) => r.contract.number === null && r.contract.endsOn !== null)
      .map((r) => ({ customer: customers.resolve(r.customer.name), endsOn: r.contract.endsOn! }))
      .filter((p) => p.customer.stored)
      .map((p) => ({ customerId: p.customer.id, endsOn: p.endsOn }));
    const byEnd = this.#session.contractsByCustomerEnd(pairs);
    const chunk = new Map<string, WorkingContract>();
    const chunkByEnd = new Map<string, WorkingContract>();
    const expiryTouched = new Set<string>();
    const working = (s: ContractSnapshot | undefined): WorkingContract | null => {
      if (!s) return null;
      return chunk.get(s.number) ?? { ...s, cycle: s.cycle as Cycle | null, stored: true, patch: new Set() };
    };

    rows.forEach((row, i) => {
      const { line, contract: v } = row;
      const c = customers.resolve(row.customer.name);
      let existing: WorkingContract | null;
      let number: string;
      if (v.number !== null) {
        number = v.number;
        existing = chunk.get(number) ?? working(byNumber.get(number));
      } else {
        const auto = autos[i]!;
        const key = customerEndKey(c.id, v.endsOn!);
        const candidates = byEnd.get(key) ?? [];
        existing =
          chunkByEnd.get(key) ??
          working(candidates.find((k) => k.number === auto) ?? candidates[0]) ??
          chunk.get(auto) ??
          working(byNumber.get(auto));
        number = existing?.number ?? auto;
      }
      if (existing && existing.customerId !== c.id) {
        this.#report.reject([
          { line, column: this.#header('contractNumber'), message: `合同编号「${number}」已属于客户「${existing.customerName}」` },
        ]);
        return;
      }
      const signedOn = v.signedOn ?? existing?.signedOn ?? null;
      const endsOn = v.endsOn ?? existing?.endsOn ?? null;
      if (signedOn !== null && endsOn !== null && endsOn < signedOn) {
        this.#report.reject([{ line, column: this.#header('endsOn'), message: `到期日期 ${endsOn} 早于签订日期 ${signedOn}` }]);
        return;
      }
      const effect = customers.apply(c, row.customer, line, this.#header('contactName'));
      this.#report.warn(effect.warnings);
      const customerIsNewInBatch = customers.createdInBatch(c.name);
      if (!customerIsNewInBatch) {
        this.#report.change({ line, entity: 'customer', key: c.name, fields: effect.changes });
        this.#report.change({ line, entity: 'contact', key: c.name, fields: effect.contactChanges });
      }
      const previous = this.#outcomes.get(number);
      if (!existing) {
        const created: WorkingContract = {
          id: newId(),
          customerId: c.id,
          customerName: c.name,
          number,
          signedOn: v.signedOn,
          endsOn: v.endsOn,
          amountFen: v.amountFen,
          service: v.service,
          cycle: v.cycle,
          notes: v.notes,
          stored: false,
          patch: new Set(),
        };
        chunk.set(number, created);
        if (created.endsOn !== null) chunkByEnd.set(customerEndKey(c.id, created.endsOn), created);
        this.#outcomes.record(number, line, 'created', this.#report.contracts, this.#report);
        return;
      }
      if (!chunk.has(existing.number)) chunk.set(existing.number, existing);
      const endBefore = existing.endsOn;
      const fields: ImportChange['fields'] = [];
      for (const f of CONTRACT_FIELDS) {
        const value = v[f];
        if (value === null || sameValue(existing[f], value)) continue;
        fields.push({ field: FIELD_HEADERS[FIELD_OF[f]].zh, from: shown(f, existing[f]), to: shown(f, value) });
        (existing as unknown as Record<ContractField, unknown>)[f] = value;
        existing.patch.add(f);
      }
      if (existing.endsOn !== null) chunkByEnd.set(customerEndKey(c.id, existing.endsOn), existing);
      // A stored contract's end moving (perhaps later) needs the minimum taken again in SQL. Created
      // contracts only ever bring it forward, which #flush works out without reading anything.
      if (existing.stored && existing.endsOn !== endBefore) expiryTouched.add(c.id);
      if (previous?.outcome !== 'created') this.#report.change({ line, entity: 'contract', key: number, fields });
      this.#outcomes.record(number, line, fields.length > 0 ? 'updated' : 'unchanged', this.#report.contracts, this.#report);
    });

    this.#flush(chunk, expiryTouched);
  }

  #flush(chunk: Map<string, WorkingContract>, expiryTouched: Set<string>): void {
    const writer = this.#session.writer;
    // Contracts created here are active, so each customer's next expiry becomes the earlier of what it was
    // and the earliest end created here (for a new customer, the latter alone).
    const earliestCreated = new Map<string, string>();
    for (const k of chunk.values()) {
      if (k.stored || k.endsOn === null) continue;
      const known = earliestCreated.get(k.customerId);
      if (known === undefined || k.endsOn < known) earliestCreated.set(k.customerId, k.endsOn);
    }
    const reindex = this.#customers.flush(earliestCreated, expiryTouched);
    for (const k of chunk.values()) {
      if (!k.stored) {
        writer.insertContract(k);
      } else if (k.patch.size > 0) {
        const patch: Record<string, unknown> = {};
        for (const f of k.patch) patch[f] = k[f];
        writer.patch('contracts', k.id, patch);
      }
    }
    writer.flush();
    this.#session.index.refresh(reindex.ids, reindex.known);
    this.#session.refreshNextExpiry([...expiryTouched]);
  }
}
