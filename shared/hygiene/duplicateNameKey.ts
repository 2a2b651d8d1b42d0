// Likely duplicate customers (数据体检): two names are "the same company" when they are equal after dropping the
// legal-form and trade words a sheet may or may not write (杭州云启科技有限公司 and 杭州云启科技 both become 杭州云启).

/** Words dropped from the end of a name, longest first, repeatedly (…科技有限公司 loses 有限公司, then 科技). */
export const DROPPED_NAME_SUFFIXES: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '责任公司',
  '集团公司',
  '公司',
  '集团',
  '控股',
  '科技',
  '技术',
  '网络',
  '信息',
  '实业',
  '贸易',
  'co., ltd.',
  'co.,ltd.',
  'co. ltd',
  'co ltd',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'llc',
  'group',
];

/** Spaces, brackets and punctuation that do not tell two names apart. */
const IGNORED = /[\s()[\]{}（）【】·.,，、\-_'"]+/gu;

/**
 * The comparison key of a customer name, or null when too little is left to compare (a name that is nothing but
 * suffixes, or a single character) so that such names never group everything together.
 */
export function duplicateNameKey(name: string): string | null {
  let key = name.normalize('NFKC').toLowerCase().trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of DROPPED_NAME_SUFFIXES) {
      const trimmed = key.trimEnd();
      if (trimmed.length > suffix.length && trimmed.endsWith(suffix)) {
        key = trimmed.slice(0, trimmed.length - suffix.length);
        changed = true;
      }
    }
  }
  key = key.replace(IGNORED, '');
  return Array.from(key).length >= 2 ? key : null;
}

/** Phone digits worth comparing: at least 7 of them (an extension or a typo like "0" says nothing). */
export function duplicatePhoneKey(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  const local = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  return local.length >= 7 ? local : null;
}
