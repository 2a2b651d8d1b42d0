import { msg, type Message, type MessageParam } from '../i18n/message.ts';

// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: invisible in a list, they
// break a single-line layout, a CSV export and a search. Multi-line text (notes, summaries) keeps LF and tab.
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);

function isControl(code: number, multiLine: boolean): boolean {
  if (code < 0x20) return !(multiLine && (code === 0x09 || code === 0x0a));
  return (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** The first control character in `text`, or null; `multiLine` text may hold line feeds and tabs. */
export function findControlCharacter(text: string, multiLine: boolean): string | null {
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i), multiLine)) return text.charAt(i);
  }
  return null;
}

/** 'U+000A': how a message names an invisible character. */
export function codePointName(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `text` cannot be stored, or null when it can: a line break in single-line text, or any other control
 * character. `label` names the field when the message is read away from it (an import report).
 */
export function controlCharacterIssue(text: string, multiLine: boolean, label?: MessageParam): Message | null {
  const ch = findControlCharacter(text, multiLine);
  if (ch === null) return null;
  if (!multiLine && LINE_BREAKS.has(ch)) return label === undefined ? msg('inputLimits.lineBreak') : msg('inputLimits.lineBreakNamed', { label });
  const char = codePointName(ch);
  return label === undefined ? msg('inputLimits.controlCharacter', { char }) : msg('inputLimits.controlCharacterNamed', { label, char });
}
