import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { NotificationList } from './NotificationList.tsx';
import { useNotificationEvents } from './useNotificationEvents.ts';

/** The header's bell: unread count, and a drawer with the notification centre. */
export function NotificationBell() {
  const { t } = useI18n();
  useNotificationEvents();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useApiQuery('notifications:list', { unreadOnly, limit: 100 });
  const markAll = useApiMutation('notifications:markRead');
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label={t('notifications.bell', { n: unread })}
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title={unread > 0 ? t('notifications.drawerUnread', { n: unread }) : t('nav.notifications')}
        open={open}
        onClose={() => setOpen(false)}
        size={560}
        extra={
          <Flex gap={8}>
            <Segmented
              size="small"
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(v) => setUnreadOnly(v === 'unread')}
              options={[
                { value: 'all', label: t('notifications.all') },
                { value: 'unread', label: t('notifications.unread') },
              ]}
            />
            <Button size="small" disabled={unread === 0} onClick={() => markAll.mutate({ all: true })}>
              {t('notifications.markAllRead')}
            </Button>
          </Flex>
        }
      >
        <NotificationList items={list.data?.items ?? []} loading={list.isPending} onNavigate={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
