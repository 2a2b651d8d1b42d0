import { App, Button, Card, Flex, Form, Select, Switch, TimePicker, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

// Each control has an id its Form.Item label points at (htmlFor), which gives it its accessible name.
const IDS = {
  timeOfDay: 'reminder-time-of-day',
  workingDays: 'reminder-working-days',
  startAtLogin: 'reminder-start-at-login',
  keepInTray: 'reminder-keep-in-tray',
  lostReasons: 'reminder-lost-reasons',
} as const;

/** When reminders fire, working-day shifting with holiday data, desktop behaviour and lost reasons. */
export function ScheduleCard({ settings }: { settings: ReminderSettings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useApiMutation('reminders:setSettings');
  const importHolidays = useApiMutation('reminders:importHolidays');
  const reasons = useApiQuery('renewals:lostReasons', {});
  const saveReasons = useApiMutation('renewals:setLostReasons');
  const [lost, setLost] = useState<string[]>([]);
  useEffect(() => setLost(reasons.data?.items ?? []), [reasons.data]);
  const saved = () => void message.success(t('common.saved'));
  const failed = (e: Error) => void message.error(e.message);
  const holidaysImported = (n: number) => t('schedule.holidaysImported', { n });

  return (
    <Card title={t('schedule.cardTitle')}>
      {/* The control column may shrink below its hint text's width ('1 1 0'), so label and control share a row. */}
      <Form layout="horizontal" labelWrap labelCol={{ flex: '170px' }} wrapperCol={{ flex: '1 1 0' }}>
        <Form.Item label={t('schedule.timeOfDay')} htmlFor={IDS.timeOfDay} extra={t('schedule.timeOfDayHint')}>
          <TimePicker
            id={IDS.timeOfDay}
            format="HH:mm"
            allowClear={false}
            value={dayjs(settings.timeOfDay, 'HH:mm')}
            onChange={(v) => v && save.mutate({ timeOfDay: v.format('HH:mm') }, { onSuccess: saved, onError: failed })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.workingDays')} htmlFor={IDS.workingDays} extra={t('schedule.workingDaysHint')}>
          <Switch
            id={IDS.workingDays}
            checked={settings.shiftToWorkingDay}
            onChange={(v) => save.mutate({ shiftToWorkingDay: v }, { onSuccess: saved, onError: failed })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.holidays')} extra={t('schedule.holidaysHint')}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>
              {settings.holidayOverrideCount > 0 ? holidaysImported(settings.holidayOverrideCount) : t('schedule.holidaysBuiltIn')}
            </Typography.Text>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                void file
                  .text()
                  .then((json) =>
                    importHolidays.mutate({ json }, { onSuccess: (r) => void message.success(holidaysImported(r.holidayOverrideCount)), onError: failed }),
                  );
                return false;
              }}
            >
              <Button size="small">{t('schedule.importJson')}</Button>
            </Upload>
            {settings.holidayOverrideCount > 0 ? (
              <Button size="small" onClick={() => importHolidays.mutate({ json: null }, { onSuccess: saved, onError: failed })}>
                {t('schedule.useBuiltIn')}
              </Button>
            ) : null}
          </Flex>
        </Form.Item>
        <Form.Item label={t('schedule.startAtLogin')} htmlFor={IDS.startAtLogin} extra={t('schedule.startAtLoginHint')}>
          <Switch
            id={IDS.startAtLogin}
            checked={settings.startAtLogin}
            onChange={(v) => save.mutate({ startAtLogin: v }, { onSuccess: saved, onError: failed })}
          />
        </Form.Item>
        <Form.Item label={t('schedule.keepInTray')} htmlFor={IDS.keepInTray} extra={t('schedule.keepInTrayHint')}>
          <Switch id={IDS.keepInTray} checked={settings.keepInTray} onChange={(v) => save.mutate({ keepInTray: v }, { onSuccess: saved, onError: failed })} />
        </Form.Item>
        <Form.Item label={t('schedule.lostReasons')} htmlFor={IDS.lostReasons}>
          <Flex gap={8}>
            <Select<string[]> id={IDS.lostReasons} mode="tags" value={lost} onChange={setLost} style={{ flex: 1 }} aria-label={t('schedule.lostReasons')} />
            <Button disabled={lost.length === 0} onClick={() => saveReasons.mutate({ items: lost }, { onSuccess: saved, onError: failed })}>
              {t('common.save')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
    </Card>
  );
}
