import { Alert, Modal, Table, Tag } from 'antd';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiQuery } from '../../api/useApi.ts';

/** Every term of a contract's renewal chain, with gaps and overlaps between terms called out. */
export function ContractChainModal({ contractId, onClose }: { contractId: string | null; onClose: () => void }) {
  const chain = useApiQuery('renewals:chain', { contractId: contractId ?? '' }, { enabled: contractId !== null });
  const issues = chain.data?.issues ?? [];
  const issueAfter = new Map(issues.map((i) => [i.afterId, i]));
  return (
    <Modal open={contractId !== null} onCancel={onClose} footer={null} title="续约链：历期合同" width={760} destroyOnHidden>
      {issues.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={issues.map((i) => (i.kind === 'gap' ? `有 ${i.days} 天空档未覆盖` : `有 ${i.days} 天重叠`)).join('；')}
        />
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={chain.isPending}
        pagination={false}
        dataSource={chain.data?.terms ?? []}
        columns={[
          { title: '合同编号', dataIndex: 'number' },
          { title: '开始', dataIndex: 'startsOn', render: (v: string | null) => v ?? '—' },
          { title: '到期', dataIndex: 'endsOn', render: (v: string | null) => v ?? '—' },
          { title: '周期', dataIndex: 'cycle', render: (v: keyof typeof cycleLabels | null) => (v === null ? '未填写' : labelOf(cycleLabels, v)) },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number | null) => formatMoney(v) },
          {
            title: '与下一期',
            key: 'issue',
            render: (_, term) => {
              const issue = issueAfter.get(term.id);
              if (!issue) return null;
              return <Tag color={issue.kind === 'gap' ? 'orange' : 'red'}>{issue.kind === 'gap' ? `空档 ${issue.days} 天` : `重叠 ${issue.days} 天`}</Tag>;
            },
          },
        ]}
      />
    </Modal>
  );
}
