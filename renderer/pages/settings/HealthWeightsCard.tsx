import { HeartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { healthWeightsSchema } from '../../../shared/api/health.contract.ts';
import { HEALTH_WEIGHT_KEYS, type HealthWeights } from '../../../shared/domain/healthScore.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

/** Points per day or per percent (0..10, decimals); every other weight is whole points 0..100. */
const RATES: ReadonlySet<keyof HealthWeights> = new Set(['paymentDelayPerDay', 'usageDropPerPercent']);

/** Waits until `value` has not changed for `ms`, so the preview runs once the typing stops. */
function useSettled<V>(value: V, ms: number): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** 健康度权重 in 设置: the defaults written out, each weight editable, a live preview of the band moves, reset and save. */
export function HealthWeightsCard() {
  const { t } = useI18n();
  const current = useApiQuery('health:weights', {});
  const [form] = Form.useForm<HealthWeights>();
  const [draft, setDraft] = useState<HealthWeights | null>(null);
  const undoNotice = useUndoNotice('health:undoWeights', { undo: 'health.weights.undo', undone: 'health.weights.undone' }, 15);
  const save = useApiMutation('health:setWeights', {
    onSuccess: (r) => {
      setDraft(null);
      undoNotice(t('health.weights.saved'), r.undoToken);
    },
  });
  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data.weights);
  }, [current.data, form]);
  const settled = useSettled(draft, 400);
  const valid = settled ? healthWeightsSchema.safeParse(settled) : null;
  const preview = useApiQuery('health:previewWeights', valid?.success ? valid.data : (current.data?.weights ?? ({} as HealthWeights)), {
    enabled: valid?.success === true,
    keepPrevious: true,
  });

  if (current.error) return <QueryErrorAlert error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Skeleton active />;
  const { weights, defaults } = current.data;
  const changedFromSaved = draft !== null && HEALTH_WEIGHT_KEYS.some((k) => draft[k] !== weights[k]);
  return (
    <Card title={<><HeartOutlined /> {t('health.weights.title')}</>} data-testid="health-weights-card">
      <Typography.Paragraph>{t('health.weights.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="health-weight-defaults">
        {t('health.weights.defaults')}
      </Typography.Paragraph>
      <Form<HealthWeights>
        form={form}
        layout="vertical"
        name="healthWeights"
        initialValues={weights}
        onValuesChange={(_, all) => setDraft(all)}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          {HEALTH_WEIGHT_KEYS.map((k) => (
            <Col key={k} xs={24} sm={12} lg={8}>
              <Form.Item
                name={k}
                label={t(`health.weights.field.${k}`)}
                extra={t('health.weights.default', { value: defaults[k] })}
                rules={[{ required: true, message: t('validation.healthWeight') }]}
              >
                <InputNumber min={0} max={RATES.has(k) ? 10 : 100} step={RATES.has(k) ? 0.5 : 1} precision={RATES.has(k) ? 1 : 0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary">{t('health.weights.careNote')}</Typography.Paragraph>
        {changedFromSaved ? (
          <Alert
            type={preview.data && preview.data.changed > 0 ? 'warning' : 'info'}
            showIcon
            role="status"
            data-testid="health-weights-preview"
            style={{ marginBottom: 16 }}
            title={
              !preview.data || preview.isFetching
                ? t('health.weights.previewing')
                : preview.data.changed > 0
                  ? `${t('health.weights.preview', { count: preview.data.changed })} ${t('health.weights.previewOf', { customers: preview.data.customers })}`
                  : t('health.weights.previewNone')
            }
            description={
              preview.data && preview.data.changed > 0 && !preview.isFetching
                ? preview.data.moves.map((m) => (
                    <div key={`${m.from}-${m.to}`}>
                      {t('health.weights.previewMove', { from: t(`health.band.${m.from}`), to: t(`health.band.${m.to}`), count: m.count })}
                    </div>
                  ))
                : undefined
            }
          />
        ) : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!changedFromSaved}>
            {t('health.weights.save')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue(defaults);
              setDraft({ ...defaults });
            }}
          >
            {t('health.weights.reset')}
          </Button>
        </Flex>
        {save.error ? <Alert type="error" showIcon title={save.error.message} style={{ marginTop: 12 }} /> : null}
      </Form>
    </Card>
  );
}
