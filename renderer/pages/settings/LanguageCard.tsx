import { TranslationOutlined } from '@ant-design/icons';
import { App, Card, Radio, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { apiQueryKey, useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';

export function LanguageCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useApiMutation('settings:set');

  const change = (next: Locale) =>
    save.mutate(
      { locale: next },
      {
        // Switch at once from the answer instead of waiting for the refetch.
        onSuccess: (settings) => queryClient.setQueryData(apiQueryKey('settings:get', {}), settings),
        onError: (e) => void message.error(errorMessageOf(e, t)),
      },
    );

  return (
    <Card title={<><TranslationOutlined /> {t('settings.language')}</>}>
      <Typography.Paragraph type="secondary">{t('settings.languageHint')}</Typography.Paragraph>
      <Radio.Group
        value={locale}
        disabled={save.isPending}
        onChange={(e) => change(e.target.value as Locale)}
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: 'zh-CN', label: t('settings.languageNameZh') },
          { value: 'en-US', label: t('settings.languageNameEn') },
        ]}
      />
    </Card>
  );
}
