import { Col, Row, Spin } from 'antd';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { LadderCard } from './LadderCard.tsx';
import { ScheduleCard } from './ScheduleCard.tsx';
import { TemplatesCard } from './TemplatesCard.tsx';

/** 提醒规则: when each tier is reminded, at what time, in what words. */
export function ReminderSettingsPage() {
  const { t } = useI18n();
  const settings = useApiQuery('reminders:getSettings', {});
  return (
    <>
      <PageHeader title={t('nav.reminders')} subtitle={t('reminders.subtitle')} />
      {settings.error ? <QueryErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <LadderCard settings={settings.data} />
          </Col>
          <Col xs={24} xl={12}>
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <ScheduleCard settings={settings.data} />
              </Col>
              <Col span={24}>
                <TemplatesCard settings={settings.data} />
              </Col>
            </Row>
          </Col>
        </Row>
      ) : (
        <Spin />
      )}
    </>
  );
}
