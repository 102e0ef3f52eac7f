import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import type { UserRow } from '../../app/api/types';
import { useCan, useSession } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { ResetPasswordModal } from './ResetPasswordModal';
import { ROLE_LABELS } from './roles';
import { UserFormModal } from './UserFormModal';
import { USERS_KEY, type UserPatch, updateUser, useUsers } from './users.api';
import './users.css';

function Status({ user }: { user: UserRow }) {
  if (!user.active) return <Tag>已停用</Tag>;
  if (user.locked) return <Tag color="orange">已锁定</Tag>;
  return <Tag color="green">正常</Tag>;
}

function Grants({ user }: { user: UserRow }) {
  if (user.grants.length === 0) return <span>—</span>;
  return (
    <div className="grant-tags">
      {user.grants.map((g) => (
        <Tag key={`${g.role}-${g.regionCode}-${g.unitId ?? ''}`} color="blue">
          {[ROLE_LABELS[g.role] ?? g.role, g.regionName ?? g.regionCode, g.unitName]
            .filter(Boolean)
            .join(' · ')}
        </Tag>
      ))}
    </div>
  );
}

const COLUMNS: Column<UserRow>[] = [
  { key: 'username', title: '用户名', render: (u) => u.username },
  { key: 'displayName', title: '姓名', render: (u) => u.displayName, hideOnCard: true },
  { key: 'phone', title: '电话', render: (u) => u.phone ?? '—' },
  { key: 'grants', title: '角色', render: (u) => <Grants user={u} /> },
  { key: 'status', title: '状态', render: (u) => <Status user={u} /> },
];

export function UsersPage() {
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const users = useUsers();
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const manage = can('user.manage');

  const patch = async (user: UserRow, change: UserPatch, done: string) => {
    try {
      await updateUser(user.id, change);
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actions = (u: UserRow) => (
    <div className="row-actions">
      <Button size="small" onClick={() => setEditing(u)}>
        编辑
      </Button>
      <Button size="small" onClick={() => setResetting(u)}>
        重置密码
      </Button>
      {u.locked && (
        <Button size="small" onClick={() => patch(u, { unlock: true }, `已解锁 ${u.displayName}`)}>
          解锁
        </Button>
      )}
      {u.active ? (
        <Popconfirm
          title="停用账号"
          description={
            u.id === session.user.id
              ? '这是您自己的账号，停用后将立即退出。确定停用？'
              : `停用后 ${u.displayName} 将无法登录。确定停用？`
          }
          okText="停用"
          cancelText="取消"
          onConfirm={() => patch(u, { active: false }, `已停用 ${u.displayName}`)}
        >
          <Button size="small" danger>
            停用
          </Button>
        </Popconfirm>
      ) : (
        <Button size="small" onClick={() => patch(u, { active: true }, `已启用 ${u.displayName}`)}>
          启用
        </Button>
      )}
    </div>
  );

  return (
    <>
      <PageHeading
        title="用户管理"
        description="为民生办、部门、人大代表和上级开通账号，并按地区和单位授予角色。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建用户
            </Button>
          )
        }
      />
      <Card size="small">
        {users.error && (
          <Alert type="error" showIcon title={errorMessage(users.error)} style={{ marginBottom: 12 }} />
        )}
        <ResponsiveTable<UserRow>
          label="用户列表"
          rows={users.data?.items}
          loading={users.isFetching}
          rowKey={(u) => u.id}
          columns={COLUMNS}
          cardTitle={(u) => u.displayName}
          emptyText="暂无用户"
          actions={manage ? actions : undefined}
        />
      </Card>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            queryClient.invalidateQueries({ queryKey: USERS_KEY });
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
