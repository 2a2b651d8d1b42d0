import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, Flex, Popconfirm, Space, Table, Tag, Timeline, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { WarningAction } from '../../../shared/api/risk.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { FactorTags, ScoreTag, WarningStatusTag } from './riskTags.tsx';
import { AddActionModal, CompleteActionModal } from './WarningActionDialogs.tsx';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** The warning detail: what it was published with, its plan of actions, its status buttons and its activity. */
export function WarningDrawer({ warningId, onClose }: { warningId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const detail = useApiQuery('risk:get', { id: warningId ?? '' }, { enabled: warningId !== null });
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<WarningAction | null>(null);
  const offerUndo = useUndoNotice('risk:undo', { undo: 'risk.undo', undone: 'risk.undone' });
  const data = warningId ? detail.data : undefined;
  const w = data?.warning;
  const open = w ? w.closedOn === null : false;
  const what = (kind: WarningAction['kind'] | null, text: string | null) => (kind === null ? '' : kind === 'other' ? (text ?? '') : t(`risk.actionKind.${kind}`));

  const run = async (work: () => Promise<{ undoToken: string }>, done: string) => {
    try {
      offerUndo(done, (await work()).undoToken);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const setStatus = (status: 'inProgress' | 'resolved' | 'churned') => {
    if (!w) return;
    const change = () => run(() => invoke('risk:setStatus', { id: w.id, status, version: w.version }), t('risk.statusChanged', { status: t(`risk.status.${status}`) }));
    if (status === 'inProgress') return void change();
    void modal.confirm({
      title: t(status === 'resolved' ? 'risk.resolveConfirm' : 'risk.churnConfirm'),
      okText: t(status === 'resolved' ? 'risk.resolve' : 'risk.churn'),
      cancelText: t('risk.cancel'),
      onOk: change,
    });
  };

  const columns: TableProps<WarningAction>['columns'] = [
    { key: 'kind', title: t('risk.actionKind'), render: (_, a) => (a.kind === 'other' ? a.text : <span>{t(`risk.actionKind.${a.kind}`)}{a.text ? <Typography.Text type="secondary">{t('risk.actionTextAside', { text: a.text })}</Typography.Text> : null}</span>) },
    { key: 'owner', title: t('risk.owner'), onCell: nowrap, render: (_, a) => a.ownerName },
    {
      key: 'due',
      title: t('risk.dueOn'),
      onCell: nowrap,
      render: (_, a) => (
        <Space size={4}>
          {a.dueOn}
          {a.overdue ? <Tag color="red">{t('risk.overdue')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'done',
      title: t('risk.column.status'),
      onCell: nowrap,
      render: (_, a) =>
        a.doneOn ? (
          <Tag color="green">{t('risk.doneOn', { date: a.doneOn })}</Tag>
        ) : open ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setCompleting(a)}>
              {t('risk.complete')}
            </Button>
            <Popconfirm
              title={t('risk.removeActionConfirm')}
              okText={t('risk.removeAction')}
              cancelText={t('risk.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void run(() => invoke('risk:removeAction', { id: a.id }), t('risk.actionRemoved'))}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('risk.removeAction')} ${what(a.kind, a.text)}`} />
            </Popconfirm>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Drawer
      open={warningId !== null}
      onClose={onClose}
      size={720}
      title={w ? t('risk.detailTitle', { customer: w.customerName, contract: w.contractNo }) : ''}
      extra={
        w && open ? (
          <Space>
            {w.status === 'new' ? <Button onClick={() => setStatus('inProgress')}>{t('risk.start')}</Button> : null}
            <Button onClick={() => setStatus('resolved')}>{t('risk.resolve')}</Button>
            <Button danger onClick={() => setStatus('churned')}>
              {t('risk.churn')}
            </Button>
          </Space>
        ) : null
      }
    >
      {w ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('risk.column.status')}>
              <Space>
                <WarningStatusTag status={w.status} />
                {w.closeReason ? <Typography.Text type="secondary">{t(`risk.closeReason.${w.closeReason}`)}</Typography.Text> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.column.customer')}>
              <Link to={`/customers/${w.customerId}`}>{w.customerName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.column.role')}>{t(`risk.role.${w.role}`)}</Descriptions.Item>
            <Descriptions.Item label={t('risk.column.owner')}>{w.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('risk.column.endsOn')}>{w.contractEndsOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('risk.column.amount')}>{w.amountFen === null ? '—' : formatMoney(w.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('risk.column.publishedOn')}>{w.publishedOn}</Descriptions.Item>
            <Descriptions.Item label={t('risk.column.closedOn')}>{w.closedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('risk.scoreAtPublish')}>
              <ScoreTag score={w.score} band={w.band} />
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.scoreNow')}>
              <ScoreTag score={w.currentScore} band={w.currentBand} />
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.column.factors')} span={2}>
              <FactorTags factors={w.factors} />
            </Descriptions.Item>
            {w.note ? (
              <Descriptions.Item label={t('risk.note')} span={2}>
                {w.note}
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <section aria-label={t('risk.plan')}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('risk.plan')}
              </Typography.Title>
              {open ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('risk.addAction')}
                </Button>
              ) : null}
            </Flex>
            {data.actions.length > 0 ? (
              <Table<WarningAction> rowKey="id" size="small" columns={columns} dataSource={data.actions} pagination={false} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.planEmpty')} />
            )}
          </section>

          <section aria-label={t('risk.activity')}>
            <Typography.Title level={5}>{t('risk.activity')}</Typography.Title>
            {data.activity.length > 0 ? (
              <Timeline
                items={data.activity.map((e, i) => ({
                  key: i,
                  content: (
                    <span>
                      <Typography.Text type="secondary">{formatInstant(e.at, true)}</Typography.Text>{' '}
                      {activityText(t, e.action, e.status, what(e.actionKind, e.actionText))}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">{t('risk.activityEmpty')}</Typography.Text>
            )}
          </section>
          <AddActionModal warningId={w.id} ownerId={w.ownerId} open={adding} onClose={() => setAdding(false)} offerUndo={offerUndo} />
          <CompleteActionModal action={completing} onClose={() => setCompleting(null)} offerUndo={offerUndo} />
        </Flex>
      ) : null}
    </Drawer>
  );
}

type T = ReturnType<typeof useI18n>['t'];
const KNOWN = ['publish', 'start', 'close', 'autoClose', 'reopen', 'addAction', 'completeAction', 'removeAction', 'undo'] as const;

function activityText(t: T, action: string, status: string | null, what: string): string {
  const known = KNOWN.find((k) => k === action);
  if (!known) return t('risk.activity.other');
  const statusLabel = status === 'new' || status === 'inProgress' || status === 'resolved' || status === 'churned' ? t(`risk.status.${status}`) : '';
  return t(`risk.activity.${known}`, { status: statusLabel, what });
}
