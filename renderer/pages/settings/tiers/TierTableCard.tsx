import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { TierItem } from '../../../../shared/api/tierTable.contract.ts';
import { useApiMutation, useApiQuery } from '../../../api/useApi.ts';
import { TierTag } from '../../../components/TierTag.tsx';
import { useI18n } from '../../../i18n/useI18n.ts';
import { useTiers } from '../../../hooks/useTiers.ts';
import { TierEditModal } from './TierEditModal.tsx';
import { TierRemoveModal } from './TierRemoveModal.tsx';

/** 设置 › 客户等级: the tier table (name, colour, order, reminder ladder and template), add and remove. */
export function TierTableCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { label } = useTiers();
  const list = useApiQuery('tiers:list', {});
  const move = useApiMutation('tiers:move', { onError: (e) => void message.error(e.message) });
  // null: closed; 'new': the add form; an item: its edit form.
  const [editing, setEditing] = useState<TierItem | 'new' | null>(null);
  const [removing, setRemoving] = useState<TierItem | null>(null);
  const items = list.data?.items ?? [];

  const columns: TableProps<TierItem>['columns'] = [
    {
      key: 'name',
      title: t('tierTable.colName'),
      render: (_, x) => (
        <Space size={6}>
          <TierTag tier={x.code} />
          {x.builtin ? <Tag bordered={false}>{t('tierTable.builtin')}</Tag> : null}
          {x.usedByRules ? <Typography.Text type="secondary">{t('tierTable.byRules')}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      key: 'rank',
      title: t('tierTable.colRank'),
      width: 96,
      render: (_, x, i) => (
        <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('tierTable.up', { name: label(x.code) })} onClick={() => move.mutate({ code: x.code, direction: 'up' })} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={i === items.length - 1}
            aria-label={t('tierTable.down', { name: label(x.code) })}
            onClick={() => move.mutate({ code: x.code, direction: 'down' })}
          />
        </Space>
      ),
    },
    { key: 'ladder', title: t('tierTable.colLadder'), render: (_, x) => t('tierTable.ladderSummary', { first: x.ladder[0] ?? 0, n: x.ladder.length }) },
    { key: 'customers', title: t('tierTable.colCustomers'), width: 90, align: 'right', render: (_, x) => x.customers },
    {
      key: 'actions',
      title: t('tierTable.colActions'),
      width: 180,
      render: (_, x) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} aria-label={`${t('tierTable.edit')} ${label(x.code)}`} onClick={() => setEditing(x)}>
            {t('tierTable.edit')}
          </Button>
          {x.builtin ? null : (
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('tierTable.remove')} ${label(x.code)}`} onClick={() => setRemoving(x)}>
              {t('tierTable.remove')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={<><TagsOutlined /> {t('tierTable.cardTitle')}</>}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('tierTable.add')}
        </Button>
      }
      styles={{ body: { paddingTop: 12 } }}
      data-testid="tier-table"
    >
      <Typography.Paragraph type="secondary">{t('tierTable.hint')}</Typography.Paragraph>
      <Table<TierItem> rowKey="code" size="middle" columns={columns} dataSource={items} loading={list.isPending} pagination={false} />
      <TierEditModal tier={editing} onClose={() => setEditing(null)} />
      <TierRemoveModal tier={removing} tiers={items} onClose={() => setRemoving(null)} />
    </Card>
  );
}
