import { Button, Card } from 'antd';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { NotificationList } from '../../components/notifications/NotificationList.tsx';

/** The whole history, where the tray menu and a digest toast lead. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [limit, setLimit] = useState(50);
  const list = useApiQuery('notifications:list', { limit }, { keepPrevious: true });
  const markAll = useApiMutation('notifications:markRead');
  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        subtitle={t('notifications.pageSubtitle', { total: list.data?.total ?? 0, unread: list.data?.unread ?? 0 })}
        extra={
          <Button disabled={(list.data?.unread ?? 0) === 0} onClick={() => markAll.mutate({ all: true })}>
            {t('notifications.markAllReadPage')}
          </Button>
        }
      />
      {list.error ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <NotificationList items={list.data?.items ?? []} loading={list.isPending} />
        {list.data && list.data.total > list.data.items.length ? (
          <Button block onClick={() => setLimit((n) => Math.min(n + 50, 500))}>
            {t('notifications.loadMore')}
          </Button>
        ) : null}
      </Card>
    </>
  );
}
