import { Tag } from 'antd';
import type { ComplaintSeverity, ComplaintStep } from '../../../shared/domain/complaints.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const STEP_COLORS: Record<ComplaintStep, string> = { accepted: 'blue', investigating: 'geekblue', handling: 'purple', feedback: 'gold', closed: 'green' };
const SEVERITY_COLORS: Record<ComplaintSeverity, string> = { normal: 'default', serious: 'orange', urgent: 'red' };

export function ComplaintStepTag({ step }: { step: ComplaintStep }) {
  const { t } = useI18n();
  return <Tag color={STEP_COLORS[step]}>{t(`complaints.step.${step}`)}</Tag>;
}

export function ComplaintSeverityTag({ severity }: { severity: ComplaintSeverity }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`complaints.severity.${severity}`)}</Tag>;
}

/** 已超时, dark red on light (readable for axe). */
export function OverdueTag() {
  const { t } = useI18n();
  return <Tag color="error">{t('complaints.overdue')}</Tag>;
}
