import { Alert, Modal, Table, Tag } from 'antd';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Every term of a contract's renewal chain, with gaps and overlaps between terms called out. */
export function ContractChainModal({ contractId, onClose }: { contractId: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const chain = useApiQuery('renewals:chain', { contractId: contractId ?? '' }, { enabled: contractId !== null });
  const issues = chain.data?.issues ?? [];
  const issueAfter = new Map(issues.map((i) => [i.afterId, i]));
  return (
    <Modal open={contractId !== null} onCancel={onClose} footer={null} title={t('chain.title')} width={760} destroyOnHidden>
      {issues.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={joinWith(
            t,
            'common.sentences',
            issues.map((i) => t(i.kind === 'gap' ? 'chain.gap' : 'chain.overlap', { days: i.days })),
          )}
        />
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={chain.isPending}
        pagination={false}
        dataSource={chain.data?.terms ?? []}
        columns={[
          { title: t('contract.number'), dataIndex: 'number' },
          { title: t('chain.colStart'), dataIndex: 'startsOn', render: (v: string | null) => v ?? '—' },
          { title: t('chain.colEnd'), dataIndex: 'endsOn', render: (v: string | null) => v ?? '—' },
          {
            title: t('renewals.colCycle'),
            dataIndex: 'cycle',
            render: (v: keyof typeof cycleLabels | null) => (v === null ? t('contract.cycleUnknown') : labelOf(cycleLabels, v, locale)),
          },
          { title: t('contract.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | null) => formatMoney(v) },
          {
            title: t('chain.colNext'),
            key: 'issue',
            render: (_, term) => {
              const issue = issueAfter.get(term.id);
              if (!issue) return null;
              return <Tag color={issue.kind === 'gap' ? 'orange' : 'red'}>{t(issue.kind === 'gap' ? 'chain.gapTag' : 'chain.overlapTag', { days: issue.days })}</Tag>;
            },
          },
        ]}
      />
    </Modal>
  );
}
