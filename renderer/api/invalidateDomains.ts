import type { QueryClient } from '@tanstack/react-query';
import type { ApiDomain } from '../../shared/api/apiContract.ts';

/**
 * The reports (首页 and 报表) are figures over contracts, their renewals, customers and owners: any write that
 * changes one of those changes them too, whether or not its contract names 'reports'.
 */
const REPORT_SOURCES: readonly ApiDomain[] = ['contracts', 'renewals', 'customers', 'owners', 'import'];

const HYGIENE_SOURCES: readonly ApiDomain[] = ['contracts', 'renewals', 'customers', 'contacts', 'import'];
/** Lifecycle stages are recomputed after every write to contracts, renewals, follow-ups or customers. */
const LIFECYCLE_SOURCES: readonly ApiDomain[] = ['contracts', 'renewals', 'customers', 'followups', 'import', 'system', 'settings'];

/**
 * The tier table shows how many customers each tier holds: a tier set by a customer write or an import moves it.
 * Not 'system': it is announced often enough that refetching every tier-labelled view on it made the lists re-render
 * under the e2e tests' clicks.
 */
const TIER_COUNT_SOURCES: readonly ApiDomain[] = ['customers', 'import'];

/** The 信号 card's 咨询/工单 per month (usage:interactions) is counted from follow-ups. */
const INTERACTION_SOURCES: readonly ApiDomain[] = ['followups', 'customers', 'import', 'system'];

/** 续约预测 is read from contracts, renewals and every dated signal: any write to them may move the odds. */
const PREDICTION_SOURCES: readonly ApiDomain[] = ['contracts', 'renewals', 'customers', 'contacts', 'followups', 'usage', 'competitorEvents', 'payments', 'tiers', 'import', 'system'];
/**
 * The health score (issue 13) is rescored after every write to a signal it reads (the triggers of migration 0026
 * mark the customer, dispatch rescores it before the write answers): follow-ups, usage, competitor events,
 * payments, contacts, contracts, customers, an import or a restore.
 */
const HEALTH_SOURCES: readonly ApiDomain[] = ['followups', 'usage', 'competitorEvents', 'payments', 'contacts', 'contracts', 'customers', 'import', 'system'];
/**
 * The 风险预警 list, its 首页 card and the warnings read terms, their outcomes (a renewal closes a warning in the
 * dispatcher, after the write), owners and the customers' scores, which the signals move.
 */
const RISK_SOURCES: readonly ApiDomain[] = ['contracts', 'renewals', 'customers', 'owners', 'followups', 'import', 'system', 'payments', 'usage', 'competitorEvents', 'contacts', 'health'];

/** 重点客户 and 回访计划 read customers (tiers, owners), 回访 follow-ups, settings, and the review reads terms, health and risk. */
const VISITS_SOURCES: readonly ApiDomain[] = ['customers', 'owners', 'tiers', 'followups', 'settings', 'contracts', 'renewals', 'health', 'risk', 'import', 'system'];

/** The announced domains and the views that derive from them. */
export function withDependentViews(domains: readonly ApiDomain[]): Set<ApiDomain> {
  const changed = new Set<ApiDomain>(domains);
  if (domains.some((d) => REPORT_SOURCES.includes(d))) changed.add('reports');
  // 数据体检 reads customers, contacts, contracts and renewal records.
  if (domains.some((d) => HYGIENE_SOURCES.includes(d))) changed.add('hygiene');
  if (domains.some((d) => LIFECYCLE_SOURCES.includes(d))) changed.add('lifecycle');
  if (domains.some((d) => TIER_COUNT_SOURCES.includes(d))) changed.add('tiers');
  if (domains.some((d) => INTERACTION_SOURCES.includes(d))) changed.add('usage');
  if (domains.some((d) => PREDICTION_SOURCES.includes(d))) changed.add('prediction');
  if (domains.some((d) => HEALTH_SOURCES.includes(d))) changed.add('health');
  if (domains.some((d) => RISK_SOURCES.includes(d))) changed.add('risk');
  if (domains.some((d) => VISITS_SOURCES.includes(d)) || changed.has('risk')) changed.add('visits');
  return changed;
}

/**
 * Marks every query of the named domains stale and refetches the ones on screen. The domains come from the
 * contract's declaration of what the write changed, dependent views included.
 */
export function invalidateDomains(queryClient: QueryClient, domains: readonly ApiDomain[]): Promise<void> {
  const changed: Set<unknown> = withDependentViews(domains);
  return queryClient.invalidateQueries({ predicate: (query) => changed.has(query.queryKey[0]) });
}
