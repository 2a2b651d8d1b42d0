import { Button, Result, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/useI18n.ts';

/** "Not found" (a page, a customer) with the way back; its title is the page's <h1>. */
export function NotFoundResult({ title, subtitle }: { title: string; subtitle: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {title}
        </Typography.Title>
      }
      subTitle={subtitle}
      extra={
        <Button type="primary" onClick={() => void navigate('/customers')}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
