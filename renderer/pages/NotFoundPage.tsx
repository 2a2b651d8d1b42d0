import { NotFoundResult } from '../components/NotFoundResult.tsx';
import { useI18n } from '../i18n/useI18n.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  return <NotFoundResult title={t('notFound.title')} subtitle={t('notFound.subtitle')} />;
}
