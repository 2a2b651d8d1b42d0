import { createTranslator, type Translate } from '../../shared/i18n/createTranslator.ts';

/** For code outside React (the HTTP bridge): the language LocalizedApp last set on <html lang>. */
export function pageTranslator(): Translate {
  return createTranslator(document.documentElement.lang === 'en-US' ? 'en-US' : 'zh-CN');
}
