import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApi.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** 手动加入: search a customer by name and add it to the key customers whatever its tier. */
export function AddKeyCustomer({ onAdd }: { onAdd: (customerId: string, name: string) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const query = useDebouncedValue(search, 250);
  const found = useApiQuery('customers:list', { search: query || undefined, limit: 20 });
  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Space.Compact>
      <Select
        showSearch={{ filterOption: false, onSearch: setSearch }}
        aria-label={t('visits.addPick')}
        placeholder={t('visits.addPick')}
        style={{ width: 240 }}
        value={picked?.value}
        onChange={(value: string) => setPicked(options.find((o) => o.value === value) ?? null)}
        options={options}
        loading={found.isFetching}
        notFoundContent={t('visits.addNone')}
      />
      <Button
        icon={<PlusOutlined />}
        disabled={picked === null}
        onClick={() => {
          if (!picked) return;
          onAdd(picked.value, picked.label);
          setPicked(null);
        }}
      >
        {t('visits.add')}
      </Button>
    </Space.Compact>
  );
}
