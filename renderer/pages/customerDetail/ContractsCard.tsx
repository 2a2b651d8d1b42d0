import { DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Flex, Popconfirm, Space, Table, Tabs, Typography, type TableProps } from 'antd';
import { useState, type Key } from 'react';
import type { ContractListItem } from '../../../shared/api/contracts.contract.ts';
import { isSettledStatus } from '../../../shared/renewals/displayStatus.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { DisplayStatusTag } from '../../components/DisplayStatusTag.tsx';
import { ExpiryHint } from '../../components/ExpiryDate.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractChainModal } from '../renewals/ContractChainModal.tsx';
import { RenewDialog, type RenewTarget } from '../renewals/RenewDialog.tsx';
import { useUnlinkContract } from './useUnlinkContract.tsx';
import { ContractAttachments } from './ContractAttachments.tsx';
import { ContractPayments } from './ContractPayments.tsx';

interface Props {
  customerId: string;
  customerName: string;
  contracts: ContractListItem[];
}

type Editing = ContractListItem | null | undefined;

/** A countdown only for an undecided term still running or overdue: not for history, nor a decided one. */
const showsCountdown = (c: ContractListItem) => c.endsOn !== null && (c.displayStatus === 'active' || c.displayStatus === 'dueSoon' || c.displayStatus === 'overdue');

function StatusCell({ c, previousNumber }: { c: ContractListItem; previousNumber: string | null }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2} align="start">
      <DisplayStatusTag status={c.displayStatus} />
      {c.displayStatus === 'lost' && c.lostReason ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contract.lostReason', { reason: c.lostReason })}
        </Typography.Text>
      ) : null}
      {c.displayStatus === 'lost' && c.lostNote ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {t('contract.lostNote', { note: c.lostNote })}
        </Typography.Text>
      ) : null}
      {previousNumber ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contract.renewsFrom', { number: previousNumber })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

export function ContractsCard({ customerId, customerName, contracts }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(undefined);
  const [renewing, setRenewing] = useState<RenewTarget | null>(null);
  const [chainOf, setChainOf] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const toggleAttachments = (id: string) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));
  /** The expanded row's tab per contract: 附件 or 回款. */
  const [sectionOf, setSectionOf] = useState<Record<string, string>>({});
  /** The menu's 附件/回款: opens the row on that tab (or closes it when that tab is already open). */
  const openSection = (id: string, key: string) => {
    if (expanded.includes(id) && (sectionOf[id] ?? 'attachments') === key) {
      toggleAttachments(id);
      return;
    }
    setSectionOf((s) => ({ ...s, [id]: key }));
    if (!expanded.includes(id)) toggleAttachments(id);
  };
  const remove = useApiMutation('contracts:delete');
  const unlink = useUnlinkContract();
  const numberOf = new Map(contracts.map((c) => [c.id, c.number]));

  const columns: TableProps<ContractListItem>['columns'] = [
    {
      key: 'number',
      title: t('contract.number'),
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.number}</Typography.Text>
          {c.service ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.service}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'period',
      title: t('contract.period'),
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>
            {c.startsOn ?? c.signedOn ?? '—'} ~ {c.endsOn ?? t('contract.noEnd')}
          </Typography.Text>
          {showsCountdown(c) && c.endsOn ? <ExpiryHint date={c.endsOn} /> : null}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('contract.amount'),
      align: 'right',
      render: (_, c) => (
        <Flex vertical align="end">
          <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(c.amountFen, c.currency)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.cycle === null ? t('contract.cycleNotSet') : labelOf(cycleLabels, c.cycle, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('contract.status'),
      render: (_, c) => <StatusCell c={c} previousNumber={c.renewalOf ? (numberOf.get(c.renewalOf) ?? null) : null} />,
    },
    { key: 'owner', title: t('contract.owner'), render: (_, c) => c.ownerName ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, c) => (
        <Space size={0}>
          {isSettledStatus(c.displayStatus) ? null : (
            <Button size="small" type="link" onClick={() => setRenewing({ contractId: c.id, contractNo: c.number, customerName, cycle: c.cycle })}>
              {t('renewals.renew')}
            </Button>
          )}
          <Button type="link" size="small" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${c.number}`} onClick={() => setEditing(c)} />
          <Popconfirm
            title={t('contract.deleteConfirm', { number: c.number })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate({ id: c.id }, { onError: (e) => void message.error(e.message) })}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${c.number}`} />
          </Popconfirm>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'chain', label: t('contract.viewChain') },
                { key: 'attachments', label: t('attachments.title') },
                { key: 'payments', label: t('payments.title') },
                ...(c.renewalOf
                  ? [
                      { key: 'unlink', label: t('contract.unlink') },
                      { key: 'notRenewal', label: t('contract.notRenewal') },
                    ]
                  : []),
              ],
              onClick: ({ key }) => {
                if (key === 'chain') setChainOf(c.id);
                else if (key === 'attachments' || key === 'payments') openSection(c.id, key);
                else unlink(c, numberOf.get(c.renewalOf ?? '') ?? '', key === 'notRenewal' ? 'notRenewal' : 'unlink');
              },
            }}
          >
            <Button type="link" size="small" icon={<MoreOutlined />} aria-label={t('contract.moreActions', { number: c.number })} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('contract.cardTitle', { n: contracts.length })}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('contract.new')}
        </Button>
      }
      styles={{ body: { padding: contracts.length > 0 ? 0 : undefined } }}
    >
      {contracts.length > 0 ? (
        <Table<ContractListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={contracts}
          pagination={false}
          scroll={{ x: 640 }}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (_open, c) => toggleAttachments(c.id),
            expandedRowRender: (c) => (
              <Tabs
                size="small"
                activeKey={sectionOf[c.id] ?? 'attachments'}
                onChange={(key) => setSectionOf((s) => ({ ...s, [c.id]: key }))}
                items={[
                  { key: 'attachments', label: t('attachments.title'), children: <ContractAttachments contractId={c.id} contractNo={c.number} /> },
                  { key: 'payments', label: t('payments.title'), children: <ContractPayments contractId={c.id} contractNo={c.number} /> },
                ]}
              />
            ),
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.empty')} />
      )}
      <ContractFormModal customerId={customerId} contract={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
      <RenewDialog item={renewing} onClose={() => setRenewing(null)} />
      <ContractChainModal contractId={chainOf} onClose={() => setChainOf(null)} />
    </Card>
  );
}
