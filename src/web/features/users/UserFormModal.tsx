import { App, Form, Input, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import type { UserRow } from '../../app/api/types';
import { GrantsEditor } from './GrantsEditor';
import { PASSWORD_HINT } from './roles';
import { createUser, type GrantInput, updateUser } from './users.api';

interface Values {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  grants: GrantInput[];
}

const FIELDS = [
  'username',
  'displayName',
  'password',
  'phone',
  'grants',
  'grants.*.role',
  'grants.*.regionCode',
  'grants.*.unitId',
];

/** Creates an account with its roles, or edits the name, phone and roles of one. */
export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user?: UserRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const maskedPhone = Boolean(user?.phone?.includes('*'));
  const known = useMemo(
    () => (user?.grants ?? []).map((g) => ({ code: g.regionCode, name: g.regionName ?? g.regionCode })),
    [user],
  );

  const submit = async (values: Values) => {
    setSaving(true);
    const grants = (values.grants ?? []).map((g) => ({
      role: g.role,
      regionCode: g.regionCode,
      unitId: g.unitId ?? null,
    }));
    // A masked number is not ours to send back: leave the stored one alone.
    const phone = maskedPhone ? undefined : values.phone?.trim() || null;
    try {
      if (user) {
        await updateUser(user.id, { displayName: values.displayName.trim(), phone, grants });
        message.success(`已保存用户：${values.displayName}`);
      } else {
        const created = await createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          phone: phone ?? null,
          grants,
        });
        message.success(`已创建用户：${created.username}`);
      }
      onSaved();
    } catch (error) {
      if (!showOnFormFields(error, form, FIELDS)) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? {
                displayName: user.displayName,
                phone: maskedPhone ? undefined : (user.phone ?? ''),
                grants: user.grants.map((g) => ({
                  role: g.role,
                  regionCode: g.regionCode,
                  unitId: g.unitId ?? undefined,
                })),
              }
            : { grants: [{}] }
        }
      >
        {!user && (
          <Form.Item
            label="用户名"
            name="username"
            extra="登录用，字母开头，3–32 位字母、数字、下划线、点或连字符"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              {
                pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
                message: '用户名须以字母开头，3–32 位字母、数字、下划线、点或连字符',
              },
            ]}
          >
            <Input autoComplete="off" placeholder="例如 zjj.wang" />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        {!user && (
          <Form.Item
            label="初始密码"
            name="password"
            extra={PASSWORD_HINT}
            rules={[{ required: true, message: '请输入初始密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {maskedPhone ? (
          <Form.Item label="电话" extra="电话号码已脱敏显示，无权修改">
            <Input value={user?.phone ?? ''} disabled />
          </Form.Item>
        ) : (
          <Form.Item label="电话" name="phone">
            <Input inputMode="tel" placeholder="手机或座机，可不填" />
          </Form.Item>
        )}
        <Form.Item label="角色与管辖范围" required style={{ marginBottom: 0 }}>
          <GrantsEditor form={form} known={known} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
