import { App, Button, Card, Flex, Input, Segmented, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isBuiltinTier, type Tier } from '../../../shared/domain/enums.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { defaultMessageTemplate, MESSAGE_KINDS, sampleCareValues, withoutBlankParts, type MessageKind } from '../../../shared/messages/customerMessages.ts';
import { careMergeFieldNames, renderCareMessage, sampleMergeValues, unknownCareFields } from '../../../shared/reminders/reminderTemplate.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Messages to the customer (issue 14): one wording per tier and kind, with merge fields and a live preview. */
export function MessageTemplatesCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { tiers, label: tierName } = useTiers();
  const list = useApiQuery('messages:templates', {});
  const [tier, setTier] = useState<Tier>('vip');
  const [kind, setKind] = useState<MessageKind>('birthday');
  const stored = list.data?.items.find((i) => i.tier === tier && i.kind === kind);
  const [text, setText] = useState('');
  useEffect(() => setText(stored?.body ?? ''), [stored?.body]);
  const onError = (e: Parameters<typeof errorMessageOf>[0]) => void message.error(errorMessageOf(e, t));
  const save = useApiMutation('messages:setTemplate', { onError });
  const sample = { ...sampleMergeValues(locale), ...sampleCareValues(locale) };
  const unknown = unknownCareFields(text);

  return (
    <Card
      title={t('messages.settings.title')}
      loading={list.isPending}
      extra={stored ? <Tag color={stored.isDefault ? 'default' : 'blue'}>{t(stored.isDefault ? 'messages.settings.default' : 'messages.settings.custom')}</Tag> : null}
    >
      <Typography.Paragraph type="secondary">{t('messages.settings.intro')}</Typography.Paragraph>
      <Tabs activeKey={tier} onChange={(k) => setTier(k)} items={tiers.map((x) => ({ key: x.code, label: tierName(x.code) }))} />
      <Segmented<MessageKind>
        aria-label={t('messages.settings.kind')}
        value={kind}
        onChange={setKind}
        options={MESSAGE_KINDS.map((k) => ({ value: k, label: t(`messages.kind.${k}`) }))}
        style={{ marginBottom: 12 }}
      />
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('messages.settings.fields')}</Typography.Text>
        {careMergeFieldNames(locale).map((f) => (
          <Tag key={f} style={{ cursor: 'pointer' }} onClick={() => setText((x) => `${x}{${f}}`)}>
            {`{${f}}`}
          </Tag>
        ))}
      </Flex>
      <Input.TextArea
        aria-label={`${tierName(tier)} · ${t(`messages.kind.${kind}`)}`}
        data-testid="message-template"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3 }}
        maxLength={2000}
        showCount
      />
      {unknown.length > 0 ? (
        <Typography.Text type="warning">
          {t('messages.settings.unknown', { fields: joinWith(t, 'common.enumeration', unknown.map((u) => `{${u}}`)) })}
        </Typography.Text>
      ) : null}
      <Card size="small" type="inner" title={t('messages.settings.preview')} style={{ marginTop: 16 }}>
        <Typography.Paragraph data-testid="message-template-preview" style={{ marginBottom: 0 }}>
          {renderCareMessage(withoutBlankParts(text, sample), sample)}
        </Typography.Paragraph>
      </Card>
      <Flex gap={8} justify="end" style={{ marginTop: 12 }}>
        <Button
          disabled={stored?.isDefault ?? true}
          onClick={() =>
            save.mutate(
              { tier, kind, template: null },
              {
                onSuccess: () => {
                  setText(defaultMessageTemplate(isBuiltinTier(tier) ? tier : 'normal', kind, locale));
                  void message.success(t('messages.settings.resetDone'));
                },
              },
            )
          }
        >
          {t('messages.settings.reset')}
        </Button>
        <Button
          type="primary"
          loading={save.isPending}
          disabled={text.trim() === '' || text === stored?.body}
          onClick={() => save.mutate({ tier, kind, template: text }, { onSuccess: () => void message.success(t('messages.settings.saved')) })}
        >
          {t('messages.settings.save')}
        </Button>
      </Flex>
    </Card>
  );
}
