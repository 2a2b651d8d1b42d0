import { Card, Typography } from 'antd';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const DEFINITIONS: MessageKey[] = ['reports.defDue', 'reports.defEarly', 'reports.defGap', 'reports.defUnknown', 'reports.defRates'];

/** How the numbers are counted, written where they are read (the same rules as the README and `renewal-desk report`). */
export function ReportDefinitions() {
  const { t } = useI18n();
  return (
    <Card title={t('reports.definitionsTitle')} size="small" className="report-card" style={{ marginTop: 16 }}>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {DEFINITIONS.map((key) => (
          <li key={key}>
            <Typography.Text>{t(key)}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
