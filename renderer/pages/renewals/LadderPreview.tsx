import { App, Button, Flex, Popover, Select, Spin, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { LadderPreview as Preview } from '../../../shared/api/reminders.contract.ts';
import { describeStep, normalizeSteps, stepsProblem } from '../../../shared/reminders/reminderLadder.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';

const STATUS: Record<Preview['steps'][number]['status'], { text: string; color: string }> = {
  pending: { text: '待提醒', color: 'blue' },
  snoozed: { text: '已推迟', color: 'purple' },
  fired: { text: '已提醒', color: 'green' },
  superseded: { text: '已合并', color: 'default' },
  done: { text: '已完成', color: 'default' },
};

/** "This contract will remind you on …": every step with its date and what happened to it. */
function LadderPanel({ contractId }: { contractId: string }) {
  const preview = useApiQuery('reminders:preview', { contractId });
  if (preview.isPending) return <Spin size="small" />;
  if (!preview.data) return <Typography.Text type="danger">{preview.error?.message}</Typography.Text>;
  if (preview.data.inactiveReason) return <Typography.Text type="secondary">{preview.data.inactiveReason}</Typography.Text>;
  return (
    <>
      <LadderSteps steps={preview.data.steps} />
      <LadderOverride contractId={contractId} override={preview.data.overrideSteps} />
    </>
  );
}

function LadderSteps({ steps }: { steps: Preview['steps'] }) {
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16, minWidth: 300 }}
      items={steps.map((s) => ({
        color: s.status === 'pending' ? 'blue' : s.status === 'fired' ? 'green' : 'gray',
        content: (
          <span>
            {formatInstant(s.dueAt, true)} · {describeStep(s.step)}{' '}
            {s.status === 'pending' && Date.parse(s.dueAt) <= Date.now() ? (
              // Due while nothing was running: the next tick (within a minute) catches it up.
              <Tag color="orange">待补发</Tag>
            ) : (
              <Tag color={STATUS[s.status].color}>{STATUS[s.status].text}</Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}

/** A contract's own ladder, overriding its tier's; cleared, the tier's ladder applies again. */
function LadderOverride({ contractId, override }: { contractId: string; override: number[] | null }) {
  const { message } = App.useApp();
  const [steps, setSteps] = useState<number[]>(override ?? []);
  const save = useApiMutation('reminders:setContractLadder');
  useEffect(() => setSteps(override ?? []), [override]);
  const problem = steps.length > 0 ? stepsProblem(steps) : null;
  return (
    <Flex vertical gap={6} style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">本合同单独设置提醒节点（留空则按客户等级）：</Typography.Text>
      <Flex gap={6}>
        <Select<string[]>
          mode="tags"
          size="small"
          aria-label="本合同提醒节点"
          style={{ minWidth: 220, flex: 1 }}
          value={steps.map(String)}
          tokenSeparators={[',', '，', ' ', '/']}
          onChange={(v) => setSteps(normalizeSteps(v.map(Number).filter((n) => Number.isFinite(n))))}
        />
        <Button
          size="small"
          disabled={problem !== null}
          onClick={() =>
            save.mutate(
              { contractId, steps: steps.length > 0 ? steps : null },
              { onSuccess: () => void message.success(steps.length > 0 ? '已为本合同单独设置提醒节点' : '已恢复按客户等级提醒'), onError: (e) => void message.error(e.message) },
            )
          }
        >
          保存
        </Button>
      </Flex>
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
    </Flex>
  );
}

export function LadderPreviewPopover({ contractId, children }: { contractId: string; children: ReactNode }) {
  return (
    <Popover title="这份合同将在以下时间提醒你" trigger="click" content={<LadderPanel contractId={contractId} />} destroyOnHidden>
      {children}
    </Popover>
  );
}
