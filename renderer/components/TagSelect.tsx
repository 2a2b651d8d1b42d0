import { Select } from 'antd';
import { useApiQuery } from '../api/useApi.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { LIST_SEPARATORS } from '../../shared/domain/typedInput.ts';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}

/** Pick tags or type a new one and press Enter; the value is tag names, and a new name becomes a tag on save. */
export function TagSelect({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const tags = useApiQuery('tags:list', {});
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={onChange}
      loading={tags.isPending}
      placeholder={t('tags.placeholder')}
      options={(tags.data?.items ?? []).map((tag) => ({ value: tag.name, label: tag.name }))}
      showSearch={{ optionFilterProp: 'label' }}
      tokenSeparators={[...LIST_SEPARATORS]}
    />
  );
}
