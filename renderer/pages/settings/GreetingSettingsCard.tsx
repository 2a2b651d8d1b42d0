import { App, Button, Card, Checkbox, Flex, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { MAX_GREETING_DAYS_AHEAD } from '../../../shared/messages/customerMessages.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Birthday and holiday greetings (issue 14): how many days ahead, and which tiers are greeted on holidays. */
export function GreetingSettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { options } = useTiers();
  const settings = useApiQuery('messages:getGreetingSettings', {});
  const [daysAhead, setDaysAhead] = useState(3);
  const [tiers, setTiers] = useState<string[]>([]);
  useEffect(() => {
    if (!settings.data) return;
    setDaysAhead(settings.data.daysAhead);
    setTiers(settings.data.holidayTiers);
  }, [settings.data]);
  const save = useApiMutation('messages:setGreetingSettings', {
    onSuccess: () => void message.success(t('messages.greetings.saved')),
    onError: (e) => void message.error(errorMessageOf(e, t)),
  });

  return (
    <Card title={t('messages.greetings.title')} loading={settings.isPending}>
      <Form layout="vertical">
        <Form.Item label={t('messages.greetings.daysAhead')} extra={t('messages.greetings.daysAheadHint')}>
          <InputNumber
            aria-label={t('messages.greetings.daysAhead')}
            min={0}
            max={MAX_GREETING_DAYS_AHEAD}
            value={daysAhead}
            onChange={(v) => setDaysAhead(typeof v === 'number' ? v : 0)}
          />
        </Form.Item>
        <Form.Item label={t('messages.greetings.holidayTiers')}>
          <Checkbox.Group options={options} value={tiers} onChange={(v) => setTiers(v)} />
        </Form.Item>
      </Form>
      <Flex justify="end">
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate({ daysAhead, holidayTiers: tiers })}>
          {t('messages.greetings.save')}
        </Button>
      </Flex>
    </Card>
  );
}
