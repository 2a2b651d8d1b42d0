import { LineChartOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const SUGGESTIONS = ['signals.unit.logins', 'signals.unit.seats', 'signals.unit.orders'] as const;

/** 用量单位 (issue 13 signals): the unit new usage figures are entered in; a figure keeps the unit it was entered with. */
export function UsageUnitCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = useApiQuery('usage:unit', {});
  const [unit, setUnit] = useState('');
  useEffect(() => setUnit(current.data?.unit ?? ''), [current.data?.unit]);
  const save = useApiMutation('usage:setUnit', {
    onSuccess: () => void message.success(t('signals.unit.saved')),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Card title={<><LineChartOutlined /> {t('signals.unit.title')}</>} data-testid="usage-unit-card">
      <Typography.Paragraph type="secondary">{t('signals.unit.hint')}</Typography.Paragraph>
      <Flex gap={8}>
        <AutoComplete
          style={{ width: 200 }}
          value={unit}
          maxLength={20}
          placeholder={t('signals.usage.unitDefault')}
          aria-label={t('signals.unit.title')}
          options={SUGGESTIONS.map((k) => ({ value: t(k) }))}
          onChange={(v: string) => setUnit(v)}
        />
        <Button type="primary" loading={save.isPending} disabled={unit.trim() === (current.data?.unit ?? '')} onClick={() => save.mutate({ unit: unit.trim() })}>
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}
