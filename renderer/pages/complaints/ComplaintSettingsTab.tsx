import { Alert, App, Button, Form, Input, InputNumber, Radio, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ComplaintSettings } from '../../../shared/api/complaints.contract.ts';
import { COMPLAINT_SEVERITIES } from '../../../shared/domain/complaints.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

interface Values {
  mode: ComplaintSettings['sla']['mode'];
  normal: number;
  serious: number;
  urgent: number;
  dayStart: Dayjs;
  dayEnd: Dayjs;
  categories: string;
}

const HHMM = 'HH:mm';

/** 时限与类别: the SLA per severity, calendar or working hours (with the working day's hours), and the category list. */
export function ComplaintSettingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useApiQuery('complaints:settings', {});
  const [saving, setSaving] = useState(false);
  const offerUndo = useUndoNotice('complaints:undo', { undo: 'complaints.undo', undone: 'complaints.undone' });
  const s = settings.data;
  if (!s) return null;
  const save = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await invoke('complaints:setSettings', {
        sla: { mode: v.mode, hours: { normal: v.normal, serious: v.serious, urgent: v.urgent }, dayStart: v.dayStart.format(HHMM), dayEnd: v.dayEnd.format(HHMM) },
        categories: v.categories.split('\n').map((c) => c.trim()).filter(Boolean),
      });
      offerUndo(t('complaints.settings.saved'), saved.undoToken);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<Values>
      name="complaint-settings"
      layout="vertical"
      style={{ maxWidth: 560 }}
      key={JSON.stringify(s)}
      initialValues={{
        mode: s.sla.mode,
        ...s.sla.hours,
        dayStart: dayjs(s.sla.dayStart, HHMM),
        dayEnd: dayjs(s.sla.dayEnd, HHMM),
        categories: s.categories.join('\n'),
      }}
      onFinish={(v) => void save(v)}
    >
      <Alert type="info" showIcon title={t('complaints.settings.appliesToNew')} style={{ marginBottom: 16 }} />
      <Form.Item name="mode" label={t('complaints.settings.mode')}>
        <Radio.Group
          options={[
            { value: 'calendar', label: t('complaints.settings.modeCalendar') },
            { value: 'working', label: t('complaints.settings.modeWorking') },
          ]}
        />
      </Form.Item>
      {COMPLAINT_SEVERITIES.map((sev) => (
        <Form.Item key={sev} name={sev} label={t('complaints.settings.hours', { severity: t(`complaints.severity.${sev}`) })} rules={[{ required: true }]}>
          <InputNumber min={0.5} max={8760} step={1} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Space size={16}>
        <Form.Item name="dayStart" label={t('complaints.settings.dayStart')} rules={[{ required: true }]}>
          <TimePicker format={HHMM} minuteStep={5} allowClear={false} />
        </Form.Item>
        <Form.Item name="dayEnd" label={t('complaints.settings.dayEnd')} rules={[{ required: true }]}>
          <TimePicker format={HHMM} minuteStep={5} allowClear={false} />
        </Form.Item>
      </Space>
      <Form.Item name="categories" label={t('complaints.settings.categories')} extra={t('complaints.settings.categoriesHint')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('complaints.save')}
      </Button>
    </Form>
  );
}
