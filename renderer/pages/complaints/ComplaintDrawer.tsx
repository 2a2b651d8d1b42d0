import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Rate, Space, Steps, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { SATISFACTION_STEPS, type ComplaintStep } from '../../../shared/domain/complaints.ts';
import { COMPLAINT_STEPS } from '../../../shared/domain/complaints.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { ComplaintSeverityTag, ComplaintStepTag, OverdueTag } from '../../components/complaints/complaintTags.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { formatInstant } from '../../format/dates.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

interface StepValues {
  handlerId: string;
  note: string;
  satisfaction: number;
}

/** A complaint: its facts, the flow's progress, the timeline of recorded steps, and the form of the next step. */
export function ComplaintDrawer({ complaintId, onClose }: { complaintId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const detail = useApiQuery('complaints:get', { id: complaintId ?? '' }, { enabled: complaintId !== null });
  const [form] = Form.useForm<StepValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offerUndo = useUndoNotice('complaints:undo', { undo: 'complaints.undo', undone: 'complaints.undone' });
  const data = complaintId ? detail.data : undefined;
  const c = data?.complaint;
  const next = c?.nextStep ?? null;

  const record = async (step: ComplaintStep, v: StepValues) => {
    if (!c) return;
    setSaving(true);
    setError(null);
    try {
      const { undoToken } = await invoke('complaints:advance', {
        id: c.id,
        step,
        handlerId: v.handlerId,
        note: typeof v.note === 'string' && v.note ? v.note : null,
        satisfaction: SATISFACTION_STEPS.includes(step) && typeof v.satisfaction === 'number' && v.satisfaction > 0 ? v.satisfaction : null,
        version: c.version,
      });
      form.resetFields(['note']);
      offerUndo(t('complaints.recorded', { step: t(`complaints.step.${step}`) }), undoToken);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const submit = (v: StepValues) => {
    if (!next) return;
    if (next !== 'closed') return void record(next, v);
    void modal.confirm({ title: t('complaints.confirmClose'), okText: t('complaints.record', { step: t('complaints.step.closed') }), cancelText: t('common.cancel'), onOk: () => record(next, v) });
  };

  return (
    <Drawer open={complaintId !== null} onClose={onClose} size={720} title={c ? `${t('complaints.detail')} · ${c.customerName}` : t('complaints.detail')}>
      {c && data ? (
        <Flex vertical gap={16}>
          <Steps
            size="small"
            current={COMPLAINT_STEPS.indexOf(c.step)}
            status={c.step === 'closed' ? 'finish' : c.overdue ? 'error' : 'process'}
            items={COMPLAINT_STEPS.map((s) => ({ title: t(`complaints.step.${s}`) }))}
          />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('complaints.field.customer')}>
              <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.contract')}>{c.contractNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.severity')}>
              <ComplaintSeverityTag severity={c.severity} />
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.category')}>{c.category}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.receivedAt')}>{formatInstant(c.receivedAt, true)}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.dueAt')}>
              <Space size={4}>
                {formatInstant(c.dueAt, true)}
                {c.overdue ? <OverdueTag /> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.step')}>
              <ComplaintStepTag step={c.step} />
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.handler')}>{c.handlerName}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.satisfaction')} span={2}>
              {c.satisfaction === null ? '—' : t('complaints.satisfactionValue', { n: c.satisfaction })}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.field.summary')} span={2}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Text>
              {c.followUpId ? (
                <div>
                  <Typography.Text type="secondary">{t('complaints.linkedFollowUp')}</Typography.Text>
                </div>
              ) : null}
            </Descriptions.Item>
          </Descriptions>

          <section aria-label={t('complaints.timeline')}>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
              {t('complaints.timeline')}
            </Typography.Title>
            <Timeline
              items={data.steps.map((s) => ({
                key: s.id,
                color: s.step === 'closed' ? 'green' : 'blue',
                content: (
                  <Flex vertical gap={2} data-testid={`complaint-step-${s.step}`}>
                    <Space size={6} wrap>
                      <ComplaintStepTag step={s.step} />
                      <Typography.Text>{s.handlerName}</Typography.Text>
                      <Typography.Text type="secondary">{formatInstant(s.at, true)}</Typography.Text>
                    </Space>
                    {s.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.note}</Typography.Text> : null}
                  </Flex>
                ),
              }))}
            />
          </section>

          {next ? (
            <section aria-label={t('complaints.nextStep', { step: t(`complaints.step.${next}`) })}>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
                {t('complaints.nextStep', { step: t(`complaints.step.${next}`) })}
              </Typography.Title>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
              <Form<StepValues> form={form} name="complaint-step" layout="vertical" initialValues={{ handlerId: c.handlerId }} onFinish={submit} key={c.id}>
                <Form.Item name="handlerId" label={t('complaints.field.handler')} rules={[{ required: true, message: t('complaintErrors.handlerRequired') }]}>
                  <OwnerSelect />
                </Form.Item>
                <Form.Item name="note" label={t('complaints.field.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                {SATISFACTION_STEPS.includes(next) ? (
                  <Form.Item name="satisfaction" label={t('complaints.field.satisfaction')}>
                    <Rate aria-label={t('complaints.field.satisfaction')} />
                  </Form.Item>
                ) : null}
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t('complaints.record', { step: t(`complaints.step.${next}`) })}
                </Button>
              </Form>
            </section>
          ) : (
            <Alert type="success" showIcon title={t('complaints.closedDone')} />
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
