import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { followUpChannelLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { SurveyFormModal } from '../surveys/SurveyFormModal.tsx';
import { SurveyNotes } from '../surveys/SurveyListTab.tsx';
import { scoreText, useDimensionLabel, useSurveyDimensions } from '../surveys/useSurveyDimensions.ts';

/** 满意度 on the customer page: the latest survey's scores (a score or average below the threshold in red), 记录调查. */
export function SurveyCard({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const latest = useApiQuery('surveys:latest', { customerId });
  const { all } = useSurveyDimensions();
  const label = useDimensionLabel();
  const [recording, setRecording] = useState(false);
  const survey = latest.data?.survey ?? null;
  const threshold = latest.data?.threshold ?? 3;
  const low = survey?.average != null && survey.average < threshold;
  return (
    <Card
      title={t('surveys.cardTitle')}
      size="small"
      extra={
        <Button size="small" onClick={() => setRecording(true)}>
          {t('surveys.record')}
        </Button>
      }
    >
      {latest.isError ? (
        <QueryErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />
      ) : !survey ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={latest.isLoading ? t('surveys.loading') : t('surveys.cardEmpty')} />
      ) : (
        <Flex vertical gap={6} aria-label={t('surveys.cardTitle')}>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">
              {survey.onDate} · {labelOf(followUpChannelLabels, survey.channel, locale)}
              {survey.contractNo ? ` · ${survey.contractNo}` : ''}
            </Typography.Text>
            <Tag color={low ? 'red' : 'green'}>{t(low ? 'surveys.lowAverage' : 'surveys.averageTag', { value: scoreText(survey.average) })}</Tag>
          </Flex>
          {all
            .filter((d) => survey.scores[d.id] !== undefined)
            .map((d) => {
              const score = survey.scores[d.id]!;
              return (
                <Flex key={d.id} justify="space-between">
                  <Typography.Text>{label(d)}</Typography.Text>
                  <Typography.Text strong type={score < threshold ? 'danger' : undefined}>
                    {score}
                  </Typography.Text>
                </Flex>
              );
            })}
          <SurveyNotes survey={survey} />
          <Link to="/surveys?tab=surveys">{t('surveys.allSurveys')}</Link>
        </Flex>
      )}
      <SurveyFormModal open={recording} customerId={customerId} onClose={() => setRecording(false)} />
    </Card>
  );
}
