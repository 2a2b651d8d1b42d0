// Stable codes stored in the database. Labels live in shared/i18n; never store a label.

export const TIERS = ['vip', 'important', 'normal'] as const;
export type Tier = (typeof TIERS)[number];

export const CYCLES = ['month', 'quarter', 'half_year', 'year', 'once'] as const;
export type Cycle = (typeof CYCLES)[number];

export const CONTRACT_STATUSES = ['active', 'expired', 'renewed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const RENEWAL_STAGES = ['pending', 'contacted', 'negotiating', 'renewed', 'lost'] as const;
export type RenewalStage = (typeof RENEWAL_STAGES)[number];

export const LIFECYCLE_STAGES = ['prospect', 'customer', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const FOLLOW_UP_CHANNELS = ['phone', 'wechat', 'visit', 'email', 'other'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const FOLLOW_UP_KINDS = ['revisit', 'renewal', 'complaint', 'other'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];
