import { Card, Col, Flex, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useApiQuery } from '../../api/useApi.ts';
import { NotFoundResult } from '../../components/NotFoundResult.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ContactsCard } from './ContactsCard.tsx';
import { ContractsCard } from './ContractsCard.tsx';
import { CustomerBasicsCard } from './CustomerBasicsCard.tsx';
import { CustomerEditModal } from './CustomerEditModal.tsx';
import { CustomerHeader } from './CustomerHeader.tsx';
import { FollowUpsCard } from './FollowUpsCard.tsx';
import { LifecycleCard } from './LifecycleCard.tsx';
import { HealthCard } from './HealthCard.tsx';
import { OpenComplaintsCard } from '../../components/complaints/OpenComplaintsCard.tsx';
import { SurveyCard } from './SurveyCard.tsx';
import { SignalsCard } from './signals/SignalsCard.tsx';
import { LoyaltyCard } from './LoyaltyCard.tsx';
import { RenewalOfferCard } from './RenewalOfferCard.tsx';
import { errorMessageOf } from '../../api/ApiCallError.ts';

export function CustomerDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const detail = useApiQuery('customers:get', { id });
  const [editing, setEditing] = useState(false);

  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (detail.isError) {
    if (detail.error.code === 'NOT_FOUND') {
      return <NotFoundResult title={t('customer.notFound')} subtitle={errorMessageOf(detail.error, t)} />;
    }
    return <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }

  const customer = detail.data;
  return (
    <>
      <CustomerHeader customer={customer} onEdit={() => setEditing(true)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <CustomerBasicsCard customer={customer} />
            <ContactsCard customerId={customer.id} contacts={customer.contacts} />
            <ContractsCard customerId={customer.id} customerName={customer.name} contracts={customer.contracts} />
            <SignalsCard customerId={customer.id} contracts={customer.contracts} />
            <RenewalOfferCard customerId={customer.id} contracts={customer.contracts} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <HealthCard customerId={customer.id} />
            <SurveyCard customerId={customer.id} />
            <LifecycleCard customerId={customer.id} />
            <OpenComplaintsCard customerId={customer.id} />
            <FollowUpsCard customerId={customer.id} contracts={customer.contracts} />
            <LoyaltyCard customerId={customer.id} />
          </Flex>
        </Col>
      </Row>
      <CustomerEditModal customer={customer} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}

