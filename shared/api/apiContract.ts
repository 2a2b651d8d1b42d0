import type { z } from 'zod';
import { contactsContract } from './contacts.contract.ts';
import { contractsContract } from './contracts.contract.ts';
import { customersContract } from './customers.contract.ts';
import { exportContract } from './export.contract.ts';
import { followUpsContract } from './followUps.contract.ts';
import { importContract } from './import.contract.ts';
import { ownersContract } from './owners.contract.ts';
import { notificationsContract, remindersContract } from './reminders.contract.ts';
import { renewalsContract } from './renewals.contract.ts';
import { systemContract } from './system.contract.ts';
import { tagsContract } from './tags.contract.ts';

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
  ...importContract,
  ...exportContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiName = keyof ApiContract;
export type ApiInput<N extends ApiName> = z.input<ApiContract[N]['input']>;
export type ApiParsedInput<N extends ApiName> = z.output<ApiContract[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<ApiContract[N]['output']>;
export type ApiDomain = ApiName extends `${infer D}:${string}` ? D : never;
export type NamesOf<D extends string> = Extract<ApiName, `${D}:${string}`>;

export const API_NAMES = Object.keys(apiContract) as ApiName[];

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}
