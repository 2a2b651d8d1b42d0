import type { tiersZhCN } from '../zhCN/tiers.ts';

export const tiersEnUS: Record<keyof typeof tiersZhCN, string> = {
  'tiers.reason.annualValue': 'Annual contract value {value} ≥ {min}',
  'tiers.reason.termMonths': 'Contract term {value} months ≥ {min} months',
  'tiers.reason.purchases': '{value} contracts in {years} years ≥ {min}',
  'tiers.reason.yearsAsCustomer': 'Customer for {value} years ≥ {min}',
  'tiers.reason.consecutiveRenewals': '{value} consecutive renewals ≥ {min}',
  'tiers.reason.fallback': 'No other tier’s conditions met',
  'tiers.reason.all': '{parts}',
  'tiers.reason.pinnedManual': 'Set by hand (pinned)',
  'tiers.reason.pinnedImport': 'Set by import (pinned)',
  'validation.tierRuleOrder': 'Tier rules run from the highest tier down (VIP, Key, Standard), the fallback lowest',
};
