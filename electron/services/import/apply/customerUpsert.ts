// The customer side of an import row: find the live customer by trimmed name or plan a new one, then apply
// the row's customer-owned values (联系人/职务/电话 on the primary contact, 客户等级, 负责人, custom fields,
// and 备注 on the customers sheet). A blank cell never erases; a later row overwrites non-blank values.
// Work is per chunk: lookups first, rows in order against an in-memory working copy, then into the plan.
import type { ChunkPlan, CustomerSnapshot, ImportLookup } from '../../../../db/import/index.ts';
import { newId } from '../../../../db/newId.ts';
import type { ImportChange } from '../../../../shared/api/import.contract.ts';
import type { Tier } from '../../../../shared/domain/enums.ts';
import { labelOf, tierLabels } from '../../../../shared/i18n/enumLabels.ts';
import { FIELD_HEADERS, type CellIssue, type CustomerValues } from '../../../../shared/importExport/importFields.ts';
import { detach, detachOrNull } from '../memory/detach.ts';
import type { ImportReport } from '../report/importReport.ts';
import { CompactStringMap } from '../memory/compactStringMap.ts';
import { TwoGenerationCache } from '../memory/twoGenerationCache.ts';
import { pickFields } from './pickFields.ts';
import { sameValue } from './sameValue.ts';
import { msg } from '../../../../shared/i18n/message.ts';
import { tierStandingOfCell, type TierStanding } from '../../../../shared/tiers/tierReason.ts';

export interface WorkingCustomer {
  id: string;
  name: string;
  /** Existed before this chunk (in the database, possibly created earlier in this batch). */
  stored: boolean;
  tier: Tier;
  /** A new customer whose row gave a 客户等级: pinned 'import' (the rules release it when they agree). */
  tierGiven?: boolean;
  /** A new customer whose row also gave a 等级依据 (an export's): pinned or by rule as that says (tierStandingOfCell). */
  tierStanding?: TierStanding;
  ownerId: string | null;
  ownerName: string | null;
  customFields: Record<string, string>;
  notes: string | null;
  contact: { id: string; name: string; title: string | null; phone: string | null; stored: boolean } | null;
  customerPatch: Set<'tier' | 'ownerId' | 'customFields' | 'notes'>;
  contactPatch: Set<'name' | 'title' | 'phone'>;
  /** The row named a merged customer's alias: the survivor's own name (reported once per name). */
  aliasOf: string | null;
}

const CREATED = 1;
const COUNTED_UPDATED = 2;
const REPORTED_ALIAS = 4;
/**
 * Customers this import has seen, as they now stand in the database, so a customer named on row after row
 * is read once rather than once per chunk. Bounded: sheets grouped by customer hit it nearly always.
 */
const CACHE_LIMIT = 20_000;

export interface CustomerEffect {
  created: boolean;
  changed: boolean;
  changes: ImportChange['fields'];
  contactChanges: ImportChange['fields'];
  warnings: CellIssue[];
}

export class CustomerUpsert {
  readonly #lookup: ImportLookup;
  readonly #report: ImportReport;
  readonly #tierLabel: (code: string) => string;
  /** Per customer name seen in this import: created by it, counted as updated. The one set that grows. */
  readonly #flags = new CompactStringMap();
  #chunk = new Map<string, WorkingCustomer>();
  #snapshots = new Map<string, CustomerSnapshot>();
  readonly #seen = new TwoGenerationCache<CustomerSnapshot>(CACHE_LIMIT);
  #owners = new Map<string, string>();
  #plan: ChunkPlan | null = null;

  constructor(lookup: ImportLookup, report: ImportReport, tierLabel: (code: string) => string = (code) => labelOf(tierLabels, code)) {
    this.#lookup = lookup;
    this.#report = report;
    this.#tierLabel = tierLabel;
  }

  /** Loads what this chunk's rows refer to; owners the rows name first go into `plan`. */
  async begin(rows: readonly CustomerValues[], plan: ChunkPlan): Promise<void> {
    this.#chunk = new Map();
    this.#plan = plan;
    const names = [...new Set(rows.map((r) => r.name))];
    this.#snapshots = await this.#lookup.customersByName(names.filter((n) => !this.#seen.has(n)));
    for (const n of names) {
      const seen = this.#seen.get(n);
      if (seen) this.#snapshots.set(n, seen);
    }
    this.#owners = await this.#lookup.ownersByName([...new Set(rows.map((r) => r.owner).filter((o): o is string => o !== null))]);
  }

  /** The working customer for a name, or a planned new one that only exists once `apply` registers it. */
  resolve(name: string): WorkingCustomer {
    const inChunk = this.#chunk.get(name);
    if (inChunk) return inChunk;
    const s = this.#snapshots.get(name);
    if (s) {
      return {
        id: s.id,
        name,
        stored: true,
        tier: s.tier,
        ownerId: s.ownerId,
        ownerName: s.ownerName,
        customFields: { ...s.customFields },
        notes: s.notes,
        contact: s.primaryContact ? { ...s.primaryContact, stored: true } : null,
        customerPatch: new Set(),
        contactPatch: new Set(),
        aliasOf: s.aliasOf ?? null,
      };
    }
    return {
      id: newId(),
      name,
      stored: false,
      tier: 'normal',
      ownerId: null,
      ownerName: null,
      customFields: {},
      notes: null,
      contact: null,
      customerPatch: new Set(),
      contactPatch: new Set(),
      aliasOf: null,
    };
  }

  isKnown(c: WorkingCustomer): boolean {
    return this.#chunk.has(c.name) || c.stored;
  }

  #ownerId(name: string): string {
    let id = this.#owners.get(name);
    if (id === undefined) {
      id = newId();
      this.#plan?.owners.push({ id, name });
      this.#owners.set(name, id);
    }
    return id;
  }

  /** Applies a valid row's customer values to the working copy and counts the outcome. */
  apply(c: WorkingCustomer, v: CustomerValues, line: number, contactHeader: string): CustomerEffect {
    const isNew = !this.isKnown(c);
    if (!this.#chunk.has(c.name)) this.#chunk.set(c.name, c);
    const changes: ImportChange['fields'] = [];
    const contactChanges: ImportChange['fields'] = [];
    const warnings: CellIssue[] = [];
    if (v.tier !== null && !c.stored) {
      c.tierGiven = true;
      if (v.tierReason !== null) c.tierStanding = tierStandingOfCell(v.tierReason);
    }
    if (v.tier !== null && v.tier !== c.tier) {
      changes.push({ field: FIELD_HEADERS.tier.zh, from: this.#tierLabel(c.tier), to: this.#tierLabel(v.tier) });
      c.tier = v.tier;
      c.customerPatch.add('tier');
    }
    if (v.owner !== null && v.owner !== c.ownerName) {
      changes.push({ field: FIELD_HEADERS.owner.zh, from: c.ownerName, to: v.owner });
      c.ownerId = this.#ownerId(v.owner);
      c.ownerName = v.owner;
      c.customerPatch.add('ownerId');
    }
    for (const [k, value] of Object.entries(v.customFields)) {
      if (sameValue(c.customFields[k], value)) continue;
      changes.push({ field: k, from: c.customFields[k] ?? null, to: value });
      c.customFields = { ...c.customFields, [k]: value };
      c.customerPatch.add('customFields');
    }
    if (v.notes !== null && !sameValue(c.notes, v.notes)) {
      changes.push({ field: FIELD_HEADERS.notes.zh, from: c.notes, to: v.notes });
      c.notes = v.notes;
      c.customerPatch.add('notes');
    }
    if (c.aliasOf !== null) {
      // The merged customer's contacts moved to the survivor as they were: its sheet's contact cells describe one of
      // those, not the survivor's primary contact, so they are not written over it.
    } else if (c.contact) {
      const contact = c.contact;
      const set = (field: 'name' | 'title' | 'phone', value: string | null, label: string) => {
        if (value === null || sameValue(contact[field], value)) return;
        contactChanges.push({ field: label, from: contact[field], to: value });
        contact[field] = value;
        c.contactPatch.add(field);
      };
      set('name', v.contactName, FIELD_HEADERS.contactName.zh);
      set('title', v.contactTitle, FIELD_HEADERS.contactTitle.zh);
      set('phone', v.contactPhone, FIELD_HEADERS.contactPhone.zh);
    } else if (v.contactName !== null) {
      c.contact = { id: newId(), name: v.contactName, title: v.contactTitle, phone: v.contactPhone, stored: false };
      contactChanges.push({ field: FIELD_HEADERS.contactName.zh, from: null, to: v.contactName });
    } else if (v.contactTitle !== null || v.contactPhone !== null) {
      warnings.push({ line, column: contactHeader, message: msg('reasons.contactWithoutName') });
    }
    const changed = changes.length > 0 || contactChanges.length > 0;
    let flags = this.#flags.get(c.name) ?? 0;
    if (c.aliasOf !== null && !(flags & REPORTED_ALIAS)) {
      warnings.push({ line, column: null, message: msg('merge.importMatchedAlias', { alias: c.name, name: c.aliasOf }) });
      flags |= REPORTED_ALIAS;
      this.#flags.set(c.name, flags);
    }
    if (isNew) {
      this.#report.customers.created++;
      this.#flags.set(c.name, flags | CREATED);
    } else if (changed && !(flags & (CREATED | COUNTED_UPDATED))) {
      this.#report.customers.updated++;
      this.#flags.set(c.name, flags | COUNTED_UPDATED);
    }
    return { created: isNew, changed, changes, contactChanges, warnings };
  }

  /** Whether the customer was created by this import (in this or an earlier chunk). */
  createdInBatch(name: string): boolean {
    return ((this.#flags.get(name) ?? 0) & CREATED) !== 0;
  }

  /** Puts the chunk's new and changed customers and contacts into the plan it began with. */
  plan(): void {
    const plan = this.#plan;
    if (!plan) throw new Error('CustomerUpsert.plan before begin');
    for (const c of this.#chunk.values()) {
      if (!c.stored) {
        plan.customers.push({ id: c.id, name: c.name, tier: c.tier, tierPinned: c.tierGiven === true, ...(c.tierStanding ? { tierStanding: c.tierStanding } : {}), ownerId: c.ownerId, customFields: c.customFields, notes: c.notes });
      } else if (c.customerPatch.size > 0) {
        plan.changes.push({ entity: 'customer', id: c.id, changes: pickFields(c, c.customerPatch) });
      }
      if (c.contact && !c.contact.stored) {
        const { id, name, title, phone } = c.contact;
        plan.contacts.push({ id, customerId: c.id, name, title, phone });
      } else if (c.contact && c.contactPatch.size > 0) {
        plan.changes.push({ entity: 'contact', id: c.contact.id, customerId: c.id, changes: pickFields(c.contact, c.contactPatch) });
      }
      this.#remember(c);
    }
    this.#plan = null;
  }

  /** Keeps what the database holds for `c` once the plan is written. */
  #remember(c: WorkingCustomer): void {
    this.#seen.delete(c.name);
    // Cells are views into the parser's chunk of text: a cached customer holding one would keep the chunk
    // alive, and 20k cached customers spread over a file kept most of the file's text in memory.
    const name = detach(c.name);
    this.#seen.set(name, {
      id: c.id,
      name,
      tier: c.tier,
      ownerId: c.ownerId,
      ownerName: detachOrNull(c.ownerName),
      customFields: Object.fromEntries(Object.entries(c.customFields).map(([k, v]) => [k, detach(v)])),
      notes: detachOrNull(c.notes),
      ...(c.aliasOf === null ? {} : { aliasOf: c.aliasOf }),
      primaryContact: c.contact
        ? { id: c.contact.id, name: detach(c.contact.name), title: detachOrNull(c.contact.title), phone: detachOrNull(c.contact.phone) }
        : null,
    });
  }
}
