import { BellOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { RENEWAL_STAGES, type RenewalStage } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf, renewalStageLabels } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { ExpiryDate } from '../../components/ExpiryDate.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { LadderPreviewPopover } from './LadderPreview.tsx';

const SHEET_COLORS: Record<RenewalItem['sheetStatus'], string> = { 已续费: 'green', 续费中: 'processing', 未续费: 'default' };

interface Props {
  items: RenewalItem[];
  loading: boolean;
  total: number;
  page: { offset: number; limit: number };
  onPage: (offset: number, limit: number) => void;
  onRenew: (item: RenewalItem) => void;
  onLost: (item: RenewalItem) => void;
  onChain: (contractId: string) => void;
}

export function RenewalTable({ items, loading, total, page, onPage, onRenew, onLost, onChain }: Props) {
  const { message } = App.useApp();
  const setStage = useApiMutation('renewals:setStage');
  const changeStage = (item: RenewalItem, stage: RenewalStage) => {
    if (stage === 'lost') return onLost(item);
    if (stage === 'renewed') return onRenew(item);
    setStage.mutate({ contractId: item.contractId, stage }, { onError: (e) => void message.error(e.message) });
  };
  return (
    <Table<RenewalItem>
      rowKey="contractId"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{
        current: Math.floor(page.offset / page.limit) + 1,
        pageSize: page.limit,
        total,
        showSizeChanger: true,
        showTotal: (n) => `共 ${n} 份合同`,
        onChange: (p, size) => onPage((p - 1) * size, size),
      }}
      columns={[
        {
          title: '客户',
          key: 'customer',
          render: (_, r) => (
            <Flex vertical>
              <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.contractNo}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: '等级', dataIndex: 'tier', width: 90, render: (tier) => <TierTag tier={tier} /> },
        { title: '负责人', dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
        { title: '周期', dataIndex: 'cycle', width: 70, render: (v: RenewalItem['cycle']) => (v === null ? '未填写' : labelOf(cycleLabels, v)) },
        { title: '到期日期', dataIndex: 'endsOn', width: 130, render: (v: string) => <ExpiryDate date={v} /> },
        { title: '金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number | null, r) => formatMoney(v, r.currency) },
        {
          title: '续约阶段',
          key: 'stage',
          width: 130,
          render: (_, r) => (
            <Select<RenewalStage>
              size="small"
              value={r.stage}
              style={{ width: 110 }}
              aria-label={`${r.contractNo} 的续约阶段`}
              onChange={(stage) => changeStage(r, stage)}
              options={RENEWAL_STAGES.map((s) => ({ value: s, label: labelOf(renewalStageLabels, s) }))}
            />
          ),
        },
        {
          title: '续费状态',
          key: 'sheet',
          width: 110,
          render: (_, r) => (
            <Flex vertical gap={2}>
              <Tag color={SHEET_COLORS[r.sheetStatus]}>{r.sheetStatus}</Tag>
              {r.lostReason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>原因：{r.lostReason}</Typography.Text> : null}
            </Flex>
          ),
        },
        {
          title: '操作',
          key: 'actions',
          width: 220,
          render: (_, r) => (
            <Flex gap={4} wrap>
              <Button size="small" type="primary" onClick={() => onRenew(r)}>
                续约
              </Button>
              <LadderPreviewPopover contractId={r.contractId}>
                <Button size="small" icon={<BellOutlined />} aria-label="提醒节点">
                  提醒
                </Button>
              </LadderPreviewPopover>
              <Button size="small" icon={<HistoryOutlined />} onClick={() => onChain(r.contractId)} aria-label="续约链" />
            </Flex>
          ),
        },
      ]}
    />
  );
}
