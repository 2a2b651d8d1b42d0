import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportBatch } from '../../../shared/api/import.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { KIND_LABELS } from './importLabels.ts';

const at = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

function summaryOf(b: ImportBatch): string {
  const s = b.summary as Record<string, number>;
  const parts =
    b.kind === 'followups'
      ? [`新增跟进 ${s['followupsCreated'] ?? 0}`]
      : b.kind === 'customers'
        ? [`新增客户 ${s['customersCreated'] ?? 0}`, `更新 ${s['customersUpdated'] ?? 0}`]
        : [`新增合同 ${s['contractsCreated'] ?? 0}`, `更新 ${s['contractsUpdated'] ?? 0}`, `新增客户 ${s['customersCreated'] ?? 0}`];
  if ((s['rejectedRows'] ?? 0) > 0) parts.push(`错误 ${s['rejectedRows']} 行`);
  return parts.join('，');
}

/** 导入历史: every committed import, newest first, each undoable as a whole. */
export function ImportHistoryPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const list = useApiQuery('import:history', page, { keepPrevious: true });
  const undo = useApiMutation('import:undo');
  return (
    <>
      <PageHeader
        title="导入历史"
        subtitle="每次导入都整批记录，可以整批撤销（导入后又被修改过的记录会阻止撤销，并说明是哪一条）"
        extra={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => void navigate('/import')}>
            导入文件
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
          locale={{ emptyText: '还没有导入过文件' }}
          columns={[
            { title: '导入时间', dataIndex: 'createdAt', width: 180, render: (v: string) => at(v) },
            { title: '文件', dataIndex: 'fileName', ellipsis: true },
            { title: '类型', dataIndex: 'kind', width: 110, render: (k: ImportBatch['kind']) => KIND_LABELS[k] },
            { title: '行数', dataIndex: 'rows', width: 80 },
            { title: '结果', key: 'summary', render: (_: unknown, b) => <Typography.Text>{summaryOf(b)}</Typography.Text> },
            {
              title: '状态',
              key: 'state',
              width: 180,
              render: (_: unknown, b) => (b.undoneAt ? <Tag>已于 {at(b.undoneAt)} 撤销</Tag> : <Tag color="green">已导入</Tag>),
            },
            {
              title: '操作',
              key: 'actions',
              width: 120,
              render: (_: unknown, b) =>
                b.undoneAt ? null : (
                  <Popconfirm
                    title="撤销这次导入？"
                    description="新增的记录会被删除，更新过的字段恢复导入前的值。"
                    okText="撤销"
                    cancelText="取消"
                    onConfirm={() =>
                      undo.mutate(
                        { batchId: b.batchId },
                        {
                          onSuccess: () => void message.success(`已撤销「${b.fileName}」的导入`),
                          onError: (e) => void message.error(errorMessageOf(e)),
                        },
                      )
                    }
                  >
                    <Button size="small" danger>
                      撤销
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
