import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Locale } from '../i18n/enumLabels.ts';

// No code generation: the renderer's CSP forbids eval, and zod would otherwise probe `new Function`.
z.config({ jitless: true });

const ZOD_LOCALES = { 'zh-CN': zhCN(), 'en-US': en() } as const;

/** zod's own wording (where a schema gives no message of its own) in a language, for a per-parse `error`. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return ZOD_LOCALES[locale].localeError;
}

export { z };
