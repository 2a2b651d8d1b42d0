// Characters people type with a Chinese input method on, which mean the same as their ASCII ones.

/** What separates items typed into one box (tags): the comma, half- or full-width. */
export const LIST_SEPARATORS: readonly string[] = [',', '，'];

/** What separates reminder steps typed into one box: commas, spaces and slashes. */
export const STEP_SEPARATORS: readonly string[] = [...LIST_SEPARATORS, ' ', '/'];

/** An amount as typed, without its grouping, spaces or yuan sign (half- or full-width): the digits and the point. */
export function amountDigits(typed: string): string {
  return typed.replace(/[,\s¥￥]/g, '');
}
