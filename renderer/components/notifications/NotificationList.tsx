import { BellOutlined, CheckOutlined, ClockCircleOutlined, ExportOutlined, MessageOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '../../../shared/api/reminders.contract.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { describeStep } from '../../../shared/reminders/reminderLadder.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useState } from 'react';
import type { MessageKind } from '../../../shared/messages/customerMessages.ts';
import { CustomerMessageDialog, type MessageRequest } from '../messages/CustomerMessageDialog.tsx';
import { NotificationMailLines } from './NotificationMailLines.tsx';

const KIND_LABEL: Record<NotificationItem['kind'], { text: MessageKey; color: string }> = {
  expiry: { text: 'notifications.kindExpiry', color: 'orange' },
  birthday: { text: 'notifications.kindBirthday', color: 'magenta' },
  followup: { text: 'notifications.kindFollowup', color: 'blue' },
  remind: { text: 'notifications.kindRemind', color: 'gold' },
  summary: { text: 'notifications.kindSummary', color: 'purple' },
  payment: { text: 'notifications.kindPayment', color: 'red' },
  complaint: { text: 'notifications.kindComplaint', color: 'volcano' },
  holiday: { text: 'notifications.kindHoliday', color: 'magenta' },
  survey: { text: 'notifications.kindSurvey', color: 'cyan' },
};

/** The messages to the customer a reminder can give (issue 14): the first is the one it opens with. */
const MESSAGE_KINDS_OF: Partial<Record<NotificationItem['kind'], MessageKind[]>> = {
  expiry: ['expiry', 'offer'],
  remind: ['expiry', 'offer'],
  birthday: ['birthday'],
  holiday: ['holiday'],
  followup: ['survey', 'offer'],
};

interface Props {
  items: NotificationItem[];
  loading: boolean;
  /** Called after "open" navigates, so a drawer can close itself. */
  onNavigate?: () => void;
}

/** Each reminder the scheduler recorded, with snooze / done / open. */
export function NotificationList({ items, loading, onNavigate }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const snooze = useApiMutation('reminders:snooze');
  const done = useApiMutation('reminders:done');
  const open = useApiMutation('notifications:open');
  const [writing, setWriting] = useState<{ request: MessageRequest; kinds: MessageKind[] } | null>(null);

  const snoozeTo = (item: NotificationItem, until: string | undefined) =>
    snooze.mutate(
      { reminderId: item.reminderId!, ...(until ? { until } : {}) },
      {
        onSuccess: (r) => void message.success(t('notifications.snoozed', { at: formatInstant(r.dueAt, true) })),
        onError: (e) => void message.error(errorMessageOf(e, t)),
      },
    );

  return (
    <>
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
      renderItem={(item) => (
        <List.Item
          data-testid="notification-item"
          style={{ background: item.readAt ? undefined : '#f0f7ff', paddingInline: 12, borderRadius: 6, marginBottom: 4 }}
          actions={[
            ...(MESSAGE_KINDS_OF[item.kind] && item.reminderId && !item.subjectGone
              ? [
                  <Button
                    key="message"
                    size="small"
                    icon={<MessageOutlined />}
                    data-testid="notification-message"
                    onClick={() => {
                      const kinds = MESSAGE_KINDS_OF[item.kind]!;
                      setWriting({ request: { reminderId: item.reminderId!, kind: kinds[0] }, kinds });
                    }}
                  >
                    {t('messages.open')}
                  </Button>,
                ]
              : []),
            <Dropdown
              key="snooze"
              disabled={!item.actionable || !item.reminderId}
              menu={{
                items: [
                  { key: '1h', label: t('notifications.inOneHour') },
                  { key: 'tomorrow', label: t('notifications.tomorrowNine') },
                  { key: 'workday', label: t('notifications.nextWorkingDay') },
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
                {t('notifications.snooze')}
              </Button>
            </Dropdown>,
            <Button
              key="done"
              size="small"
              icon={<CheckOutlined />}
              disabled={!item.actionable || !item.reminderId}
              onClick={() => done.mutate({ reminderId: item.reminderId! }, { onSuccess: () => void message.success(t('notifications.doneMessage')) })}
            >
              {t('notifications.done')}
            </Button>,
            <Button
              key="open"
              size="small"
              type="link"
              icon={<ExportOutlined />}
              disabled={item.subjectGone}
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
              {t('notifications.open')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            avatar={<BellOutlined style={{ fontSize: 18, color: item.readAt ? '#bfbfbf' : '#1668dc', marginTop: 4 }} />}
            title={
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                <Tag color={KIND_LABEL[item.kind].color}>{t(KIND_LABEL[item.kind].text)}</Tag>
                {item.step !== null ? <Tag>{describeStep(item.step, t)}</Tag> : null}
              </Flex>
            }
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>
                {item.subjectGone ? (
                  <Typography.Paragraph type="warning" style={{ marginBottom: 4 }}>
                    {t('notifications.subjectGone')}
                  </Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('notifications.timing', { fired: formatInstant(item.firedAt, true), due: formatInstant(item.dueAt, true) })}
                  {' · '}
                  {item.deliveredAt ? t('notifications.delivered') : t('notifications.notDelivered')}
                </Typography.Text>
                <NotificationMailLines mail={item.mail} />
              </>
            }
          />
        </List.Item>
      )}
    />
    <CustomerMessageDialog request={writing?.request ?? null} kinds={writing?.kinds} onClose={() => setWriting(null)} />
    </>
  );
}
