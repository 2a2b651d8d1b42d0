import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../api/ApiCallError.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { applyApiError, type FieldMap } from './applyApiError.ts';

interface Options<V, R> {
  /** Maps the API's field paths to the form's, so a server-side rejection lands under its field. */
  fields: FieldMap;
  save: (values: V) => Promise<R>;
  /** The toast after a successful save; none when it returns null. */
  successMessage?: (result: R) => string | null;
  onSaved?: (result: R) => void;
}

/**
 * The submit of a form that saves through the API: busy while saving, then a success toast and `onSaved`;
 * on failure the error goes under the field it names, or into a toast when it names none.
 */
export function useFormSubmit<V, R>(form: FormInstance<V>, { fields, save, successMessage, onSaved }: Options<V, R>) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: V) => {
    setSubmitting(true);
    try {
      const result = await save(values);
      const text = successMessage?.(result) ?? null;
      if (text !== null) void message.success(text);
      onSaved?.(result);
    } catch (e) {
      if (!applyApiError(form, e, fields, t)) void message.error(errorMessageOf(e, t));
    } finally {
      setSubmitting(false);
    }
  };

  return { onFinish: (values: V) => void onFinish(values), submitting };
}
