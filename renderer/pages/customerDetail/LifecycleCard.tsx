import { Card, Flex, Timeline, Typography } from 'antd';
import { renderMessage } from '../../../shared/i18n/message.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { LoyaltyTag, StageTag } from '../../components/LifecycleTags.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

/** The computed 客户阶段 with its reason and loyalty, and the dated stage changes. */
export function LifecycleCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const q = useApiQuery('lifecycle:customer', { customerId });
  const current = q.data?.current ?? null;
  const history = q.data?.history ?? [];
  return (
    <Card title={t('customer.lifecycleCard')} size="small" loading={q.isPending} data-testid="lifecycle-card">
      {current ? (
        <Flex vertical gap={8}>
          <Flex gap={8} align="center" wrap>
            <StageTag stage={current.stage} />
            <LoyaltyTag loyalty={current.loyalty} />
            <Typography.Text type="secondary">
              {t('retention.colSince')} {current.since}
            </Typography.Text>
          </Flex>
          <Typography.Text>{renderMessage(t, { key: current.reasonKey, params: current.reasonParams })}</Typography.Text>
          <Typography.Text type="secondary">
            {t('customer.consecutiveRenewals', { n: current.consecutiveRenewals })} · {t('customer.yearsAsCustomer', { n: current.years })}
          </Typography.Text>
          {history.length > 0 ? (
            <>
              <Typography.Text strong>{t('customer.lifecycleHistory')}</Typography.Text>
              <Timeline
                items={history.slice(0, 8).map((h, i) => ({
                  key: i,
                  children: (
                    <Flex vertical>
                      <span>
                        {h.on} · {t(`lifecycle.stage.${h.stage}`)}
                      </span>
                      <Typography.Text type="secondary">{renderMessage(t, { key: h.reasonKey, params: h.reasonParams })}</Typography.Text>
                    </Flex>
                  ),
                }))}
              />
            </>
          ) : null}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('customer.lifecycleNone')}</Typography.Text>
      )}
    </Card>
  );
}
