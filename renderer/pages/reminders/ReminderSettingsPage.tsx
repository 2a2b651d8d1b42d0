import { Col, Row, Spin } from 'antd';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { LadderCard } from './LadderCard.tsx';
import { ScheduleCard } from './ScheduleCard.tsx';
import { TemplatesCard } from './TemplatesCard.tsx';

/** 提醒规则: when each tier is reminded, at what time, in what words. */
export function ReminderSettingsPage() {
  const settings = useApiQuery('reminders:getSettings', {});
  return (
    <>
      <PageHeader title="提醒规则" subtitle="提醒阶梯、提醒时间、工作日顺延与提醒模板；修改后所有待提醒节点会立即重新计算" />
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
