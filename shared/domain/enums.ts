// Stable codes stored in the database. Labels live in shared/i18n; never store a label.

// A tier is a code from the tier table (migration 0019, settings 客户等级): the three built-ins below always exist
// and keep their codes; custom tiers are added and removed by the user. So a Tier is a string checked against the
// table at the service boundary (electron/services/tiers/tierTable.service.ts assertTier), not a closed union.
export const BUILTIN_TIERS = ['vip', 'important', 'normal'] as const;
export type BuiltinTier = (typeof BUILTIN_TIERS)[number];
export type Tier = string;
export const isBuiltinTier = (code: string): code is BuiltinTier => (BUILTIN_TIERS as readonly string[]).includes(code);

export const CYCLES = ['month', 'quarter', 'half_year', 'year', 'once'] as const;
export type Cycle = (typeof CYCLES)[number];

export const CONTRACT_STATUSES = ['active', 'expired', 'renewed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const RENEWAL_STAGES = ['pending', 'contacted', 'negotiating', 'renewed', 'lost'] as const;
export type RenewalStage = (typeof RENEWAL_STAGES)[number];

export const LIFECYCLE_STAGES = ['prospect', 'customer', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const FOLLOW_UP_CHANNELS = ['phone', 'wechat', 'visit', 'email', 'sms', 'other'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const FOLLOW_UP_KINDS = ['revisit', 'renewal', 'complaint', 'inquiry', 'ticket', 'other'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** A usage figure's period (issue 13): its start date is the period's first day (a week starts on Monday). */
export const USAGE_PERIOD_KINDS = ['month', 'week', 'quarter'] as const;
export type UsagePeriodKind = (typeof USAGE_PERIOD_KINDS)[number];
