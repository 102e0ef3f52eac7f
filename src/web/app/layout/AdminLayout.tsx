import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ALL_PAGES } from '../navigation';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';
import './layout.css';

const { Header, Sider, Content } = Layout;

function usePageTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    const page = ALL_PAGES.find((p) => p.path === pathname);
    document.title = page ? `${page.title ?? page.label} · 民生实事` : '民生实事 · 管理后台';
  }, [pathname]);
}

/** Header, side navigation (a drawer on phones and small tablets) and the page. */
export function AdminLayout() {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a desktop.
  const narrow = screens.lg === false;
  const phone = screens.sm === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  usePageTitle();

  return (
    <Layout className="admin-layout">
      <Header className="admin-header">
        {narrow && (
          <Button
            type="text"
            className="admin-header-menu-button"
            icon={<MenuOutlined />}
            aria-label="打开导航菜单"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="admin-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="admin-brand-name">民生实事</span>
          {!phone && <span className="admin-brand-sub">管理后台</span>}
        </Link>
        <div className="admin-header-spacer" />
        <UserMenu compact={narrow} />
      </Header>
      <Layout>
        {!narrow && (
          <Sider width={224} className="admin-sider">
            <NavMenu dense />
          </Sider>
        )}
        <Content className={phone ? 'admin-content admin-content-phone' : 'admin-content'}>
          <Suspense
            fallback={
              <div className="full-page-center">
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {narrow && (
        <Drawer
          placement="left"
          size={264}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title="民生实事"
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
