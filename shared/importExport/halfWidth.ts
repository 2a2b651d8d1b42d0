/** Full-width digits, letters and the punctuation used in numbers become ASCII: １２，８００．５ → 12,800.5. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
