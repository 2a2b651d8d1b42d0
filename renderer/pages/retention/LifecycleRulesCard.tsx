import { App, Button, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import type { LifecycleRules } from '../../../shared/domain/lifecycleRules.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

type Flat = Exclude<keyof LifecycleRules, 'loyalty'>;
const FIELDS: readonly Flat[] = [
  'churnAfterDays',
  'declineDropPct',
  'declineLateDays',
  'declineQuietDays',
  'matureTerms',
  'matureYears',
  'matureBandPct',
  'warnDropPct',
  'warnLateDays',
  'warnQuietDays',
  'winBackMonths',
];
const LEVELS = ['bronze', 'silver', 'gold'] as const;
const RULE_LINES = ['retention.ruleChurned', 'retention.ruleDecline', 'retention.ruleProspect', 'retention.ruleMature', 'retention.ruleGrowth', 'retention.ruleLoyalty', 'retention.ruleWarning', 'retention.ruleWinBack'] as const;

/** The rules in words with their thresholds, and the thresholds to edit; saving recomputes every customer. */
export function LifecycleRulesCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useApiQuery('lifecycle:rules', {});
  const save = useApiMutation('lifecycle:setRules', {
    onSuccess: () => void message.success(t('retention.rulesSaved')),
    onError: (e) => void message.error(e.message),
  });
  const [form] = Form.useForm<LifecycleRules>();
  if (rules.error) return <QueryErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <Skeleton active />;
  const r = rules.data;
  const params = Object.fromEntries(FIELDS.map((f) => [f, r[f]]));
  return (
    <>
      <Typography.Paragraph>{t('retention.rulesIntro')}</Typography.Paragraph>
      <ol data-testid="lifecycle-rules">
        {RULE_LINES.map((key) => (
          <li key={key}>{t(key, params)}</li>
        ))}
      </ol>
      <Form<LifecycleRules> form={form} layout="vertical" initialValues={r} onFinish={(v) => save.mutate(v)} name="lifecycleRules">
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col key={f} xs={24} sm={12} lg={8}>
              <Form.Item name={f} label={t(`retention.field.${f}`)} rules={[{ required: true, message: t('validation.lifecycleRule') }]}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          {LEVELS.flatMap((level) => [
            <Col key={`${level}-r`} xs={24} sm={12} lg={8}>
              <Form.Item name={['loyalty', level, 'renewals']} label={t('retention.field.loyaltyRenewals', { level: t(`lifecycle.loyalty.${level}`) })} rules={[{ required: true, message: t('validation.lifecycleRule') }]}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>,
            <Col key={`${level}-y`} xs={24} sm={12} lg={8}>
              <Form.Item name={['loyalty', level, 'years']} label={t('retention.field.loyaltyYears', { level: t(`lifecycle.loyalty.${level}`) })} rules={[{ required: true, message: t('validation.lifecycleRule') }]}>
                <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>,
          ])}
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('retention.saveRules')}
        </Button>
      </Form>
    </>
  );
}
