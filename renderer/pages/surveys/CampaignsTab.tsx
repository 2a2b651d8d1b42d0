import { Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, List, Progress, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { CampaignGrid } from './CampaignGrid.tsx';
import { useSurveyUndo } from './useSurveyDimensions.ts';

type Campaign = ApiOutput<'surveys:campaigns'>['items'][number];

/** Survey campaigns: the list, a new one, and the grid of the one picked. */
export function CampaignsTab() {
  const { t } = useI18n();
  const tiers = useTiers();
  const list = useApiQuery('surveys:campaigns', {});
  const [picked, setPicked] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (list.isError) return <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const current = picked ?? items[0]?.id ?? null;
  const selectionText = (c: Campaign) =>
    c.selection.by === 'tier' ? t('surveys.byTiers', { tiers: joinWith(t, 'common.enumeration', c.selection.tiers.map((x) => tiers.label(x))) }) : t('surveys.byDue', { n: c.selection.days });
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('surveys.campaignsTitle')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('surveys.newCampaign')}
          </Button>
        }
      >
        {items.length === 0 && !list.isLoading ? (
          <Empty description={t('surveys.campaignsEmpty')} />
        ) : (
          <List<Campaign>
            loading={list.isLoading}
            dataSource={items}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button key="open" size="small" type={c.id === current ? 'primary' : 'default'} onClick={() => setPicked(c.id)}>
                    {t('surveys.openGrid')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={`${c.name} · ${c.onDate}`} description={selectionText(c)} />
                <Progress
                  aria-label={t('surveys.answeredOf', { done: c.answered, total: c.customers })}
                  percent={c.customers === 0 ? 0 : Math.round((c.answered / c.customers) * 100)}
                  format={() => t('surveys.answeredOf', { done: c.answered, total: c.customers })}
                  style={{ width: 200 }}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {current ? (
        <Card title={t('surveys.gridTitle', { name: items.find((c) => c.id === current)?.name ?? '' })}>
          <CampaignGrid key={current} campaignId={current} />
        </Card>
      ) : null}
      <NewCampaignModal open={creating} onClose={() => setCreating(false)} onCreated={setPicked} />
    </Flex>
  );
}

interface Values {
  name: string;
  onDate: Dayjs | null;
  by: 'tier' | 'due';
  tiers: string[];
  days: number | null;
}

function NewCampaignModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const tiers = useTiers();
  const [form] = Form.useForm<Values>();
  const offerUndo = useSurveyUndo();
  const by = Form.useWatch('by', form);
  useEffect(() => {
    if (open) form.setFieldsValue({ name: '', onDate: dayjs().add(7, 'day'), by: 'tier', tiers: ['vip'], days: 60 });
  }, [open, form]);
  const submit = useFormSubmit(form, {
    fields: { name: 'name', onDate: 'onDate', selection: 'by' },
    save: (v: Values) =>
      invoke('surveys:createCampaign', {
        name: v.name,
        onDate: fromDayjs(v.onDate) ?? '',
        selection: v.by === 'tier' ? { by: 'tier', tiers: v.tiers } : { by: 'due', days: v.days ?? 0 },
      }),
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t('surveys.campaignCreated', { n: r.campaign.customers }), r.undoToken);
      onCreated(r.campaign.id);
      onClose();
    },
  });
  return (
    <FormModal<Values> name="surveyCampaign" title={t('surveys.newCampaign')} open={open} form={form} onCancel={onClose} onFinish={submit.onFinish} saving={submit.submitting} width={520}>
      <Typography.Paragraph type="secondary">{t('surveys.campaignHint')}</Typography.Paragraph>
      <Form.Item name="name" label={t('surveys.campaignName')} rules={[{ required: true, whitespace: true, message: t('surveys.campaignNameRequired') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="onDate" label={t('surveys.campaignDate')} rules={[{ required: true, message: t('surveys.dateRequired') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
      </Form.Item>
      <Form.Item name="by" label={t('surveys.pickBy')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'tier', label: t('surveys.pickByTier') },
            { value: 'due', label: t('surveys.pickByDue') },
          ]}
        />
      </Form.Item>
      {by === 'due' ? (
        <Form.Item name="days" label={t('surveys.dueWithin')} rules={[{ required: true, message: t('surveys.dueWithinRequired') }]}>
          <InputNumber min={1} max={366} addonAfter={t('surveys.days')} />
        </Form.Item>
      ) : (
        <Form.Item name="tiers" label={t('surveys.tiers')} rules={[{ required: true, message: t('surveys.tiersRequired') }]}>
          <Select mode="multiple" options={tiers.options} />
        </Form.Item>
      )}
    </FormModal>
  );
}
