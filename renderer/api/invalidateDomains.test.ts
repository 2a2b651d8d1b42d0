import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { changesOf, domainOf, type ApiName } from '../../shared/api/apiContract.ts';
import { invalidateDomains } from './invalidateDomains.ts';

// The shape of useApi's apiQueryKey (useApi itself needs a window for its bridge).
const apiQueryKey = (name: ApiName, input: object) => [domainOf(name), name, input] as const;

describe('invalidateDomains', () => {
  it('marks stale exactly the queries of the announced domains', async () => {
    const client = new QueryClient();
    const keys = {
      customers: apiQueryKey('customers:list', {}),
      detail: apiQueryKey('customers:get', { id: 'c1' }),
      contacts: apiQueryKey('contacts:list', { customerId: 'c1' }),
      tags: apiQueryKey('tags:list', {}),
      owners: apiQueryKey('owners:list', {}),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, { items: [], total: 0 });
    await invalidateDomains(client, changesOf('contacts:create'));
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(keys.customers)).toBe(true);
    expect(stale(keys.detail)).toBe(true);
    expect(stale(keys.contacts)).toBe(true);
    expect(stale(keys.tags)).toBe(false);
    expect(stale(keys.owners)).toBe(false);
  });

  it('refreshes the reports after a write to what they count, and not after one to a tag', async () => {
    const client = new QueryClient();
    const dashboard = apiQueryKey('reports:dashboard', {});
    client.setQueryData(dashboard, {});
    await invalidateDomains(client, changesOf('tags:create'));
    expect(client.getQueryState(dashboard)?.isInvalidated).toBe(false);
    await invalidateDomains(client, changesOf('renewals:setStage'));
    expect(client.getQueryState(dashboard)?.isInvalidated).toBe(true);
  });

  it('refreshes the 风险预警 views after a renewal (it closes a warning) and not after a tag write', async () => {
    const client = new QueryClient();
    const warning = apiQueryKey('risk:get', { id: 'w1' });
    client.setQueryData(warning, {});
    await invalidateDomains(client, changesOf('tags:create'));
    expect(client.getQueryState(warning)?.isInvalidated).toBe(false);
    await invalidateDomains(client, changesOf('renewals:renew'));
    expect(client.getQueryState(warning)?.isInvalidated).toBe(true);
  });

  it("refreshes the tier table's customer counts after a customer write", async () => {
    const client = new QueryClient();
    const tiers = apiQueryKey('tiers:list', {});
    client.setQueryData(tiers, { items: [], total: 0 });
    await invalidateDomains(client, changesOf('tags:create'));
    expect(client.getQueryState(tiers)?.isInvalidated).toBe(false);
    await invalidateDomains(client, changesOf('customers:update'));
    expect(client.getQueryState(tiers)?.isInvalidated).toBe(true);
  });
});
