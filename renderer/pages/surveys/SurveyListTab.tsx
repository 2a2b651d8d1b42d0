import { Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Survey } from '../../../shared/api/surveys.contract.ts';
import { followUpChannelLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { SurveyFormModal } from './SurveyFormModal.tsx';
import { scoreText, useDimensionLabel, useSurveyDimensions, useSurveyUndo } from './useSurveyDimensions.ts';

const PAGE = 20;

/** Every survey, newest first: scores per dimension, the average (red below the threshold), edit and delete with 撤销. */
export function SurveyListTab({ threshold }: { threshold: number }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const list = useApiQuery('surveys:list', { offset: (page - 1) * PAGE, limit: PAGE }, { keepPrevious: true });
  const { all } = useSurveyDimensions();
  const label = useDimensionLabel();
  const offerUndo = useSurveyUndo();
  const [editing, setEditing] = useState<Survey | null>(null);
  if (list.isError) return <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const remove = (s: Survey) => void invoke('surveys:remove', { id: s.id }).then((r) => offerUndo(t('surveys.removed', { customer: s.customerName }), r.undoToken));
  return (
    <>
      <Table<Survey>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.listEmpty')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        expandable={{
          rowExpandable: (s) => s.comment !== null || s.actions.length > 0,
          expandedRowRender: (s) => <SurveyNotes survey={s} />,
        }}
        columns={[
          { title: t('surveys.date'), dataIndex: 'onDate' },
          { title: t('surveys.customer'), render: (_, s) => <Link to={`/customers/${s.customerId}`}>{s.customerName}</Link> },
          { title: t('surveys.contract'), render: (_, s) => s.contractNo ?? '—' },
          { title: t('surveys.channel'), render: (_, s) => labelOf(followUpChannelLabels, s.channel, locale) },
          ...all.map((d) => ({ key: d.id, title: label(d), align: 'right' as const, render: (_: unknown, s: Survey) => s.scores[d.id] ?? '—' })),
          {
            title: t('surveys.average'),
            align: 'right',
            render: (_, s) => (s.average !== null && s.average < threshold ? <Tag color="red">{scoreText(s.average)}</Tag> : scoreText(s.average)),
          },
          {
            title: '',
            key: 'ops',
            render: (_, s) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(s)}>
                  {t('surveys.edit')}
                </Button>
                <Popconfirm title={t('surveys.removeConfirm')} okText={t('surveys.remove')} cancelText={t('common.cancel')} onConfirm={() => remove(s)}>
                  <Button size="small" type="link" danger>
                    {t('surveys.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <SurveyFormModal open={editing !== null} survey={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** A survey's comment and the improvement actions recorded under it. */
export function SurveyNotes({ survey }: { survey: Survey }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      {survey.comment ? <Typography.Text>{t('surveys.commentLine', { text: survey.comment })}</Typography.Text> : null}
      {survey.actions.map((a) => (
        <Typography.Text key={a.id}>{t('surveys.actionLine', { date: a.onDate, by: a.doneBy, text: a.text })}</Typography.Text>
      ))}
    </Space>
  );
}
