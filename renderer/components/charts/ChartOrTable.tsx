import { Card, Segmented } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  title: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  extra?: ReactNode;
}

/** A card showing a chart, or the same numbers as a table, at the user's choice. */
export function ChartOrTable({ title, chart, table, extra }: Props) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      title={title}
      className="report-card"
      extra={
        <>
          {extra}
          <Segmented<'chart' | 'table'>
            className="no-print"
            aria-label={t('charts.view')}
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('charts.viewChart') },
              { value: 'table', label: t('charts.viewTable') },
            ]}
          />
        </>
      }
    >
      {view === 'chart' ? chart : table}
    </Card>
  );
}
