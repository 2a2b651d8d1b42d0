import { enUS } from './enUS.ts';
import type { Locale } from './enumLabels.ts';
import { zhCN, type MessageKey } from './zhCN.ts';

export type { MessageKey } from './zhCN.ts';
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

// `{name}` is filled from params; `{name|one|other}` picks a word by the number in params.name (English
// plurals: "1 day", "3 days"; Chinese needs none).
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** The parameter names a message uses, each once, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Looks a key up and fills its placeholders; one without a parameter stays visible as typed. */
export function createTranslator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => {
    const text = dict[key];
    if (!params) return text;
    return text.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
      if (!(name in params)) return whole;
      if (one === undefined || other === undefined) return String(params[name]);
      return Number(params[name]) === 1 ? one : other;
    });
  };
}
