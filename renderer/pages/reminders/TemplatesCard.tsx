import { App, Button, Card, Flex, Input, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { isBuiltinTier, type Tier } from '../../../shared/domain/enums.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { defaultTemplates, mergeFieldNames, renderTemplate, sampleMergeValues, unknownMergeFields } from '../../../shared/reminders/reminderTemplate.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';

/** The words of each tier's reminder, with merge fields and a live preview on sample data. */
export function TemplatesCard({ settings }: { settings: ReminderSettings }) {
  const { t, locale } = useI18n();
  const { tiers, label: tierName } = useTiers();
  const codes = tiers.map((x) => x.code);
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<ReminderSettings['templates']>(settings.templates);
  const [tier, setTier] = useState<Tier>('vip');
  const save = useApiMutation('reminders:setSettings');
  useEffect(() => setTemplates(settings.templates), [settings.templates]);
  // A tier the table added after the settings were read starts with 普通's template, as the service gives it.
  const textOf = (x: Tier) => templates[x] ?? templates.normal;
  const unknown = unknownMergeFields(textOf(tier));
  const set = (text: string) => setTemplates((all) => ({ ...all, [tier]: text }));

  return (
    <Card
      title={t('templates.cardTitle')}
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          disabled={codes.some((x) => textOf(x).trim() === '')}
          onClick={() => save.mutate({ templates }, { onSuccess: () => void message.success(t('templates.saved')) })}
        >
          {t('templates.save')}
        </Button>
      }
    >
      <Tabs activeKey={tier} onChange={(k) => setTier(codes.find((x) => x === k) ?? 'vip')} items={codes.map((x) => ({ key: x, label: tierName(x) }))} />
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('templates.insert')}</Typography.Text>
        {mergeFieldNames(locale).map((f) => (
          <Tag key={f} style={{ cursor: 'pointer' }} onClick={() => set(`${textOf(tier)}{${f}}`)}>
            {`{${f}}`}
          </Tag>
        ))}
      </Flex>
      <Input.TextArea
        aria-label={t('templates.of', { tier: tierName(tier) })}
        value={textOf(tier)}
        onChange={(e) => set(e.target.value)}
        autoSize={{ minRows: 3 }}
        maxLength={500}
        showCount
      />
      {unknown.length > 0 ? (
        <Typography.Text type="warning">
          {t('templates.unknown', { fields: joinWith(t, 'common.enumeration', unknown.map((u) => `{${u}}`)) })}
        </Typography.Text>
      ) : null}
      <Card
        size="small"
        type="inner"
        title={t('templates.preview')}
        style={{ marginTop: 16 }}
        extra={
          <Button size="small" type="link" onClick={() => set(defaultTemplates(locale)[isBuiltinTier(tier) ? tier : 'normal'])}>
            {t('common.resetDefault')}
          </Button>
        }
      >
        <Typography.Paragraph data-testid="template-preview" style={{ marginBottom: 0 }}>
          {renderTemplate(textOf(tier), sampleMergeValues(locale))}
        </Typography.Paragraph>
      </Card>
    </Card>
  );
}
