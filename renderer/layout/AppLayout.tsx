import { Layout } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { BusyBanner } from './BusyBanner.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { SideMenu } from './SideMenu.tsx';

export const FOCUS_SEARCH_EVENT = 'renewal-desk:focus-search';

/** Ctrl/Cmd+K jumps to the customer search from anywhere. */
function useSearchShortcut(): void {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'k') return;
      e.preventDefault();
      if (location.pathname !== '/customers') void navigate('/customers', { state: { focusSearch: true } });
      else window.dispatchEvent(new Event(FOCUS_SEARCH_EVENT));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, location.pathname]);
}

export function AppLayout() {
  useSearchShortcut();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout hasSider>
        <SideMenu />
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <div style={{ maxWidth: 1400, margin: '0 auto' }}>
            <ConnectionBanner />
            <BusyBanner />
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
