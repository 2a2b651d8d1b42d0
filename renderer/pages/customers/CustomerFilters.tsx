import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Select, Switch, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { type Tier } from '../../../shared/domain/enums.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { FOCUS_SEARCH_EVENT } from '../../layout/AppLayout.tsx';
import type { CustomerListParams } from './useCustomerListParams.ts';

interface Props {
  params: CustomerListParams;
  update: (patch: Partial<CustomerListParams>) => void;
}

const WITHIN_CHOICES = [7, 30, 60, 90];
const SEARCH_DEBOUNCE_MS = 300;

/** Focuses the search box on Ctrl/Cmd+K, and when another page jumped here with that shortcut. */
function useSearchFocus() {
  const ref = useRef<InputRef>(null);
  const location = useLocation();
  const jumpedHere = (location.state as { focusSearch?: boolean } | null)?.focusSearch === true;
  useEffect(() => {
    if (jumpedHere) ref.current?.focus();
    const focus = () => ref.current?.focus({ cursor: 'all' });
    window.addEventListener(FOCUS_SEARCH_EVENT, focus);
    return () => window.removeEventListener(FOCUS_SEARCH_EVENT, focus);
  }, [jumpedHere]);
  return ref;
}

export function CustomerFilters({ params, update }: Props) {
  const { t } = useI18n();
  const { options: tierOptions } = useTiers();
  const tags = useApiQuery('tags:list', {});
  const searchRef = useSearchFocus();
  const [text, setText] = useState(params.search);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);

  // Only a settled keystroke pushes to the URL; a change of the other filters must not echo the box back.
  const latest = useRef({ search: params.search, update });
  useEffect(() => {
    latest.current = { search: params.search, update };
  });
  useEffect(() => {
    // A result clicked within the debounce window has already navigated away; do not pull the user back.
    if (window.location.hash.split('?')[0] !== '#/customers') return;
    if (debounced.trim() !== latest.current.search.trim()) latest.current.update({ search: debounced });
  }, [debounced]);
  useEffect(() => {
    // Cleared from outside ("清除筛选"): show it in the box too.
    if (params.search === '') setText('');
  }, [params.search]);

  return (
    <Flex wrap gap={12} align="center">
      <Input
        ref={searchRef}
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => update({ search: text })}
        prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('customers.search')}
        suffix={<Typography.Text type="secondary" keyboard style={{ fontSize: 11 }}>Ctrl K</Typography.Text>}
        style={{ width: 320 }}
      />
      <Select<Tier>
        allowClear
        value={params.tier ?? undefined}
        onChange={(v) => update({ tier: v ?? null })}
        placeholder={t('customers.filterTier')}
        aria-label={t('customers.filterTier')}
        options={tierOptions}
        style={{ width: 120 }}
      />
      <OwnerSelect
        value={params.ownerId}
        onChange={(v) => update({ ownerId: v })}
        placeholder={t('customers.filterOwner')}
        aria-label={t('customers.filterOwner')}
        style={{ width: 140 }}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={params.tagId ?? undefined}
        onChange={(v) => update({ tagId: v ?? null })}
        placeholder={t('customers.filterTag')}
        aria-label={t('customers.filterTag')}
        options={(tags.data?.items ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
        style={{ width: 140 }}
      />
      <Select<number>
        allowClear
        value={params.withinDays ?? undefined}
        onChange={(v) => update({ withinDays: v ?? null })}
        placeholder={t('customers.filterExpiring')}
        aria-label={t('customers.filterExpiring')}
        options={WITHIN_CHOICES.map((n) => ({ value: n, label: t('customers.expiringWithin', { n }) }))}
        style={{ width: 150 }}
      />
      <Flex align="center" gap={6}>
        <Switch
          size="small"
          checked={params.archived}
          onChange={(checked) => update({ archived: checked })}
          aria-label={t('customers.showArchived')}
        />
        <Typography.Text>{t('customers.showArchived')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
