// Which column targets exist, and which a kind of sheet accepts: the rules the contract, presets and map
// files check a chosen mapping against.
import { CUSTOM_PREFIX, IMPORT_FIELDS, KIND_FIELDS, type ColumnTarget, type ImportField, type ImportKind } from './importFields.ts';

/** Longest custom field name after `custom:`. */
export const CUSTOM_NAME_MAX_LENGTH = 50;

const FIELDS = new Set<string>(IMPORT_FIELDS);
const isField = (value: string): value is ImportField => FIELDS.has(value);

export function isCustomTarget(target: string): target is `custom:${string}` {
  return target.startsWith(CUSTOM_PREFIX);
}

/** A field name, `custom:<name>` (1 to 50 characters), or null for an ignored column. */
export function isColumnTarget(value: unknown): value is ColumnTarget {
  if (value === null) return true;
  if (typeof value !== 'string') return false;
  if (isCustomTarget(value)) return value.length > CUSTOM_PREFIX.length && value.length <= CUSTOM_PREFIX.length + CUSTOM_NAME_MAX_LENGTH;
  return isField(value);
}

/** Whether a sheet of `kind` can hold the target: a custom field and an ignored column always can. */
export function isTargetOfKind(kind: ImportKind, target: ColumnTarget): boolean {
  return target === null || isCustomTarget(target) || KIND_FIELDS[kind].includes(target);
}
