import { createTranslator, dictionaries, type MessageKey, type Translate, type TranslateParams } from './createTranslator.ts';
import type { Locale } from './enumLabels.ts';
import { joinWith } from './joinWith.ts';

// A message as data: a catalogue key and its parameters, rendered in whichever language the reader has. It
// crosses every boundary as JSON (error envelopes, import reports, stored notifications).

/** A parameter: a value as it is, a message of its own (a field's label), or a list joined the language's way. */
export type MessageParam = string | number | Message | { list: readonly MessageParam[] };
export type MessageParams = Record<string, MessageParam>;

export interface Message {
  key: MessageKey;
  params: MessageParams;
}

export function msg(key: MessageKey, params: MessageParams = {}): Message {
  return { key, params };
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(dictionaries['zh-CN'], value);
}

/** A locale setting as stored or typed ('en-US', 'en', 'zh'…); anything else is the default, zh-CN. */
export function localeOf(value: unknown): Locale {
  return typeof value === 'string' && /^en([-_.@]|$)/i.test(value) ? 'en-US' : 'zh-CN';
}

function renderParam(t: Translate, p: MessageParam): string | number {
  if (typeof p !== 'object') return p;
  if ('list' in p) return joinWith(t, 'common.enumeration', p.list.map((item) => String(renderParam(t, item))));
  return renderMessage(t, p);
}

/** Fills a message's key with its parameters, nested messages and lists rendered first. */
export function renderMessage(t: Translate, m: Message): string {
  const flat: TranslateParams = {};
  for (const [name, value] of Object.entries(m.params)) flat[name] = renderParam(t, value);
  return t(m.key, flat);
}

const translators = new Map<Locale, Translate>();

export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return t;
}

export function renderIn(locale: Locale, m: Message): string {
  return renderMessage(translatorFor(locale), m);
}
