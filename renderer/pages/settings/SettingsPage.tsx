import { Col, Row } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { BackupsCard } from './BackupsCard.tsx';
import { DataCard } from './DataCard.tsx';
import { LanguageCard } from './LanguageCard.tsx';
import { OwnersCard } from './OwnersCard.tsx';
import { TierRulesCard } from './TierRulesCard.tsx';
import { TierTableCard } from './tiers/TierTableCard.tsx';
import { UsageUnitCard } from './UsageUnitCard.tsx';
import { HealthWeightsCard } from './HealthWeightsCard.tsx';
import { GreetingSettingsCard } from './GreetingSettingsCard.tsx';
import { MessageTemplatesCard } from './MessageTemplatesCard.tsx';
import { MailCard } from './MailCard.tsx';
import { AccountsCard } from './AccountsCard.tsx';
import { TeamDatabaseCard } from './TeamDatabaseCard.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      <Row gutter={[16, 16]}>
        {/* Team mode only (nothing at all on a SQLite archive): who is signed in, and the admin's accounts. */}
        <AccountsCard />
        <Col xs={24} xl={8}>
          <LanguageCard />
        </Col>
        <Col xs={24} xl={16}>
          <DataCard />
        </Col>
        <Col xs={24} xl={14}>
          <BackupsCard />
        </Col>
        <Col xs={24} xl={10}>
          <OwnersCard />
        </Col>
        <Col xs={24}>
          <TierTableCard />
        </Col>
        <Col xs={24}>
          <TierRulesCard />
        </Col>
        <Col xs={24} xl={8}>
          <UsageUnitCard />
        </Col>
        <Col xs={24}>
          <HealthWeightsCard />
        </Col>
        <Col xs={24} xl={16}>
          <MessageTemplatesCard />
        </Col>
        <Col xs={24} xl={8}>
          <GreetingSettingsCard />
        </Col>
        <Col xs={24} xl={16}>
          <MailCard />
        </Col>
        <Col xs={24} xl={16}>
          <TeamDatabaseCard />
        </Col>
      </Row>
    </>
  );
}
