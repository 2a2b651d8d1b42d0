/**
 * The API's domains: each operation is named '<domain>:<verb>', a write declares the domains whose reads it
 * changes (its contract's `changes`), and the renderer's query keys start with the domain.
 */
export const API_DOMAINS = [
  'customers',
  'contacts',
  'contracts',
  'followups',
  'owners',
  'tags',
  'system',
  'settings',
  'reminders',
  'notifications',
  'renewals',
  'reports',
  'import',
  'export',
  'hygiene',
  'lifecycle',
  'tiers',
  'usage',
  'competitorEvents',
  'payments',
  /** Only signals:undo, which undoes a usage or a competitor-event write. */
  'signals',
  'prediction',
  'health',
  'risk',
  /** The key-customer programme (重点客户) and its visit plans (回访计划). */
  'visits',
  'complaints',
  /** Messages to the customer, greeting settings and renewal offers (issue 14). */
  'messages',
  /** Loyalty points and referrals (issue 14). */
  'loyalty',
  /** Satisfaction surveys (issue 14). */
  'surveys',
  /** E-mail reminders over SMTP (issue 15): the server settings and the owners' opt-outs. */
  'mail',
  /** Team mode's accounts, sessions and team settings (issue 15). */
  'accounts',
  /** Team mode (issue 15): which database this computer opens at its next start (设置 → 团队数据库). */
  'teamDatabase',
] as const;
export type ApiDomain = (typeof API_DOMAINS)[number];

/** Everything: a restore or the demo load replaces or fills the whole archive. */
export const EVERY_DOMAIN: readonly ApiDomain[] = API_DOMAINS;
