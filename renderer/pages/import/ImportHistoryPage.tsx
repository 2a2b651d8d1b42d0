import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportBatch } from '../../../shared/api/import.contract.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { BATCH_KIND_LABELS } from './importLabels.ts';

const at = (iso: string) => formatInstant(iso, true);

function summaryOf(t: Translate, b: ImportBatch): string {
  // The batch's counts as the service recorded them (an open record: older batches may lack some).
  const n = (key: string) => {
    const v = b.summary[key];
    return typeof v === 'number' ? v : 0;
  };
  const parts =
    b.kind === 'usage'
      ? [t('history.usageCreated', { n: n('created') }), t('history.updated', { n: n('updated') })]
      : b.kind === 'followups'
        ? [t('history.followupsCreated', { n: n('followupsCreated') })]
        : b.kind === 'customers'
          ? [t('history.customersCreated', { n: n('customersCreated') }), t('history.updated', { n: n('customersUpdated') })]
          : [
              t('history.contractsCreated', { n: n('contractsCreated') }),
              t('history.updated', { n: n('contractsUpdated') }),
              t('history.customersCreated', { n: n('customersCreated') }),
            ];
  if (n('rejectedRows') > 0) parts.push(t('history.rejected', { n: n('rejectedRows') }));
  return joinWith(t, 'common.clauses', parts);
}

/** 导入历史: every committed import, newest first, each undoable as a whole. */
export function ImportHistoryPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const list = useApiQuery('import:history', page, { keepPrevious: true });
  const undo = useApiMutation('import:undo');
  return (
    <>
      <PageHeader
        title={t('import.history')}
        subtitle={t('history.subtitle')}
        extra={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => void navigate('/import')}>
            {t('history.importFile')}
          </Button>
        }
      />
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ImportBatch>
          rowKey="batchId"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page.offset / page.limit + 1,
            pageSize: page.limit,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (p, size) => setPage({ offset: (p - 1) * size, limit: size }),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} /> }}
          columns={[
            { title: t('history.colAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => at(v) },
            { title: t('history.colFile'), dataIndex: 'fileName', ellipsis: true },
            { title: t('history.colKind'), dataIndex: 'kind', width: 130, render: (k: ImportBatch['kind']) => t(BATCH_KIND_LABELS[k]) },
            { title: t('history.colRows'), dataIndex: 'rows', width: 80 },
            { title: t('history.colResult'), key: 'summary', render: (_: unknown, b) => <Typography.Text>{summaryOf(t, b)}</Typography.Text> },
            {
              title: t('history.colState'),
              key: 'state',
              width: 190,
              render: (_: unknown, b) =>
                b.undoneAt ? <Tag>{t('history.undoneAt', { at: at(b.undoneAt) })}</Tag> : <Tag color="green">{t('history.imported')}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 120,
              render: (_: unknown, b) =>
                b.undoneAt ? null : (
                  <Popconfirm
                    title={t('result.undoConfirm')}
                    description={t('history.undoBody')}
                    okText={t('common.undo')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      undo.mutate(
                        { batchId: b.batchId },
                        {
                          onSuccess: () => void message.success(t('history.undone', { file: b.fileName })),
                          onError: (e) => void message.error(errorMessageOf(e, t)),
                        },
                      )
                    }
                  >
                    <Button size="small" danger>
                      {t('common.undo')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
