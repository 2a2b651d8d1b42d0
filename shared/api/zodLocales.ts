import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type * as z from './zodSetup.ts';
import type { Locale } from '../i18n/enumLabels.ts';

// zod's own wording, where a schema gives no message of its own: only the two languages the app speaks.
const ZOD_LOCALES = { 'zh-CN': zhCN(), 'en-US': en() } as const;

/** zod's wording in a language, for a per-parse `error` map. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return ZOD_LOCALES[locale].localeError;
}
