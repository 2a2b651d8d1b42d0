import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Radio, Segmented, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiInput } from '../../../shared/api/apiContract.ts';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../../shared/domain/enums.ts';
import { followUpChannelLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import type { MessageKind } from '../../../shared/messages/customerMessages.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

export type MessageRequest = ApiInput<'messages:render'>;

interface Props {
  /** What to write; null keeps the dialog closed. */
  request: MessageRequest | null;
  /** Kinds the user may switch between (an expiry reminder may become a renewal offer). */
  kinds?: readonly MessageKind[];
  onClose: () => void;
}

/**
 * A message to the customer, rendered from the tier's template: editable, copied in one click for WeChat or an
 * SMS, then marked 已发送, which logs a follow-up by the chosen channel and closes the reminder it came from.
 */
export function CustomerMessageDialog({ request, kinds, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<MessageKind | undefined>(undefined);
  const input: MessageRequest = { ...(request ?? {}), ...(kind ? { kind } : {}) };
  const rendered = useApiQuery('messages:render', input, { enabled: request !== null });
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<FollowUpChannel>('wechat');
  const sent = useApiMutation('messages:markSent', {
    onSuccess: (r) => {
      const name = labelOf(followUpChannelLabels, channel, locale);
      void message.success(t(r.reminderClosed ? 'messages.sentDone' : 'messages.sentLogged', { channel: name }));
      close();
    },
    onError: (e) => void message.error(errorMessageOf(e, t)),
  });
  useEffect(() => {
    if (rendered.data) setText(rendered.data.text);
  }, [rendered.data]);

  const close = () => {
    setKind(undefined);
    onClose();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('messages.copied'));
    } catch {
      void message.error(t('messages.copyFailed'));
    }
  };
  const data = rendered.data;
  const current = kind ?? data?.kind;

  return (
    <Modal
      open={request !== null}
      title={data ? `${t('messages.dialogTitle')} · ${data.customerName}` : t('messages.dialogTitle')}
      onCancel={close}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button icon={<CopyOutlined />} disabled={!data || text.trim() === ''} onClick={() => void copy()} data-testid="message-copy">
            {t('messages.copy')}
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!data || text.trim() === ''}
            loading={sent.isPending}
            data-testid="message-mark-sent"
            onClick={() =>
              data &&
              sent.mutate({
                customerId: data.customerId,
                contractId: data.contractId,
                kind: data.kind,
                channel,
                messageText: text.trim(),
                ...(request?.reminderId ? { reminderId: request.reminderId } : {}),
              })
            }
          >
            {t('messages.markSent')}
          </Button>
        </Flex>
      }
    >
      {kinds && kinds.length > 1 && current ? (
        <Segmented<MessageKind>
          aria-label={t('messages.kindPick')}
          style={{ marginBottom: 12 }}
          value={current}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: t(`messages.kind.${k}`) }))}
        />
      ) : null}
      {rendered.isError ? <Alert type="error" showIcon title={errorMessageOf(rendered.error, t)} /> : null}
      {rendered.isPending && request !== null ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {data ? (
        <>
          <Input.TextArea
            aria-label={t('messages.dialogTitle')}
            data-testid="message-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 4 }}
            maxLength={2000}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('messages.editHint')}
          </Typography.Text>
          <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
            <Typography.Text id="message-channel-label">{t('messages.channel')}</Typography.Text>
            <Radio.Group
              aria-labelledby="message-channel-label"
              optionType="button"
              size="small"
              value={channel}
              onChange={(e) => setChannel(e.target.value as FollowUpChannel)}
              options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: labelOf(followUpChannelLabels, c, locale) }))}
            />
          </Flex>
        </>
      ) : null}
    </Modal>
  );
}
