import type { settingsZhCN } from '../zhCN/settings.ts';

export const settingsEnUS: Record<keyof typeof settingsZhCN, string> = {
  'settings.subtitle': 'Language, data file and backups',
  'settings.language': 'Language',
  'settings.languageHint': 'The interface language; applies at once.',
  'settings.languageNameZh': '简体中文',
  'settings.languageNameEn': 'English',
  'settings.data': 'Data',
  'settings.dataFile': 'Data file',
  'settings.backupsDir': 'Backups folder',
  'settings.schemaVersion': 'Schema version',
  'settings.appVersion': 'App version',
  'settings.customerCount': 'Customers',
  'settings.integrity': 'Integrity check',
  'settings.integrityOk': 'OK',

  'owner.cardTitle': 'Owners',
  'owner.add': 'Add owner',
  'owner.name': 'Name',
  'owner.active': 'Active',
  'owner.empty': 'No owners yet',
  'owner.placeholder': 'Choose an owner',
  'owner.none': 'No owners yet; add them in Settings',
};
