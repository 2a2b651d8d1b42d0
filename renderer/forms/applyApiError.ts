import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/ApiCallError.ts';
import type { Translate } from '../../shared/i18n/createTranslator.ts';
import { renderMessage } from '../../shared/i18n/message.ts';

type NamePath = string | (string | number)[];
export type FieldMap = Record<string, NamePath>;

/**
 * Puts a server-side validation error on the form field it names. `fields` maps the API's field path
 * ('primaryContact.phone', 'amountFen') to the form's name path; an item of a list or record field
 * ('tags.1', 'customFields.行业') lands on the field that holds it. Returns false when no field matched, so
 * the caller shows the message elsewhere. The message is worded in the UI's language (`t`).
 */
export function applyApiError(form: FormInstance, error: unknown, fields: FieldMap, t: Translate): boolean {
  if (!(error instanceof ApiCallError) || error.field === null) return false;
  const name = fieldFor(error.field, fields);
  if (name === undefined) return false;
  form.setFields([{ name, errors: [renderMessage(t, error.detail)] }]);
  return true;
}

function fieldFor(path: string, fields: FieldMap): NamePath | undefined {
  const steps = path.split('.');
  for (let n = steps.length; n > 0; n--) {
    const name = fields[steps.slice(0, n).join('.')];
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The identity mapping for form fields that share the API's names. */
export function sameNames(...names: string[]): FieldMap {
  return Object.fromEntries(names.map((n) => [n, n.includes('.') ? n.split('.') : n]));
}
