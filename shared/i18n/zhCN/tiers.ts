export const tiersZhCN = {
  'tiers.reason.annualValue': '年合同额 {value} ≥ {min}',
  'tiers.reason.termMonths': '合同期 {value} 个月 ≥ {min} 个月',
  'tiers.reason.purchases': '近 {years} 年签约 {value} 次 ≥ {min} 次',
  'tiers.reason.yearsAsCustomer': '合作 {value} 年 ≥ {min} 年',
  'tiers.reason.consecutiveRenewals': '连续续约 {value} 次 ≥ {min} 次',
  'tiers.reason.fallback': '未满足其他等级的条件',
  'tiers.reason.all': '{parts}',
  'tiers.reason.pinnedManual': '手动指定（已固定）',
  'tiers.reason.pinnedImport': '导入时指定（已固定）',
  'validation.tierRuleOrder': '等级规则须从高到低排列（VIP、重要、普通），兜底等级最低',
} as const;
