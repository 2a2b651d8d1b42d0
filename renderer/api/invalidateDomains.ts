import type { QueryClient } from '@tanstack/react-query';

// Query keys start with the operation's domain ('customers', 'followups', …). A write in one domain can show
// up in another: a customer's detail embeds contacts and contracts, the list shows the last follow-up, and so on.
const ALSO_AFFECTS: Record<string, readonly string[]> = {
  customers: ['system', 'followups', 'contracts', 'contacts'],
  contacts: ['customers'],
  contracts: ['customers'],
  followups: ['customers'],
  owners: ['customers', 'contracts', 'followups'],
  tags: ['customers'],
};

export function invalidateDomains(queryClient: QueryClient, domains: readonly string[]): Promise<void> {
  if (domains.includes('*') || domains.includes('system')) return queryClient.invalidateQueries();
  const affected = new Set<string>();
  for (const d of domains) {
    affected.add(d);
    for (const other of ALSO_AFFECTS[d] ?? []) affected.add(other);
  }
  return queryClient.invalidateQueries({ predicate: (q) => affected.has(String(q.queryKey[0])) });
}
