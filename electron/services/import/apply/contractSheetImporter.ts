// The renewal sheet: one row per contract with its customer. Contracts are upserted by number; a row without
// a number is matched by (customer, end date) and otherwise gets AUTO-<end>-<hash>. The contract owns
// 合同编号/签订日期/开始日期/到期日期/合同金额/服务内容/续费周期/提醒日期/备注, its renewal record 续费状态/续费日期/
// 续费金额/流失原因 (sheetRenewal.ts); everything else goes to the customer.
import { customerEndKey, emptyChunkPlan, type ContractSnapshot } from '../../../../db/import/index.ts';
import { newId } from '../../../../db/newId.ts';
import type { ImportChange } from '../../../../shared/api/import.contract.ts';
import { fenToYuanString } from '../../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../../shared/i18n/enumLabels.ts';
import { FIELD_HEADERS, type ContractValues, type ImportField } from '../../../../shared/importExport/importFields.ts';
import { endsBeforeSigned, endsBeforeStart } from '../../../../shared/importExport/normalizeRow.ts';
import { applySheetRenewal, type WorkingRenewal } from './sheetRenewal.ts';
import { autoContractNumber } from './autoContractNumber.ts';
import { CustomerUpsert } from './customerUpsert.ts';
import type { RowOf } from '../../../../shared/importExport/sheetRows.ts';
import type { ApplyContext, SheetImporter } from './applyContext.ts';
import { KeyedOutcomes } from '../report/keyedOutcomes.ts';
import { pickFields } from './pickFields.ts';
import { sameValue } from './sameValue.ts';
import { msg } from '../../../../shared/i18n/message.ts';

/** `cycle` null: the sheet never gave a 续费周期; kept unknown rather than guessed. */
interface WorkingContract extends ContractSnapshot {
  stored: boolean;
  patch: Set<ContractField | 'status'>;
  /** The term's live renewal record, null while it has none. */
  renewal: WorkingRenewal | null;
}

const CONTRACT_FIELDS = ['signedOn', 'startsOn', 'endsOn', 'amountFen', 'service', 'cycle', 'remindOn', 'notes'] as const;
type ContractField = (typeof CONTRACT_FIELDS)[number];
const FIELD_OF: Record<ContractField, ImportField> = {
  signedOn: 'signedOn',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  amountFen: 'amount',
  service: 'service',
  cycle: 'cycle',
  remindOn: 'remindOn',
  notes: 'notes',
};

type ContractFields = Pick<ContractValues, ContractField>;

function shown(field: ContractField, c: ContractFields): string | null {
  if (field === 'amountFen') return c.amountFen === null ? null : fenToYuanString(c.amountFen);
  if (field === 'cycle') return c.cycle === null ? null : labelOf(cycleLabels, c.cycle);
  return c[field];
}

/** A blank cell never erases: only a given value that differs changes the contract. */
function changes(target: ContractFields, source: ContractFields, field: ContractField): boolean {
  const value = source[field];
  return value !== null && !sameValue(target[field], value);
}

function copyField<K extends ContractField>(target: ContractFields, source: ContractFields, field: K): void {
  target[field] = source[field];
}

export class ContractSheetImporter implements SheetImporter<RowOf<'contracts'>> {
  readonly #context: ApplyContext;
  readonly #customers: CustomerUpsert;
  readonly #outcomes = new KeyedOutcomes();

  constructor(context: ApplyContext) {
    this.#context = context;
    this.#customers = new CustomerUpsert(context.session.lookup, context.report, context.tierLabel);
  }

  async applyChunk(rows: readonly RowOf<'contracts'>[]): Promise<void> {
    const customers = this.#customers;
    const plan = emptyChunkPlan();
    await customers.begin(rows.map((r) => r.customer), plan);
    const autoOf = (r: RowOf<'contracts'>) => (r.contract.number === null && r.contract.endsOn !== null ? autoContractNumber(r.customer.name, r.contract.endsOn) : null);
    const autos = rows.map(autoOf);
    const numbers = new Set<string>();
    rows.forEach((r, i) => {
      const n = r.contract.number ?? autos[i];
      if (n) numbers.add(n);
    });
    const byNumber = await this.#context.session.lookup.contractsByNumber([...numbers]);
    const pairs = rows
      .filter((r) => r.contract.number === null && r.contract.endsOn !== null)
      .map((r) => ({ customer: customers.resolve(r.customer.name), endsOn: r.contract.endsOn! }))
      .filter((p) => p.customer.stored)
      .map((p) => ({ customerId: p.customer.id, endsOn: p.endsOn }));
    const byEnd = await this.#context.session.lookup.contractsByCustomerEnd(pairs);
    const storedIds = [...byNumber.values(), ...[...byEnd.values()].flat()].map((k) => k.id);
    const renewals = await this.#context.session.lookup.renewalsOfContracts([...new Set(storedIds)]);
    const chunk = new Map<string, WorkingContract>();
    const chunkByEnd = new Map<string, WorkingContract>();
    const working = (s: ContractSnapshot | undefined): WorkingContract | null => {
      if (!s) return null;
      const record = renewals.get(s.id);
      return chunk.get(s.number) ?? { ...s, stored: true, patch: new Set(), renewal: record ? { ...record, stored: true, patch: new Set() } : null };
    };
    const sheetRenewals = new Map<string, RowOf<'contracts'>['renewal']>();
    /** The row's renewal cells onto the term: its record, and 已续约 when the row renews it. */
    const applyRenewal = (k: WorkingContract, row: RowOf<'contracts'>): ImportChange['fields'] => {
      sheetRenewals.set(k.id, row.renewal);
      const effect = applySheetRenewal(k.renewal, row.renewal, newId);
      k.renewal = effect.renewal;
      const status = effect.becameRenewed ? 'renewed' : effect.leftRenewed && !k.hasSuccessor ? 'active' : null;
      // 已续约 follows the record; a term the sheet takes back from 已续费 is active again unless a later term renews it.
      if (status !== null && k.status !== status && k.status !== 'terminated' && (status === 'renewed' || k.status === 'renewed')) {
        k.status = status;
        if (k.stored) k.patch.add('status');
      }
      return effect.fields;
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
        this.#context.report.reject([
          { line, column: this.#context.header('contractNumber'), message: msg('reasons.contractTaken', { number: number ?? '', customer: existing.customerName }) },
        ]);
        return;
      }
      const signedOn = v.signedOn ?? existing?.signedOn ?? null;
      const startsOn = v.startsOn ?? existing?.startsOn ?? null;
      const endsOn = v.endsOn ?? existing?.endsOn ?? null;
      if (startsOn === null && signedOn !== null && endsOn !== null && endsOn < signedOn) {
        this.#context.report.reject([{ line, column: this.#context.header('endsOn'), message: endsBeforeSigned(endsOn, signedOn) }]);
        return;
      }
      if (startsOn !== null && endsOn !== null && endsOn < startsOn) {
        this.#context.report.reject([{ line, column: this.#context.header('endsOn'), message: endsBeforeStart(endsOn, startsOn) }]);
        return;
      }
      const effect = customers.apply(c, row.customer, line, this.#context.header('contactName'));
      this.#context.report.warn(effect.warnings);
      const customerIsNewInBatch = customers.createdInBatch(c.name);
      if (!customerIsNewInBatch) {
        this.#context.report.change({ line, entity: 'customer', key: c.name, fields: effect.changes });
        this.#context.report.change({ line, entity: 'contact', key: c.name, fields: effect.contactChanges });
      }
      const previous = this.#outcomes.get(number);
      if (!existing) {
        const created: WorkingContract = {
          id: newId(),
          customerId: c.id,
          customerName: c.name,
          number,
          signedOn: v.signedOn,
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          amountFen: v.amountFen,
          service: v.service,
          cycle: v.cycle,
          remindOn: v.remindOn,
          status: 'active',
          hasSuccessor: false,
          notes: v.notes,
          stored: false,
          patch: new Set(),
          renewal: null,
        };
        applyRenewal(created, row);
        chunk.set(number, created);
        if (created.endsOn !== null) chunkByEnd.set(customerEndKey(c.id, created.endsOn), created);
        this.#outcomes.record(number, line, 'created', this.#context.report.contracts, this.#context.report);
        return;
      }
      if (!chunk.has(existing.number)) chunk.set(existing.number, existing);
      const fields: ImportChange['fields'] = [];
      for (const f of CONTRACT_FIELDS) {
        if (!changes(existing, v, f)) continue;
        const from = shown(f, existing);
        copyField(existing, v, f);
        fields.push({ field: FIELD_HEADERS[FIELD_OF[f]].zh, from, to: shown(f, existing) });
        existing.patch.add(f);
      }
      fields.push(...applyRenewal(existing, row));
      if (existing.endsOn !== null) chunkByEnd.set(customerEndKey(c.id, existing.endsOn), existing);
      if (previous?.outcome !== 'created') this.#context.report.change({ line, entity: 'contract', key: number, fields });
      this.#outcomes.record(number, line, fields.length > 0 ? 'updated' : 'unchanged', this.#context.report.contracts, this.#context.report);
    });

    customers.plan();
    for (const k of chunk.values()) {
      if (!k.stored) plan.contracts.push(k);
      else if (k.patch.size > 0) plan.changes.push({ entity: 'contract', id: k.id, customerId: k.customerId, changes: pickFields(k, k.patch) });
      const r = k.renewal;
      if (r && !r.stored) plan.renewals.push({ ...r, contractId: k.id });
      else if (r && r.patch.size > 0) plan.changes.push({ entity: 'renewal', id: r.id, contractId: k.id, changes: pickFields(r, r.patch) });
    }
    for (const [contractId, values] of sheetRenewals) plan.sheetRenewals.push({ contractId, values });
    await this.#context.session.write(plan);
  }
}
