import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessageOf } from '../api/ApiCallError.ts';

interface Props {
  error: Error;
  onRetry?: () => void;
}

export function QueryErrorAlert({ error, onRetry }: Props) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorMessageOf(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
