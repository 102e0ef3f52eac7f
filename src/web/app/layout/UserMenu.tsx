import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/form-errors';
import type { SessionGrant } from '../api/types';
import { useSession, useSessionActions } from '../auth/session';

export function grantText(g: SessionGrant): string {
  return [g.roleLabel, g.regionName ?? g.regionCode, g.unitName].filter(Boolean).join(' · ');
}

/** The current user in the header: who they are, what roles they hold, and the way out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const session = useSession();
  const { logout } = useSessionActions();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const roleLabels = [...new Set(session.grants.map((g) => g.roleLabel))].join('、');

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="user-menu-who">
          <strong>{session.user.displayName}</strong>
          <span>账号：{session.user.username}</span>
          {session.grants.map((g) => (
            <span key={`${g.role}-${g.regionCode}-${g.unitId ?? ''}`}>{grantText(g)}</span>
          ))}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key !== 'logout') return;
    // A toast from this session ("已创建用户…") must not greet the next person.
    message.destroy();
    try {
      await logout();
    } catch (error) {
      message.warning(errorMessage(error));
    }
    navigate('/login', { replace: true });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button
        type="button"
        className="user-menu-trigger"
        aria-label={`当前用户：${session.user.displayName}`}
      >
        <Avatar size="small" icon={<UserOutlined />} className="user-menu-avatar" />
        <span className="user-menu-name">{session.user.displayName}</span>
        {!compact && roleLabels && <span className="user-menu-roles">{roleLabels}</span>}
      </button>
    </Dropdown>
  );
}
