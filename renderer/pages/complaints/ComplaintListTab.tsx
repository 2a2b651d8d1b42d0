import { Button, Checkbox, Empty, Flex, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Complaint } from '../../../shared/api/complaints.contract.ts';
import { COMPLAINT_SEVERITIES, COMPLAINT_STEPS, type ComplaintSeverity, type ComplaintStep } from '../../../shared/domain/complaints.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { ComplaintSeverityTag, ComplaintStepTag, OverdueTag } from '../../components/complaints/complaintTags.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** The 投诉 list: filters by step, severity and overdue (and the customer, from its page); a row opens the drawer. */
export function ComplaintListTab({ customerId, onOpen, onNew }: { customerId: string | null; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<ComplaintStep | undefined>();
  const [severity, setSeverity] = useState<ComplaintSeverity | undefined>();
  const [overdue, setOverdue] = useState(false);
  const list = useApiQuery('complaints:list', { step, severity, overdue: overdue || undefined, customerId: customerId ?? undefined });
  const columns: TableProps<Complaint>['columns'] = [
    {
      key: 'customer',
      title: t('complaints.field.customer'),
      render: (_, c) => (
        <Flex vertical>
          <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
          {c.contractNo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.contractNo}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'summary',
      title: t('complaints.field.summary'),
      render: (_, c) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpen(c.id)}>
          {c.summary}
        </Button>
      ),
    },
    { key: 'category', title: t('complaints.field.category'), onCell: nowrap, render: (_, c) => c.category },
    { key: 'severity', title: t('complaints.field.severity'), onCell: nowrap, render: (_, c) => <ComplaintSeverityTag severity={c.severity} /> },
    { key: 'step', title: t('complaints.field.step'), onCell: nowrap, render: (_, c) => <ComplaintStepTag step={c.step} /> },
    { key: 'handler', title: t('complaints.field.handler'), onCell: nowrap, render: (_, c) => c.handlerName },
    {
      key: 'due',
      title: t('complaints.field.dueAt'),
      onCell: nowrap,
      render: (_, c) => (
        <Space size={4}>
          {formatInstant(c.dueAt, true)}
          {c.overdue ? <OverdueTag /> : null}
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Select<ComplaintStep>
          aria-label={t('complaints.filter.step')}
          placeholder={t('complaints.filter.step')}
          allowClear
          style={{ width: 130 }}
          value={step}
          onChange={setStep}
          options={COMPLAINT_STEPS.map((s) => ({ value: s, label: t(`complaints.step.${s}`) }))}
        />
        <Select<ComplaintSeverity>
          aria-label={t('complaints.filter.severity')}
          placeholder={t('complaints.filter.severity')}
          allowClear
          style={{ width: 130 }}
          value={severity}
          onChange={setSeverity}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t('complaints.filter.overdue')}
        </Checkbox>
        <Button type="primary" onClick={onNew} style={{ marginInlineStart: 'auto' }}>
          {t('complaints.new')}
        </Button>
      </Flex>
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Complaint>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('complaints.empty')}><Typography.Text type="secondary">{t('complaints.emptyHint')}</Typography.Text></Empty> }}
      />
    </Flex>
  );
}
