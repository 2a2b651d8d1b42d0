import { createContext } from 'react';
import type { Locale } from '../../shared/i18n/enumLabels.ts';
import { createTranslator, type Translate } from '../../shared/i18n/createTranslator.ts';

export interface I18n {
  locale: Locale;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: createTranslator('zh-CN') });
