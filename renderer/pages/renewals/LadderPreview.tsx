import { Popover, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { LadderPreview as Preview } from '../../../shared/api/reminders.contract.ts';
import { describeStep } from '../../../shared/reminders/reminderLadder.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';

const STATUS: Record<Preview['steps'][number]['status'], { text: string; color: string }> = {
  pending: { text: '待提醒', color: 'blue' },
  snoozed: { text: '已推迟', color: 'purple' },
  fired: { text: '已提醒', color: 'green' },
  superseded: { text: '已合并', color: 'default' },
  done: { text: '已完成', color: 'default' },
};

/** "This contract will remind you on …": every step with its date and what happened to it. */
export function LadderSteps({ contractId }: { contractId: string }) {
  const preview = useApiQuery('reminders:preview', { contractId });
  if (preview.isPending) return <Spin size="small" />;
  if (!preview.data) return <Typography.Text type="danger">{preview.error?.message}</Typography.Text>;
  if (preview.data.inactiveReason) return <Typography.Text type="secondary">{preview.data.inactiveReason}</Typography.Text>;
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16, minWidth: 300 }}
      items={preview.data.steps.map((s) => ({
        color: s.status === 'pending' ? 'blue' : s.status === 'fired' ? 'green' : 'gray',
        content: (
          <span>
            {formatInstant(s.dueAt, true)} · {describeStep(s.step)} <Tag color={STATUS[s.status].color}>{STATUS[s.status].text}</Tag>
          </span>
        ),
      }))}
    />
  );
}

export function LadderPreviewPopover({ contractId, children }: { contractId: string; children: ReactNode }) {
  return (
    <Popover title="这份合同将在以下时间提醒你" trigger="click" content={<LadderSteps contractId={contractId} />} destroyOnHidden>
      {children}
    </Popover>
  );
}
