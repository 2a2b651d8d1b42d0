import { BellOutlined, CheckOutlined, ClockCircleOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '../../../shared/api/reminders.contract.ts';
import { describeStep } from '../../../shared/reminders/reminderLadder.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';

const KIND_LABEL: Record<NotificationItem['kind'], { text: string; color: string }> = {
  expiry: { text: '到期提醒', color: 'orange' },
  birthday: { text: '生日关怀', color: 'magenta' },
  followup: { text: '跟进提醒', color: 'blue' },
};

interface Props {
  items: NotificationItem[];
  loading: boolean;
  /** Called after "open" navigates, so a drawer can close itself. */
  onNavigate?: () => void;
}

/** Each reminder the scheduler recorded, with snooze / done / open. */
export function NotificationList({ items, loading, onNavigate }: Props) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const snooze = useApiMutation('reminders:snooze', ['notifications', 'renewals']);
  const done = useApiMutation('reminders:done', ['notifications', 'renewals']);
  const open = useApiMutation('notifications:open', ['notifications']);

  const snoozeTo = (item: NotificationItem, until: string | undefined) =>
    snooze.mutate(
      { reminderId: item.reminderId!, ...(until ? { until } : {}) },
      {
        onSuccess: (r) => void message.success(`已推迟到 ${formatInstant(r.dueAt, true)}，届时会再次提醒`),
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无提醒。到期提醒会按设置的时间出现在这里。" /> }}
      renderItem={(item) => (
        <List.Item
          data-testid="notification-item"
          style={{ background: item.readAt ? undefined : '#f0f7ff', paddingInline: 12, borderRadius: 6, marginBottom: 4 }}
          actions={[
            <Dropdown
              key="snooze"
              disabled={!item.actionable || !item.reminderId}
              menu={{
                items: [
                  { key: '1h', label: '1 小时后' },
                  { key: 'tomorrow', label: '明天 09:00' },
                  { key: 'workday', label: '下一个工作日' },
                ],
                onClick: ({ key }) =>
                  snoozeTo(
                    item,
                    key === '1h'
                      ? dayjs().add(1, 'hour').toISOString()
                      : key === 'tomorrow'
                        ? dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0).toISOString()
                        : undefined,
                  ),
              }}
            >
              <Button size="small" icon={<ClockCircleOutlined />} disabled={!item.actionable || !item.reminderId}>
                推迟
              </Button>
            </Dropdown>,
            <Button
              key="done"
              size="small"
              icon={<CheckOutlined />}
              disabled={!item.actionable || !item.reminderId}
              onClick={() => done.mutate({ reminderId: item.reminderId! }, { onSuccess: () => void message.success('已完成，该节点不再提醒') })}
            >
              完成
            </Button>,
            <Button
              key="open"
              size="small"
              type="link"
              icon={<ExportOutlined />}
              onClick={() =>
                open.mutate(
                  { id: item.id },
                  {
                    onSuccess: (r) => {
                      if (r.subjectUrl) void navigate(r.subjectUrl);
                      onNavigate?.();
                    },
                  },
                )
              }
            >
              打开
            </Button>,
          ]}
        >
          <List.Item.Meta
            avatar={<BellOutlined style={{ fontSize: 18, color: item.readAt ? '#bfbfbf' : '#1668dc', marginTop: 4 }} />}
            title={
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                <Tag color={KIND_LABEL[item.kind].color}>{KIND_LABEL[item.kind].text}</Tag>
                {item.step !== null ? <Tag>{describeStep(item.step)}</Tag> : null}
              </Flex>
            }
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatInstant(item.firedAt, true)} 提醒 · 应提醒时间 {formatInstant(item.dueAt, true)}
                  {item.deliveredAt ? ' · 已推送到系统通知' : ' · 系统通知未送达'}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
