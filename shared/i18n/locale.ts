/** The languages of the UI, the catalogue and the archive's `locale` setting. */
export type Locale = 'zh-CN' | 'en-US';
