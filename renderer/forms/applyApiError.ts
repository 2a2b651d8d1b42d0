import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/ApiCallError.ts';

type NamePath = string | (string | number)[];
export type FieldMap = Record<string, NamePath>;

/**
 * Puts a server-side validation error on the form field it names. `fields` maps the API's field path
 * ('primaryContact.phone', 'amountFen') to the form's name path. Returns false when no field matched, so
 * the caller shows the message elsewhere.
 */
export function applyApiError(form: FormInstance, error: unknown, fields: FieldMap): boolean {
  if (!(error instanceof ApiCallError) || error.field === null) return false;
  const name = fields[error.field];
  if (name === undefined) return false;
  form.setFields([{ name, errors: [error.message] }]);
  return true;
}

/** The identity mapping for form fields that share the API's names. */
export function sameNames(...names: string[]): FieldMap {
  return Object.fromEntries(names.map((n) => [n, n.includes('.') ? n.split('.') : n]));
}
