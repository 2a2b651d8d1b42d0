import { App, Button, Card, InputNumber, Popconfirm, Select, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { VISIT_PERIODS, type VisitPeriod } from '../../../shared/domain/visitPlan.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { TierTag } from '../../components/TierTag.tsx';
import { useTiers } from '../../hooks/useTiers.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

interface Row {
  tierCode: string;
  period: VisitPeriod | null;
  visits: number;
}

/** 服务标准: per tier, a period and the visits per period ("VIP 每月 1 次"); a tier without one plans no visits. */
export function StandardsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tiers = useTiers();
  const standards = useApiQuery('visits:standards', {});
  const undoNotice = useUndoNotice('visits:undo', { undo: 'common.undo', undone: 'visits.undone' });
  const [edits, setEdits] = useState<Record<string, Row>>({});
  const rows: Row[] = tiers.tiers.map((tier) => {
    const s = standards.data?.items.find((i) => i.tierCode === tier.code);
    return edits[tier.code] ?? { tierCode: tier.code, period: s?.period ?? null, visits: s?.visits ?? 1 };
  });
  const edit = (row: Row, patch: Partial<Row>) => setEdits((e) => ({ ...e, [row.tierCode]: { ...row, ...patch } }));
  const forget = (code: string) => setEdits(({ [code]: _, ...rest }) => rest);
  const save = (row: Row) =>
    row.period &&
    void invoke('visits:setStandard', { tierCode: row.tierCode, period: row.period, visits: row.visits }).then(
      (r) => {
        forget(row.tierCode);
        undoNotice(t('visits.standardSaved', { tier: tiers.label(row.tierCode) }), r.undoToken);
      },
      (e: Error) => void message.error(e.message),
    );
  const remove = (row: Row) =>
    void invoke('visits:removeStandard', { tierCode: row.tierCode }).then(
      (r) => {
        forget(row.tierCode);
        undoNotice(t('visits.standardRemoved', { tier: tiers.label(row.tierCode) }), r.undoToken);
      },
      (e: Error) => void message.error(e.message),
    );
  const columns: TableProps<Row>['columns'] = [
    { key: 'tier', title: t('visits.column.tier'), render: (_, r) => <TierTag tier={r.tierCode} /> },
    {
      key: 'period',
      title: t('visits.column.period'),
      render: (_, r) => (
        <Select<VisitPeriod>
          aria-label={t('visits.periodOf', { tier: tiers.label(r.tierCode) })}
          style={{ width: 120 }}
          value={r.period ?? undefined}
          placeholder={t('visits.noStandard')}
          onChange={(period) => edit(r, { period })}
          options={VISIT_PERIODS.map((p) => ({ value: p, label: t(`visits.every.${p}`) }))}
        />
      ),
    },
    {
      key: 'visits',
      title: t('visits.column.visits'),
      render: (_, r) => (
        <InputNumber
          aria-label={t('visits.visitsOf', { tier: tiers.label(r.tierCode) })}
          min={1}
          max={10}
          precision={0}
          value={r.visits}
          onChange={(v) => edit(r, { visits: v ?? 1 })}
          style={{ width: 80 }}
        />
      ),
    },
    {
      key: 'actions',
      title: t('visits.column.actions'),
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="primary" disabled={!edits[r.tierCode] || r.period === null} onClick={() => save(r)}>
            {t('common.save')}
          </Button>
          {standards.data?.items.some((i) => i.tierCode === r.tierCode) ? (
            <Popconfirm title={t('visits.standardRemoveConfirm')} okText={t('visits.standardRemove')} cancelText={t('common.cancel')} onConfirm={() => remove(r)}>
              <Button size="small">{t('visits.standardRemove')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={t('visits.standards')} className="no-print" style={{ marginBottom: 16 }}>
      <Table<Row> rowKey="tierCode" size="small" columns={columns} dataSource={rows} pagination={false} loading={standards.isPending} />
    </Card>
  );
}
