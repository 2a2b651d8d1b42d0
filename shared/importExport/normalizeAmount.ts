// Amounts as people type them: 12800, 12,800.00, ¥12,800, ￥12800元, 1.28万, RMB 12800. Arithmetic is on the
// digit string, so 1.28万 is exactly 1280000 fen and no binary fraction ever reaches storage.
import { toHalfWidth } from './halfWidth.ts';
import { msg, type Message } from '../i18n/message.ts';

export type AmountResult = { ok: true; fen: number; rounded: boolean } | { ok: false; message: Message };

/** The largest amount a contract accepts (the same cap as the form). */
export const MAX_AMOUNT_FEN = 1e13;

const PREFIX = /^(?:rmb|cny|人民币|¥)/i;
const SUFFIX = /(?:万元|万|元)$/;
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Fen for a cell; `null` for a blank cell. More than two decimals round half-up and say so. */
export function normalizeAmount(text: string): AmountResult | null {
  const original = text.trim();
  let s = toHalfWidth(text).replace(/[\s\u00A0]/g, '').replace(/￥/g, '¥');
  if (s === '') return null;
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(PREFIX, '');
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  const unit = SUFFIX.exec(s)?.[0] ?? '';
  s = s.slice(0, s.length - unit.length);
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, message: msg('reasons.amountNotNumber', { text: original }) };
  if (negative) return { ok: false, message: msg('reasons.amountNegative', { text: original }) };
  const intDigits = m[1]!.replace(/,/g, '');
  const fracDigits = m[2] ?? '';
  const shift = unit.startsWith('万') ? 4 : 0;
  const digits = (intDigits + fracDigits).padEnd(intDigits.length + shift + 2, '0');
  const point = intDigits.length + shift;
  const yuan = digits.slice(0, point);
  const cents = digits.slice(point, point + 2);
  const rest = digits.slice(point + 2);
  let fen = Number(yuan) * 100 + Number(cents);
  const rounded = /[1-9]/.test(rest);
  if (rest !== '' && rest[0]! >= '5') fen += 1;
  if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) return { ok: false, message: msg('reasons.amountTooLarge', { text: original }) };
  return { ok: true, fen, rounded };
}
