export const settingsZhCN = {
  'settings.subtitle': '语言、数据文件与备份',
  'settings.language': '语言',
  'settings.languageHint': '界面语言，立即生效。',
  // Each language is named in itself, whatever the interface language.
  'settings.languageNameZh': '简体中文',
  'settings.languageNameEn': 'English',
  'settings.data': '数据',
  'settings.dataFile': '数据文件',
  'settings.backupsDir': '备份目录',
  'settings.schemaVersion': '数据库版本',
  'settings.appVersion': '软件版本',
  'settings.customerCount': '客户数',
  'settings.integrity': '完整性检查',
  'settings.integrityOk': '正常',

  'owner.cardTitle': '负责人',
  'owner.add': '添加负责人',
  'owner.name': '姓名',
  'owner.active': '在职',
  'owner.empty': '还没有负责人',
  'owner.placeholder': '选择负责人',
  'owner.none': '暂无负责人，可在“设置”中添加',
} as const;
