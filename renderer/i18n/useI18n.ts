import { useContext } from 'react';
import { I18nContext, type I18n } from './I18nContext.ts';

export function useI18n(): I18n {
  return useContext(I18nContext);
}
