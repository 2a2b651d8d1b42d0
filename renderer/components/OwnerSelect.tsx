import { Select } from 'antd';
import { useApiQuery } from '../api/useApi.ts';
import { useI18n } from '../i18n/useI18n.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  /** Its accessible name where no <label> points at it (a filter bar). */
  'aria-label'?: string;
}

/** Account managers to assign; works as a plain control and inside Form.Item. */
export function OwnerSelect({ value, onChange, placeholder, style, id, 'aria-label': ariaLabel }: Props) {
  const { t } = useI18n();
  const owners = useApiQuery('owners:list', {});
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={owners.isPending}
      placeholder={placeholder ?? t('owner.placeholder')}
      options={(owners.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      notFoundContent={t('owner.none')}
      style={style}
    />
  );
}
