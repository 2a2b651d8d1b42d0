import { Button, Card } from 'antd';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { NotificationList } from '../../components/notifications/NotificationList.tsx';

/** The whole history, where the tray menu and a digest toast lead. */
export function NotificationsPage() {
  const [limit, setLimit] = useState(50);
  const list = useApiQuery('notifications:list', { limit }, { keepPrevious: true });
  const markAll = useApiMutation('notifications:markRead');
  return (
    <>
      <PageHeader
        title="通知中心"
        subtitle={`共 ${list.data?.total ?? 0} 条提醒，${list.data?.unread ?? 0} 条未读`}
        extra={
          <Button disabled={(list.data?.unread ?? 0) === 0} onClick={() => markAll.mutate({ all: true })}>
            全部标为已读
          </Button>
        }
      />
      {list.error ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <NotificationList items={list.data?.items ?? []} loading={list.isPending} />
        {list.data && list.data.total > list.data.items.length ? (
          <Button block onClick={() => setLimit((n) => Math.min(n + 50, 500))}>
            加载更多
          </Button>
        ) : null}
      </Card>
    </>
  );
}
