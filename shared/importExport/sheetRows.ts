// One valid data row per sheet kind: what normalizeRow makes of a record and the kind's importer takes.
import type { ContractValues, CustomerValues, FollowUpValues, ImportKind, RenewalValues } from './importFields.ts';

/** What a valid row of each kind carries besides its kind and line. Keyed by exactly the import kinds. */
export interface SheetRowValues {
  contracts: { customer: CustomerValues; contract: ContractValues; renewal: RenewalValues };
  customers: { customer: CustomerValues };
  followups: { customer: CustomerValues; followUp: FollowUpValues };
}

export type RowOf<K extends ImportKind> = { kind: K; line: number } & SheetRowValues[K];

/** Any valid row, discriminated by `kind`. */
export type SheetRow = { [K in keyof SheetRowValues]: RowOf<K> }[keyof SheetRowValues];
