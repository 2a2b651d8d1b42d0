import { CheckCircleOutlined, DeleteOutlined, SyncOutlined, EnvironmentOutlined, MailOutlined, MessageOutlined, MobileOutlined, PhoneOutlined, WechatOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FollowUp } from '../../../shared/api/followUps.contract.ts';
import type { RenewalEvent } from '../../../shared/api/renewals.contract.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { renewalStageLabels, type Locale } from '../../../shared/i18n/enumLabels.ts';
import type { FollowUpChannel, FollowUpKind } from '../../../shared/domain/enums.ts';
import { followUpChannelLabels, followUpKindLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { daysFromToday, formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ComplaintFromFollowUp } from '../complaints/ComplaintFromFollowUp.tsx';

const CHANNEL_ICONS: Record<FollowUpChannel, ReactNode> = {
  phone: <PhoneOutlined />,
  wechat: <WechatOutlined />,
  visit: <EnvironmentOutlined />,
  email: <MailOutlined />,
  sms: <MobileOutlined />,
  other: <MessageOutlined />,
};
const KIND_COLORS: Record<FollowUpKind, string> = { revisit: 'green', renewal: 'blue', complaint: 'red', inquiry: 'cyan', ticket: 'orange', other: 'gray' };

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

const EVENT_COLORS: Record<RenewalEvent['toStage'], string> = { renewed: 'blue', lost: 'volcano', pending: 'purple', contacted: 'purple', negotiating: 'purple' };

function eventText(t: Translate, locale: Locale, e: RenewalEvent): string {
  if (e.toStage === 'renewed') return t('timeline.renewed', { contractNo: e.contractNo });
  if (e.toStage === 'lost') return e.lostReason ? t('timeline.lost', { contractNo: e.contractNo, reason: e.lostReason }) : t('timeline.lostNoReason', { contractNo: e.contractNo });
  return t('timeline.stageChanged', {
    contractNo: e.contractNo,
    from: labelOf(renewalStageLabels, e.fromStage ?? 'pending', locale),
    to: labelOf(renewalStageLabels, e.toStage, locale),
  });
}

/** A renewal, a loss or a stage change, shown among the follow-ups (it has no channel and cannot be deleted here). */
function eventItem(t: Translate, locale: Locale, e: RenewalEvent) {
  return {
    key: `renewal-${e.contractId}-${e.at}-${e.toStage}`,
    color: EVENT_COLORS[e.toStage],
    icon: <SyncOutlined />,
    content: (
      <Flex vertical gap={4} className="renewal-event">
        <Flex align="center" gap={6} wrap>
          <Tag color={EVENT_COLORS[e.toStage]} style={{ marginInlineEnd: 0 }}>
            {t('timeline.renewalTag')}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(e.at, true)}
          </Typography.Text>
        </Flex>
        <Typography.Text>{eventText(t, locale, e)}</Typography.Text>
        {e.lostNote ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
            {e.lostNote}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  };
}

/** Follow-ups, newest first, with the customer's renewal events (when given) in among them by time. */
export function FollowUpTimeline({ items, events = [] }: { items: FollowUp[]; events?: RenewalEvent[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const remove = useApiMutation('followups:delete');

  if (items.length === 0 && events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUp.empty')} />;

  const merged: ({ at: string; followUp: FollowUp } | { at: string; event: RenewalEvent })[] = [
    ...items.map((f) => ({ at: f.at, followUp: f })),
    ...events.map((e) => ({ at: e.at, event: e })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  return (
    <Timeline
      items={merged.map((entry) => ('event' in entry ? eventItem(t, locale, entry.event) : followUpItem(entry.followUp)))}
    />
  );

  function followUpItem(f: FollowUp) {
    return {
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
            {f.kind === 'complaint' ? <ComplaintFromFollowUp followUp={f} /> : null}
          </Flex>
        </Flex>
      ),
    };
  }
}
