import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/ApiCallError.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import { renderMessage } from '../../shared/i18n/message.ts';

type NamePath = string | (string | number)[];
export type FieldMap = Record<string, NamePath>;

/**
 * Puts a server-side validation error on the form field it names. `fields` maps the API's field path
 * ('primaryContact.phone', 'amountFen') to the form's name path. Returns false when no field matched, so
 * the caller shows the message elsewhere. The message is worded in the UI's language (`t`).
 */
export function applyApiError(form: FormInstance, error: unknown, fields: FieldMap, t: Translate): boolean {
  if (!(error instanceof ApiCallError) || error.field === null) return false;
  const name = fields[error.field];
  if (name === undefined) return false;
  form.setFields([{ name, errors: [renderMessage(t, error.detail)] }]);
  return true;
}

/** The identity mapping for form fields that share the API's names. */
export function sameNames(...names: string[]): FieldMap {
  return Object.fromEntries(names.map((n) => [n, n.includes('.') ? n.split('.') : n]));
}
