import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Form, Skeleton } from 'antd';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { FollowUpFields } from '../../components/followUps/FollowUpFields.tsx';
import { FollowUpTimeline } from '../../components/followUps/FollowUpTimeline.tsx';
import { FOLLOW_UP_DEFAULTS, FOLLOW_UP_FIELD_MAP, toFollowUpInput, type FollowUpValues } from '../../components/followUps/followUpValues.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  customerId: string;
  contracts: Contract[];
}

export function FollowUpsCard({ customerId, contracts }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<FollowUpValues>();
  const timeline = useApiQuery('followups:list', { customerId, limit: 200 });
  const renewalEvents = useApiQuery('renewals:events', { customerId, limit: 200 });
  const create = useApiMutation('followups:create');

  const submit = useFormSubmit(form, {
    fields: FOLLOW_UP_FIELD_MAP,
    save: (v: FollowUpValues) => create.mutateAsync(toFollowUpInput(customerId, v)),
    successMessage: () => t('followUp.saved'),
    onSaved: () => form.resetFields(),
  });

  return (
    <Card title={t('followUp.cardTitle')}>
      <Form<FollowUpValues> form={form} name="followUp" layout="vertical" initialValues={FOLLOW_UP_DEFAULTS} onFinish={submit.onFinish}>
        <FollowUpFields form={form} contracts={contracts.filter((c) => c.status === 'active')} />
        <Flex justify="end">
          <Button type="primary" htmlType="submit" icon={<EditOutlined />} loading={submit.submitting}>
            {t('followUp.submit')}
          </Button>
        </Flex>
      </Form>
      <Divider titlePlacement="start" plain>
        {t('followUp.timeline', { n: (timeline.data?.total ?? 0) + (renewalEvents.data?.items.length ?? 0) })}
      </Divider>
      {timeline.isPending ? (
        <Skeleton active />
      ) : timeline.isError ? (
        <QueryErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : (
        <FollowUpTimeline items={timeline.data.items} events={renewalEvents.data?.items ?? []} />
      )}
    </Card>
  );
}
