// Spreadsheet formula injection: Excel and WPS run a cell that starts with = + - @ (and treat a leading tab or
// CR specially). Export prefixes such a cell with an apostrophe; import removes exactly that apostrophe.
// A value that already starts with apostrophes before such a character gets one more, so the pair is a
// bijection and export → import → export never drifts.

const ESCAPED_ON_EXPORT = /^'*[=+\-@\t\r]/;
const ESCAPED_ON_IMPORT = /^'+[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return ESCAPED_ON_EXPORT.test(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return ESCAPED_ON_IMPORT.test(value) ? value.slice(1) : value;
}
