// What the input limits say: the supported date range, control characters in text, and data files that are
// not an archive.
export const inputLimitsZhCN = {
  'inputLimits.dateRange': '日期须在 {min} 至 {max} 之间',
  'inputLimits.instantRange': '时间须在 {min} 年至 {max} 年之间',
  'inputLimits.lineBreak': '只能填写一行，不能包含换行',
  'inputLimits.lineBreakNamed': '{label}只能填写一行，不能包含换行',
  'inputLimits.controlCharacter': '不能包含控制字符 {char}',
  'inputLimits.controlCharacterNamed': '{label}不能包含控制字符 {char}',
  'inputLimits.customFieldName': '自定义字段名',
  'inputLimits.importDateRange': '日期超出范围（仅支持 {min} 至 {max}）：{text}',
  'inputLimits.nextTermPastRange':
    '按续费周期推算，下一期会延续到 {max} 之后，超出了支持的日期范围（{min} 至 {max}），因此不给出默认日期；如要续约，请自己填写不晚于 {max} 的日期',
  'inputLimits.nextTermCannotStart': '这份合同 {endsOn} 才到期，下一期只能从 {max} 之后开始，超出了支持的日期范围（{min} 至 {max}），无法续约',
  'inputLimits.demoTodayRange': '示例数据的日期分布在「今天」之前和之后，都要落在支持的日期范围内，所以「今天」须在 {min} 至 {max} 之间',
  'inputLimits.dbEmptyFile':
    '数据文件 {file} 是空文件（0 字节），里面没有档案，可能在复制或同步时被截断了。续约管家没有改动它，也没有为它新建表。请先关闭续约管家，再把 {backupsDir} 中的一个备份（通常选最新的）复制为 {file}；或者把这个文件移到别处，下次打开时会新建一个空档案。',
  'inputLimits.dbNotSqlite':
    '数据文件 {file} 不是 SQLite 数据库（文件开头没有 SQLite 的标识），可能已损坏或被别的文件覆盖，不能作为续约管家的档案打开。续约管家没有改动它。请确认选的是正确的文件；要找回数据，请先关闭续约管家，再把 {backupsDir} 中的一个备份（通常选最新的）复制为 {file}；或者把这个文件移到别处，下次打开时会新建一个空档案。',
} as const;
