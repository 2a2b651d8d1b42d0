import { enUS } from './enUS.ts';
import type { Locale } from './enumLabels.ts';
import { zhCN, type MessageKey } from './zhCN.ts';

export type { MessageKey } from './zhCN.ts';
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Looks a key up and fills `{name}` placeholders. */
export function createTranslator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => {
    const text = dict[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
