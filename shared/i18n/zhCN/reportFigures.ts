// The renewal report's words outside the pages: group labels and the CLI's `report` table.
export const reportFiguresZhCN = {
  'reportFigures.noOwner': '无负责人',
  'reportFigures.noCycle': '周期未知',
  'reportFigures.noSignedYear': '签订年份未知',
  'reportFigures.title': '续约报表 {from} ～ {to}',
  'reportFigures.colGroup': '分组',
  'reportFigures.colDue': '到期',
  'reportFigures.colRenewed': '已续费',
  'reportFigures.colLost': '已流失',
  'reportFigures.colPending': '未决定',
  'reportFigures.colRateCount': '续约率（按数量）',
  'reportFigures.colRateAmount': '续约率（按金额）',
  'reportFigures.rowTotal': '合计',
  'reportFigures.cell': '{count} 份 / {amount}',
  'reportFigures.unknownAmount': '金额未知的合同：{n} 份（不计入任何金额与按金额续约率）',
  'reportFigures.netChange': '续约前后金额净变化：{amount}',
  'reportFigures.noRate': '—',
} as const;
