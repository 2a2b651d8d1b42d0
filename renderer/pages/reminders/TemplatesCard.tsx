import { App, Button, Card, Flex, Input, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReminderSettings } from '../../../shared/api/reminders.contract.ts';
import { TIERS, type Tier } from '../../../shared/domain/enums.ts';
import { labelOf, tierLabels } from '../../../shared/i18n/enumLabels.ts';
import { DEFAULT_TEMPLATES, MERGE_FIELDS, renderTemplate, SAMPLE_MERGE_VALUES, unknownMergeFields } from '../../../shared/reminders/reminderTemplate.ts';
import { useApiMutation } from '../../api/useApi.ts';

/** The words of each tier's reminder, with merge fields and a live preview on sample data. */
export function TemplatesCard({ settings }: { settings: ReminderSettings }) {
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<Record<Tier, string>>(settings.templates);
  const [tier, setTier] = useState<Tier>('vip');
  const save = useApiMutation('reminders:setSettings');
  useEffect(() => setTemplates(settings.templates), [settings.templates]);
  const unknown = unknownMergeFields(templates[tier]);
  const set = (text: string) => setTemplates((t) => ({ ...t, [tier]: text }));

  return (
    <Card
      title="提醒模板"
      extra={
        <Button type="primary" loading={save.isPending} disabled={TIERS.some((t) => templates[t].trim() === '')} onClick={() => save.mutate({ templates }, { onSuccess: () => void message.success('模板已保存，之后的提醒使用新措辞') })}>
          保存模板
        </Button>
      }
    >
      <Tabs activeKey={tier} onChange={(k) => setTier(k as Tier)} items={TIERS.map((t) => ({ key: t, label: labelOf(tierLabels, t) }))} />
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">插入字段：</Typography.Text>
        {MERGE_FIELDS.map((f) => (
          <Tag key={f} style={{ cursor: 'pointer' }} onClick={() => set(`${templates[tier]}{${f}}`)}>
            {`{${f}}`}
          </Tag>
        ))}
      </Flex>
      <Input.TextArea aria-label={`${labelOf(tierLabels, tier)} 模板`} value={templates[tier]} onChange={(e) => set(e.target.value)} autoSize={{ minRows: 3 }} maxLength={500} showCount />
      {unknown.length > 0 ? <Typography.Text type="warning">未知字段：{unknown.map((u) => `{${u}}`).join('、')}（将原样显示）</Typography.Text> : null}
      <Card size="small" type="inner" title="实时预览" style={{ marginTop: 16 }} extra={<Button size="small" type="link" onClick={() => set(DEFAULT_TEMPLATES[tier])}>恢复默认</Button>}>
        <Typography.Paragraph data-testid="template-preview" style={{ marginBottom: 0 }}>
          {renderTemplate(templates[tier], SAMPLE_MERGE_VALUES)}
        </Typography.Paragraph>
      </Card>
    </Card>
  );
}
