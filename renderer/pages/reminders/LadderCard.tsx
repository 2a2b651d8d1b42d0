import { App, Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { TIERS, type Tier } from '../../../shared/domain/enums.ts';
import { labelOf, tierLabels } from '../../../shared/i18n/enumLabels.ts';
import { computeLadder, DEFAULT_LADDERS, describeStep, normalizeSteps, stepsProblem } from '../../../shared/reminders/reminderLadder.ts';
import { buildWorkingDayCalendar } from '../../../shared/reminders/workingDays.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../format/dates.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { todayIso } from '../../format/dates.ts';

const calendar = buildWorkingDayCalendar();

/** Ladders per tier, with a live preview of the dates they give for an end date the user picks. */
export function LadderCard({ settings }: { settings: ReminderSettings }) {
  const { message } = App.useApp();
  const [ladders, setLadders] = useState<Record<Tier, number[]>>(settings.ladders);
  const [tier, setTier] = useState<Tier>('vip');
  const [endsOn, setEndsOn] = useState(addDaysIso(todayIso(), 120));
  const save = useApiMutation('reminders:setSettings');
  useEffect(() => setLadders(settings.ladders), [settings.ladders]);

  const problem = TIERS.map((t) => stepsProblem(ladders[t])).find((p) => p !== null) ?? null;
  const preview = useMemo(
    () => (stepsProblem(ladders[tier]) ? [] : computeLadder(endsOn, ladders[tier], { timeOfDay: settings.timeOfDay, shiftToWorkingDay: settings.shiftToWorkingDay }, calendar)),
    [ladders, tier, endsOn, settings.timeOfDay, settings.shiftToWorkingDay],
  );

  return (
    <Card title="提醒阶梯（按客户等级）" extra={<Button type="primary" disabled={problem !== null} loading={save.isPending} onClick={() => save.mutate({ ladders }, { onSuccess: () => void message.success('提醒阶梯已保存，所有待提醒的节点已重新计算') })}>保存阶梯</Button>}>
      <Typography.Paragraph type="secondary">
        数字表示到期前多少天提醒：30 即到期前 30 天，0 为到期当天，−1 为到期后 1 天。单份合同可在续约页单独设置。
      </Typography.Paragraph>
      {TIERS.map((t) => (
        <Flex key={t} align="center" gap={12} style={{ marginBottom: 12 }}>
          <span style={{ width: 48 }}>{labelOf(tierLabels, t)}</span>
          <Select<string[]>
            mode="tags"
            aria-label={`${labelOf(tierLabels, t)} 提醒节点`}
            style={{ flex: 1 }}
            value={ladders[t].map(String)}
            onChange={(values) => setLadders((l) => ({ ...l, [t]: normalizeSteps(values.map(Number).filter((n) => Number.isFinite(n))) }))}
            tokenSeparators={[',', '，', ' ', '/']}
            options={[90, 60, 30, 15, 7, 3, 1, 0, -1, -3, -7].map((n) => ({ value: String(n), label: describeStep(n) }))}
          />
          <Button size="small" onClick={() => setLadders((l) => ({ ...l, [t]: [...DEFAULT_LADDERS[t]] }))}>
            恢复默认
          </Button>
        </Flex>
      ))}
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
      <Flex gap={8} align="center" wrap style={{ margin: '12px 0' }}>
        <Typography.Text strong>预览：</Typography.Text>
        <Select<Tier> value={tier} onChange={setTier} style={{ width: 100 }} options={TIERS.map((t) => ({ value: t, label: labelOf(tierLabels, t) }))} />
        <span>客户的合同于</span>
        <DatePicker format={DATE_FORMAT} value={toDayjs(endsOn)} allowClear={false} onChange={(d) => setEndsOn(fromDayjs(d) ?? endsOn)} />
        <span>到期时，将在以下时间提醒你：</span>
      </Flex>
      <Table
        size="small"
        pagination={false}
        rowKey="step"
        dataSource={preview}
        columns={[
          { title: '节点', dataIndex: 'step', render: (s: number) => <Tag>{describeStep(s)}</Tag> },
          { title: '提醒日期', dataIndex: 'localDate', render: (d: string, r) => (d === addDaysIso(r.occurrenceDate, -r.step) ? d : <span>{d}（已顺延到工作日）</span>) },
          { title: '时间', dataIndex: 'timeOfDay' },
        ]}
      />
    </Card>
  );
}
