// What one chunk of an import does to the archive, in domain terms: the rows it creates and the fields it
// changes. The session derives the rest (audit, search index, next expiry) from the plan itself.
import type { ContractStatus, FollowUpChannel, FollowUpKind, RenewalStage, Tier } from '../../shared/domain/enums.ts';
import type { ContractValues, RenewalValues } from '../../shared/importExport/importFields.ts';
import type { TierStanding } from '../../shared/tiers/tierReason.ts';

export interface BatchMeta {
  batchId: string;
  /** ISO instant stamped on every row and audit entry of the batch. */
  at: string;
  actor: string;
}

export interface NewOwner {
  id: string;
  name: string;
}
export interface NewCustomer {
  id: string;
  name: string;
  tier: Tier;
  /** The row gave the tier: stored pinned 'import', which tier classification keeps unless the rules agree. */
  tierPinned?: boolean;
  /**
   * The row's 等级依据 said how the tier stands (pinned by hand or by an import, or by rule for the reason given): it
   * is stored so, and the import's classification leaves the customer to the next run (a round trip stays exact).
   */
  tierStanding?: TierStanding;
  ownerId: string | null;
  customFields: Record<string, string>;
  notes: string | null;
}
/** A customer's primary contact. */
export interface NewContact {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  phone: string | null;
}
/** Created with the values a sheet gives a contract; active unless the sheet says 已续费 (renewed). */
export interface NewContract extends Omit<ContractValues, 'number'> {
  id: string;
  customerId: string;
  number: string;
  status?: ContractStatus;
}
/** A term's one live renewal record, as 续费状态/续费日期/续费金额/流失原因 give it. */
export interface RenewalFields {
  stage: RenewalStage;
  outcomeOn: string | null;
  outcomeAmountFen: number | null;
  lostReason: string | null;
  lostNote: string | null;
}
export interface NewRenewal extends RenewalFields {
  id: string;
  contractId: string;
  /** The term that renews it, when the chain linker creates the record. */
  newContractId?: string | null;
}
export interface NewFollowUp {
  id: string;
  customerId: string;
  contractId: string | null;
  at: string;
  channel: FollowUpChannel;
  kind: FollowUpKind;
  summary: string;
  nextFollowUpOn: string | null;
  ownerId: string | null;
}

export interface CustomerChanges {
  tier?: Tier;
  ownerId?: string | null;
  customFields?: Record<string, string>;
  notes?: string | null;
}
export interface ContactChanges {
  name?: string;
  title?: string | null;
  phone?: string | null;
}
export type ContractChanges = Partial<Omit<ContractValues, 'number'>> & { status?: ContractStatus };
export type RenewalChanges = Partial<RenewalFields>;
export interface FollowUpChanges {
  contractId?: string | null;
  channel?: FollowUpChannel;
  kind?: FollowUpKind;
  nextFollowUpOn?: string | null;
  ownerId?: string | null;
}

/** Changes to a record that existed before the chunk (stored, or created by an earlier chunk). */
export type RecordChange =
  | { entity: 'customer'; id: string; changes: CustomerChanges }
  | { entity: 'contact'; id: string; customerId: string; changes: ContactChanges }
  | { entity: 'contract'; id: string; customerId: string; changes: ContractChanges }
  | { entity: 'followUp'; id: string; changes: FollowUpChanges }
  | { entity: 'renewal'; id: string; contractId: string; changes: RenewalChanges };

/** What a row of the sheet said about its term's renewal, for the chain linker after the rows. */
export interface SheetRenewal {
  contractId: string;
  values: RenewalValues;
}

export interface ChunkPlan {
  owners: NewOwner[];
  customers: NewCustomer[];
  contacts: NewContact[];
  contracts: NewContract[];
  followUps: NewFollowUp[];
  /** Written after the contracts, so a record may belong to a contract of the same plan. */
  renewals: NewRenewal[];
  changes: RecordChange[];
  /** Per contract row: the sheet's renewal cells, whether or not they changed anything. */
  sheetRenewals: SheetRenewal[];
}

export function emptyChunkPlan(): ChunkPlan {
  return { owners: [], customers: [], contacts: [], contracts: [], followUps: [], renewals: [], changes: [], sheetRenewals: [] };
}

export interface ContactSnapshot {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
}

/** A live customer as the import needs it to merge a row into it. */
export interface CustomerSnapshot {
  id: string;
  name: string;
  tier: Tier;
  ownerId: string | null;
  ownerName: string | null;
  customFields: Record<string, string>;
  notes: string | null;
  primaryContact: ContactSnapshot | null;
  /** Found through a live alias (a customer merged into this one): the survivor's own name. */
  aliasOf?: string;
}

export interface ContractSnapshot extends NewContract {
  customerName: string;
  status: ContractStatus;
  /** A live later term points at this one (renewal_of) or its renewal record names one. */
  hasSuccessor: boolean;
}

/** A term's live renewal record. */
export interface RenewalSnapshot extends RenewalFields {
  id: string;
  contractId: string;
}
