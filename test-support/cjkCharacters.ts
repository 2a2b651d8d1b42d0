/**
 * A character of Chinese text: CJK punctuation, ideographs (with extension A and the compatibility block) and
 * full-width forms. The checks that a language shows no Chinese (code, CLI output, English pages) share it.
 */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
