import type { RenewalStage } from '../domain/enums.ts';
import type { Contact } from './contacts.contract.ts';
import type { Contract } from './contracts.contract.ts';
import type { Customer } from './customers.contract.ts';
import type { FollowUp } from './followUps.contract.ts';
import type { Owner } from './owners.contract.ts';
import type { Tag } from './tags.contract.ts';

// What a service hands db/ to write a record, in the same words as the records it reads back. db/ adds the
// id, the stamps and version, and keeps the derived data (next expiry, search index) in step.

export type NewCustomer = Pick<Customer, 'name' | 'code' | 'industry' | 'tier' | 'ownerId' | 'lifecycleStage' | 'source' | 'customFields' | 'notes'> &
  Partial<Pick<Customer, 'tierPinned'>>;
/** Absent fields stay as they are. */
export type CustomerPatch = Partial<NewCustomer & Pick<Customer, 'archivedAt' | 'tierPinned'>>;

export type NewContact = Pick<Contact, 'customerId' | 'name' | 'title' | 'phone' | 'email' | 'birthday' | 'isPrimary' | 'notes'>;
export type ContactPatch = Partial<Omit<NewContact, 'customerId'>>;

export type NewContract = Pick<
  Contract,
  'customerId' | 'number' | 'signedOn' | 'startsOn' | 'endsOn' | 'amountFen' | 'currency' | 'cycle' | 'service' | 'status' | 'ownerId' | 'renewalOf' | 'notes'
>;
export type ContractPatch = Partial<Omit<NewContract, 'customerId'>>;

export type NewFollowUp = Pick<FollowUp, 'customerId' | 'contractId' | 'at' | 'channel' | 'kind' | 'summary' | 'nextFollowUpOn' | 'ownerId'>;

export type NewOwner = Pick<Owner, 'name' | 'email' | 'phone'>;
export type OwnerPatch = Partial<NewOwner & Pick<Owner, 'active'>>;

export type NewTag = Pick<Tag, 'name' | 'color'>;

/** A term's place in the renewal pipeline; `newContractId` absent keeps the link it has. */
export interface RenewalStageWrite {
  stage: RenewalStage;
  lostReason: string | null;
  lostNote: string | null;
  outcomeOn: string | null;
  outcomeAmountFen: number | null;
  newContractId?: string | null;
}

/** A reminder rule's ladder (already normalized) and template; absent fields stay as they are. */
export interface ReminderRulePatch {
  steps?: number[] | null;
  template?: string;
}
