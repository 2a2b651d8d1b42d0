import { App, Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { isBuiltinTier, type Tier } from '../../../shared/domain/enums.ts';
import { computeLadder, DEFAULT_LADDERS, describeStep, normalizeSteps, stepsProblem } from '../../../shared/reminders/reminderLadder.ts';
import { buildWorkingDayCalendar } from '../../../shared/reminders/workingDays.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { DATE_FORMAT, fromDayjs, PICKER_DATE_RANGE, todayIso, toDayjs } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { STEP_SEPARATORS } from '../../../shared/domain/typedInput.ts';

const calendar = buildWorkingDayCalendar();
const STEP_CHOICES = [90, 60, 30, 15, 7, 3, 1, 0, -1, -3, -7];

/** Ladders per tier, with a live preview of the dates they give for an end date the user picks. */
export function LadderCard({ settings }: { settings: ReminderSettings }) {
  const { t } = useI18n();
  const { tiers, label: tierName, options: tierOptions } = useTiers();
  const codes = tiers.map((x) => x.code);
  const { message } = App.useApp();
  const [ladders, setLadders] = useState<ReminderSettings['ladders']>(settings.ladders);
  const [tier, setTier] = useState<Tier>('vip');
  const [endsOn, setEndsOn] = useState(addDaysIso(todayIso(), 120));
  const save = useApiMutation('reminders:setSettings');
  useEffect(() => setLadders(settings.ladders), [settings.ladders]);

  // A tier the table added after the settings were read starts with 普通's ladder, as the service gives it.
  const stepsOf = (x: Tier) => ladders[x] ?? ladders.normal;
  const problem = codes.map((x) => stepsProblem(stepsOf(x), t)).find((p) => p !== null) ?? null;
  const preview = useMemo(
    () => (stepsProblem(ladders[tier] ?? ladders.normal) ? [] : computeLadder(endsOn, ladders[tier] ?? ladders.normal, { timeOfDay: settings.timeOfDay, shiftToWorkingDay: settings.shiftToWorkingDay }, calendar)),
    [ladders, tier, endsOn, settings.timeOfDay, settings.shiftToWorkingDay],
  );

  return (
    <Card
      title={t('ladder.cardTitle')}
      extra={
        <Button
          type="primary"
          disabled={problem !== null}
          loading={save.isPending}
          onClick={() => save.mutate({ ladders }, { onSuccess: () => void message.success(t('ladder.saved')) })}
        >
          {t('ladder.save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('ladder.explain')}</Typography.Paragraph>
      {codes.map((x) => (
        <Flex key={x} align="center" gap={12} style={{ marginBottom: 12 }}>
          <span style={{ width: 72 }}>{tierName(x)}</span>
          <Select<string[]>
            mode="tags"
            aria-label={t('ladder.stepsOf', { tier: tierName(x) })}
            style={{ flex: 1 }}
            value={stepsOf(x).map(String)}
            onChange={(values) => setLadders((l) => ({ ...l, [x]: normalizeSteps(values.map(Number).filter((n) => Number.isFinite(n))) }))}
            tokenSeparators={[...STEP_SEPARATORS]}
            options={STEP_CHOICES.map((n) => ({ value: String(n), label: describeStep(n, t) }))}
          />
          <Button size="small" onClick={() => setLadders((l) => ({ ...l, [x]: [...DEFAULT_LADDERS[isBuiltinTier(x) ? x : 'normal']] }))}>
            {t('common.resetDefault')}
          </Button>
        </Flex>
      ))}
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
      <Flex gap={8} align="center" wrap style={{ margin: '12px 0' }}>
        <Typography.Text strong>{t('ladder.preview')}</Typography.Text>
        <Select<Tier>
          value={tier}
          onChange={setTier}
          aria-label={t('ladder.previewTier')}
          style={{ width: 110 }}
          options={tierOptions}
        />
        <span>{t('ladder.previewBefore')}</span>
        <DatePicker
          format={DATE_FORMAT}
          value={toDayjs(endsOn)}
          allowClear={false}
          aria-label={t('ladder.previewEndsOn')}
          {...PICKER_DATE_RANGE}
          onChange={(d) => setEndsOn(fromDayjs(d) ?? endsOn)}
        />
        <span>{t('ladder.previewAfter')}</span>
      </Flex>
      <Table
        size="small"
        pagination={false}
        rowKey="step"
        dataSource={preview}
        columns={[
          { title: t('ladder.colStep'), dataIndex: 'step', render: (s: number) => <Tag>{describeStep(s, t)}</Tag> },
          {
            title: t('ladder.colDate'),
            dataIndex: 'localDate',
            render: (d: string, r) => (d === addDaysIso(r.occurrenceDate, -r.step) ? d : <span>{t('ladder.shifted', { date: d })}</span>),
          },
          { title: t('ladder.colTime'), dataIndex: 'timeOfDay' },
        ]}
      />
    </Card>
  );
}
