import { App, Button, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../../shared/domain/enums.ts';
import { followUpChannelLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { DATE_FORMAT, fromDayjs } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useDimensionLabel, useSurveyDimensions } from './useSurveyDimensions.ts';

type Row = ApiOutput<'surveys:campaign'>['rows'][number];
type Draft = { scores: Record<string, string>; comment: string };

/**
 * The fast grid: a row per customer of the campaign, a cell per dimension. A digit 1–5 fills the cell and moves to
 * the next one; Tab and Shift+Tab move as usual; Enter saves the row and goes to the next row's first cell.
 */
export function CampaignGrid({ campaignId }: { campaignId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const campaign = useApiQuery('surveys:campaign', { id: campaignId });
  const { active } = useSurveyDimensions();
  const label = useDimensionLabel();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [channel, setChannel] = useState<FollowUpChannel>('phone');
  const [onDate, setOnDate] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  if (campaign.isError) return <QueryErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const rows = campaign.data?.rows ?? [];
  const date = onDate ?? campaign.data?.campaign.onDate ?? null;
  const columns = active.length + 1;

  const focusCell = (row: number, col: number) => grid.current?.querySelector<HTMLInputElement>(`[data-cell="${row}-${col}"]`)?.focus();
  const draftOf = (r: Row): Draft => drafts[r.taskId] ?? { scores: {}, comment: '' };
  const setDraft = (r: Row, d: Draft) => setDrafts((all) => ({ ...all, [r.taskId]: d }));

  const save = async (r: Row, index: number) => {
    const d = draftOf(r);
    const scores = Object.fromEntries(Object.entries(d.scores).filter(([, v]) => /^[1-5]$/.test(v)).map(([k, v]) => [k, Number(v)]));
    if (Object.keys(scores).length === 0) {
      void message.warning(t('surveys.gridNoScores'));
      return;
    }
    setSaving(r.taskId);
    try {
      await invoke('surveys:save', { customerId: r.customerId, campaignId, onDate: date ?? '', channel, scores, comment: d.comment || null });
      void message.success(t('surveys.gridSaved', { customer: r.customerName }));
      focusCell(index + 1, 0);
    } catch (e) {
      void message.error(errorMessageOf(e, t));
    } finally {
      setSaving(null);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: Row, row: number, col: number) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save(r, row);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusCell(row + 1, col);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusCell(row - 1, col);
    }
  };

  const scoreCell = (r: Row, row: number, col: number, dimensionId: string) => {
    const d = draftOf(r);
    return (
      <Input
        data-cell={`${row}-${col}`}
        aria-label={t('surveys.gridCell', { customer: r.customerName, dimension: label(active[col]) })}
        value={d.scores[dimensionId] ?? ''}
        disabled={r.surveyId !== null}
        inputMode="numeric"
        style={{ width: 48, textAlign: 'center' }}
        onKeyDown={(e) => onKey(e, r, row, col)}
        onChange={(e) => {
          const digit = e.target.value.replace(/[^1-5]/g, '').slice(-1);
          setDraft(r, { ...d, scores: { ...d.scores, [dimensionId]: digit } });
          if (digit) focusCell(row, col + 1);
        }}
      />
    );
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('surveys.date')}</Typography.Text>
        <DatePicker aria-label={t('surveys.date')} format={DATE_FORMAT} allowClear={false} value={date ? dayjs(date) : null} onChange={(v) => setOnDate(fromDayjs(v))} />
        <Typography.Text>{t('surveys.channel')}</Typography.Text>
        <Select<FollowUpChannel>
          aria-label={t('surveys.channel')}
          style={{ width: 110 }}
          value={channel}
          onChange={setChannel}
          options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: labelOf(followUpChannelLabels, c, locale) }))}
        />
        <Typography.Text type="secondary">{t('surveys.gridHint')}</Typography.Text>
      </Flex>
      <div ref={grid}>
        <Table<Row>
          size="small"
          rowKey="taskId"
          loading={campaign.isLoading}
          pagination={false}
          dataSource={rows}
          scroll={{ x: true }}
          columns={[
            { title: t('surveys.customer'), dataIndex: 'customerName' },
            { title: t('surveys.owner'), render: (_, r) => r.ownerName ?? t('surveys.noOwner') },
            ...active.map((d, col) => ({ key: d.id, title: label(d), render: (_: unknown, r: Row, row: number) => scoreCell(r, row, col, d.id) })),
            {
              title: t('surveys.comment'),
              render: (_, r, row) => (
                <Input
                  data-cell={`${row}-${columns - 1}`}
                  aria-label={t('surveys.gridComment', { customer: r.customerName })}
                  disabled={r.surveyId !== null}
                  value={draftOf(r).comment}
                  onKeyDown={(e) => onKey(e, r, row, columns - 1)}
                  onChange={(e) => setDraft(r, { ...draftOf(r), comment: e.target.value })}
                  style={{ minWidth: 160 }}
                />
              ),
            },
            {
              title: t('surveys.status'),
              render: (_, r, row) =>
                r.surveyId !== null ? (
                  <Tag color="green">{t('surveys.answered')}</Tag>
                ) : (
                  <Button size="small" loading={saving === r.taskId} onClick={() => void save(r, row)}>
                    {t('common.save')}
                  </Button>
                ),
            },
          ]}
        />
      </div>
    </Flex>
  );
}
