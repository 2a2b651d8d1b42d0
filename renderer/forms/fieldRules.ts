import type { FormRule as Rule } from 'antd';
import type { Translate } from '../../shared/i18n/createTranslator.ts';

// The same shapes the API checks (shared/api/fields.ts), so most mistakes are caught before saving.
const PHONE = /^[0-9+\-() ]{3,30}$/;

export function phoneRule(t: Translate): Rule {
  return { pattern: PHONE, message: t('validation.phone') };
}

export function emailRule(t: Translate): Rule {
  return { type: 'email', message: t('validation.email') };
}

export function requiredRule(t: Translate, label: string): Rule {
  return { required: true, whitespace: true, message: t('validation.required', { label }) };
}

export function maxRule(t: Translate, max: number): Rule {
  return { max, message: t('validation.max', { max }) };
}
