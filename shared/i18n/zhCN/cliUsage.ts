// The CLI's help, apart from the rest of the catalogue: `--help` loads only this (electron/cli/cliEntry.ts).
export const usageZhCN = `用法 usage: renewal-desk [--db FILE] <命令> [参数] [--json]

  init                              创建或升级数据库
  demo [--today YYYY-MM-DD]         载入约 200 个示例客户（可重复执行，不会重复写入）
  customers list [--search 云启] [--tier vip|important|normal] [--owner-id ID] [--expiring-within-days N] [--limit N]
  customers add --name 名称 [--tier ...] [--tags 标签1,标签2] [--primary-contact.name 姓名] [--primary-contact.phone 电话]
  customers get|update|archive|unarchive|delete --id ID
  contracts add --customer-id ID --number HT-001 --ends-on 2026-12-31 [--amount-fen 1280000] [--cycle year]
  followups add --customer 名称或ID --summary 内容 [--channel phone] [--kind revisit] [--next-follow-up-on 日期]
  followups due [--today YYYY-MM-DD]
  remind [--now 2026-12-01T09:00:00+08:00] [--dry-run]   触发（或 --dry-run 只列出）此刻到期的提醒
  remind preview HT-001             列出合同的提醒节点与日期
  report --period 2026|2026-Q3|2026-07|2026-01-01..2026-06-30 [--by owner|tier|cycle]
                                    续约报表：期间内到期的合同、已续费/已流失/未决定与续约率（按数量、按金额）
  owners add --name 姓名 | owners list | tags add --name 标签
  import FILE.csv|FILE.xlsx [--kind contracts|customers|followups|payments|usage] [--encoding auto|utf8|gb18030]
         [--dry-run] [--strict] [--map-file 映射.json] [--sheet 工作表]   导入续费表（一个事务，可撤销）
  export contracts|customers|followups|renewals|payments|usage|complaints|surveys [--out FILE.csv|FILE.xlsx] [--headers zh|en]
                                    不写 --out 时存为当前目录下的「表名-日期」文件（不覆盖已有文件）
  imports | undo-import BATCH_ID    导入历史；撤销整批导入
  import-issues REPORT_ID [--out FILE.csv]   导入结果里的全部问题（issuesReport，保留一天）存为 CSV
  backup                            立即备份
  backups                           列出备份
  restore NAME|FILE [--passphrase 密码 | --passphrase-file 密码文件]
                                    用备份列表中的一份（名称）或一个备份文件（含加密备份）替换全部数据；会先备份当前数据
  backup export-encrypted [--out FILE.rdbackup] (--passphrase 密码 | --passphrase-file 密码文件)
                                    导出加密备份（至少 8 个字符的密码），可在另一台电脑上用 restore FILE 还原
  export archive [--out FILE.xlsx] [--headers zh|en]   整个档案导出为一个 Excel 工作簿（每类数据一张表）
  hygiene [--kind duplicateCustomer|customerWithoutPhone|...]   数据体检：疑似重复客户、缺电话/到期日/金额、逾期未决
  customers merge --from ID --into ID | customers undo-merge --undo-token T   合并重复客户（可撤销）
  hygiene trash | hygiene restore --kind customer|contract --id ID [--with-customer]   回收站
  hygiene handover --from-owner-id A --to-owner-id B | hygiene undo-handover --undo-token T   负责人交接
  contracts attachments-add FILE --contract-id ID | contracts attachments-list --contract-id ID   合同附件（PDF/照片，≤ 20 MB）
  contracts attachments-read --id ID [--out FILE] | contracts attachments-remove --id ID | contracts attachments-undo --undo-token T
  info                              数据文件位置与版本
  lifecycle [--stage churned|decline|prospect|new|mature|growth]   客户阶段（自动计算）与依据
  lifecycle warning | lifecycle win-back | lifecycle recompute     流失预警、赢回名单；立即重新计算
  risk [--open true|false] | risk list | risk review --from D --to D   续约风险预警（健康分、因素、概率）、预警名单、效果评估
  visits due [--today YYYY-MM-DD] [--owner-id ID] | visits plan [--year 2026] | visits key-customers   重点客户回访：本期待回访、全年计划与执行、重点客户名单
  export visits|key-review [--year 2026] [--out FILE.csv|FILE.xlsx]   回访计划（每次计划回访一行）、重点客户年度回顾
  export calendar [--out FILE.ics] [--owner 姓名]   续约日历：每份未续费、未流失合同的到期日一个全天事件，提醒同其提醒节点（再次导入会更新，不重复）
  tiers list | tiers add --name 名称 [--colour green] | tiers remove --code C --move-to normal   客户等级表（删除时客户移到另一等级，可撤销）
  migrate-to postgres://用户@主机:5432/renewal_desk | migrate-to 新文件.db   把档案搬到空的 PostgreSQL 数据库（团队模式），或从 PostgreSQL 搬回新的 SQLite 文件；逐表核对行数与内容哈希

  参数名是接口输入字段的 kebab-case 写法；--json 输出机器可读的 JSON；列表默认取回全部页，--limit N 只取一页。
  数据文件：--db FILE，或环境变量 RENEWAL_DESK_DB，否则为用户数据目录下的 renewal-desk.db。postgres:// 网址表示 PostgreSQL 数据库（团队模式），密码用网址或环境变量 PGPASSWORD；已有账号的团队数据库须设置环境变量 RENEWAL_DESK_USER 和 RENEWAL_DESK_PASSWORD，命令以该账号登录运行、结束即退出登录。
  语言：消息与输出按数据文件的语言设置；帮助与用法错误按 RENEWAL_DESK_LANG（zh-CN|en-US），否则按 LANG。
  退出码 exit codes: 0 成功, 1 操作失败, 2 用法错误。`;
