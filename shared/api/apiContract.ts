import type { z } from 'zod';
import { API_DOMAINS, type ApiDomain } from './apiDomains.ts';
import { contactsContract } from './contacts.contract.ts';
import { contractsContract } from './contracts.contract.ts';
import { customersContract } from './customers.contract.ts';
import { exportContract } from './export.contract.ts';
import { followUpsContract } from './followUps.contract.ts';
import { importContract } from './import.contract.ts';
import { lifecycleContract } from './lifecycle.contract.ts';
import { ownersContract } from './owners.contract.ts';
import { notificationsContract, remindersContract } from './reminders.contract.ts';
import { renewalsContract } from './renewals.contract.ts';
import { reportsContract } from './reports.contract.ts';
import { systemContract } from './system.contract.ts';
import { tagsContract } from './tags.contract.ts';
import { customerMergeContract, hygieneContract } from './hygiene.contract.ts';
import { tiersContract } from './tiers.contract.ts';
import { tierTableContract } from './tierTable.contract.ts';
import { attachmentsContract } from './attachments.contract.ts';
import { paymentsContract } from './payments.contract.ts';
import { surveysContract } from './surveys.contract.ts';
import { customerAliasesContract } from './customerAliases.contract.ts';
import { signalsContract } from './signals.contract.ts';
import { predictionContract } from './prediction.contract.ts';
import { healthContract } from './health.contract.ts';
import { riskContract } from './risk.contract.ts';
import { visitsContract } from './visits.contract.ts';
import { complaintsContract } from './complaints.contract.ts';
import { loyaltyContract, messagesContract } from './messages.contract.ts';
import { mailContract } from './mail.contract.ts';
import { accountsContract } from './accounts.contract.ts';
import { teamDatabaseContract } from './teamDatabase.contract.ts';

export const apiContract = {
  ...customersContract,
  ...contactsContract,
  ...contractsContract,
  ...followUpsContract,
  ...ownersContract,
  ...tagsContract,
  ...systemContract,
  ...remindersContract,
  ...notificationsContract,
  ...renewalsContract,
  ...reportsContract,
  ...importContract,
  ...exportContract,
  ...hygieneContract,
  ...customerMergeContract,
  ...lifecycleContract,
  ...tiersContract,
  ...tierTableContract,
  ...attachmentsContract,
  ...paymentsContract,
  ...surveysContract,
  ...customerAliasesContract,
  ...signalsContract,
  ...predictionContract,
  ...healthContract,
  ...riskContract,
  ...visitsContract,
  ...complaintsContract,
  ...messagesContract,
  ...loyaltyContract,
  ...mailContract,
  ...accountsContract,
  ...teamDatabaseContract,
} as const satisfies Record<string, OperationContract>;

/**
 * One operation: its input and output schemas and, for a write, the domains whose reads it changes (the
 * dispatcher announces them in one 'data:changed' after the call succeeds; that is how every window refreshes).
 */
export interface OperationContract {
  input: z.ZodType;
  output: z.ZodType;
  changes?: readonly ApiDomain[];
}

export type ApiContract = typeof apiContract;
export type ApiName = keyof ApiContract;
export type ApiInput<N extends ApiName> = z.input<ApiContract[N]['input']>;
export type ApiParsedInput<N extends ApiName> = z.output<ApiContract[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<ApiContract[N]['output']>;
export type { ApiDomain } from './apiDomains.ts';
type OperationDomain = ApiName extends `${infer D}:${string}` ? D : never;
/** Checked when compiling: every operation's prefix is a listed domain, and every listed domain has operations. */
export const DOMAINS_MATCH_OPERATIONS: [OperationDomain] extends [ApiDomain] ? ([ApiDomain] extends [OperationDomain] ? true : never) : never = true;
export type NamesOf<D extends string> = Extract<ApiName, `${D}:${string}`>;

export const API_NAMES = Object.keys(apiContract) as ApiName[];

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

export function domainOf(name: ApiName): ApiDomain {
  const domain = API_DOMAINS.find((d) => name.startsWith(`${d}:`));
  if (domain === undefined) throw new Error(`operation outside every domain: ${name}`);
  return domain;
}

/** The domains a successful call of `name` changes; none for a read. */
export function changesOf(name: ApiName): readonly ApiDomain[] {
  const operation: OperationContract = apiContract[name];
  return operation.changes ?? [];
}
