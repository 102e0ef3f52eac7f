import { ConfigProvider, Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../auth/session';
import { DASHBOARD, DASHBOARD_ICON, NAV_GROUPS } from '../navigation';

type Item = NonNullable<MenuProps['items']>[number];

/** The side navigation: only the entries the user may open, grouped by stage of the yearly cycle. */
/** Dense rows let the whole yearly cycle fit beside the page on a 1366×768 laptop. */
const DENSE = { components: { Menu: { itemHeight: 32, itemMarginBlock: 1, groupTitleLineHeight: '16px' } } };

export function NavMenu({ onNavigate, dense = false }: { onNavigate?: () => void; dense?: boolean }) {
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: Item[] = [];
  if (can(DASHBOARD.permission))
    items.push({ key: DASHBOARD.path, icon: DASHBOARD_ICON, label: DASHBOARD.label });
  for (const group of NAV_GROUPS) {
    const pages = group.pages.filter((p) => can(p.permission));
    if (pages.length === 0) continue;
    items.push({
      type: 'group',
      key: group.key,
      label: (
        <span className="nav-group-label">
          {group.icon} {group.label}
        </span>
      ),
      children: pages.map((p) => ({ key: p.path, label: p.label })),
    });
  }

  const selected = [...items]
    .flatMap((i) => (i && 'children' in i && i.children ? i.children : [i]))
    .map((i) => String(i?.key))
    .filter((key) => key === pathname || (key !== '/' && pathname.startsWith(`${key}/`)));

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  return (
    <nav aria-label="主导航">{dense ? <ConfigProvider theme={DENSE}>{menu}</ConfigProvider> : menu}</nav>
  );
}
