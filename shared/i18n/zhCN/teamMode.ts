// Team mode (PostgreSQL): `renewal-desk migrate-to`.
export const teamModeZhCN = {
  'migrateTo.needsTarget': 'migrate-to 需要目标：postgres://用户@主机:5432/数据库 或新的 .db 文件路径',
  'migrateTo.sameEngine': '源和目标是同一种数据库（{engine}）：migrate-to 只在 SQLite 与 PostgreSQL 之间搬迁',
  'migrateTo.targetFileExists': '目标文件已存在：{file}。请指定一个新的文件路径',
  'migrateTo.sourceMissing': '源数据文件不存在：{file}',
  'migrateTo.sourceInUse': '数据文件正被另一个程序使用（进程 {pid}）。请先关闭桌面版或网页服务再搬迁',
  'migrateTo.targetNotEmpty': '目标数据库不是空的（{tables} 中已有数据）。请使用一个新建的空数据库',
  'migrateTo.schemaMismatch': '源与目标的表结构不一致，无法搬迁：{detail}',
  'migrateTo.replicationRoleDenied':
    '目标 PostgreSQL 账号无权在复制期间暂停触发器（session_replication_role）。请用超级用户执行，或由管理员授权：GRANT SET ON PARAMETER session_replication_role TO 该账号。（{detail}）',
  'migrateTo.copying': '正在搬迁：{source} → {target}',
  'migrateTo.reportHeader': '表 | 源行数 | 目标行数 | SHA-256（前 16 位） | 结果',
  'migrateTo.reportRow': '{table} | {sourceRows} | {targetRows} | {hash} | {status}',
  'migrateTo.rowOk': '一致',
  'migrateTo.rowMismatch': '不一致',
  'migrateTo.done': '搬迁完成：{tables} 张表、{rows} 行，行数与内容哈希全部一致。',
  'migrateTo.failed': '校验不一致，已回滚，目标数据库保持原样。',
} as const;
