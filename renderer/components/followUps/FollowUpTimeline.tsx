import { CheckCircleOutlined, DeleteOutlined, EnvironmentOutlined, MailOutlined, MessageOutlined, PhoneOutlined, WechatOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FollowUp } from '../../../shared/api/followUps.contract.ts';
import type { FollowUpChannel, FollowUpKind } from '../../../shared/domain/enums.ts';
import { followUpChannelLabels, followUpKindLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { daysFromToday, formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const CHANNEL_ICONS: Record<FollowUpChannel, ReactNode> = {
  phone: <PhoneOutlined />,
  wechat: <WechatOutlined />,
  visit: <EnvironmentOutlined />,
  email: <MailOutlined />,
  other: <MessageOutlined />,
};
const KIND_COLORS: Record<FollowUpKind, string> = { revisit: 'green', renewal: 'blue', complaint: 'red', other: 'gray' };

function NextDate({ f }: { f: FollowUp }) {
  const { t } = useI18n();
  if (!f.nextFollowUpOn) return null;
  if (f.nextDoneAt) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <CheckCircleOutlined /> {t('followUp.nextDone', { date: f.nextFollowUpOn })}
      </Typography.Text>
    );
  }
  const days = daysFromToday(f.nextFollowUpOn);
  return (
    <Typography.Text type={days < 0 ? 'danger' : days === 0 ? 'warning' : undefined} style={{ fontSize: 12 }}>
      {t('followUp.nextOn', { date: f.nextFollowUpOn })}
    </Typography.Text>
  );
}

export function FollowUpTimeline({ items }: { items: FollowUp[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const remove = useApiMutation('followups:delete');

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUp.empty')} />;

  return (
    <Timeline
      items={items.map((f) => ({
        key: f.id,
        color: KIND_COLORS[f.kind],
        icon: CHANNEL_ICONS[f.channel],
        content: (
          <Flex vertical gap={4} className="follow-up-entry">
            <Flex justify="space-between" align="center" gap={8}>
              <Flex align="center" gap={6} wrap>
                <Tag color={KIND_COLORS[f.kind] === 'gray' ? 'default' : KIND_COLORS[f.kind]} style={{ marginInlineEnd: 0 }}>
                  {labelOf(followUpKindLabels, f.kind, locale)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {labelOf(followUpChannelLabels, f.channel, locale)} · {formatInstant(f.at, true)}
                  {f.ownerName ? ` · ${f.ownerName}` : ''}
                </Typography.Text>
              </Flex>
              <Popconfirm
                title={t('followUp.deleteConfirm')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate({ id: f.id }, { onError: (e) => void message.error(e.message) })}
              >
                <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('followUp.delete')} />
              </Popconfirm>
            </Flex>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{f.summary}</Typography.Paragraph>
            <Flex gap={12} wrap>
              <NextDate f={f} />
              {f.contractNo ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('followUp.contractRef', { number: f.contractNo })}
                </Typography.Text>
              ) : null}
            </Flex>
          </Flex>
        ),
      }))}
    />
  );
}
