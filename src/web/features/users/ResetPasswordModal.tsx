import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import type { UserRow } from '../../app/api/types';
import { PASSWORD_HINT } from './roles';
import { updateUser } from './users.api';

/** A new password ends every session of that user; they must sign in again. */
export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const submit = async ({ password }: { password: string }) => {
    setSaving(true);
    try {
      await updateUser(user.id, { password });
      message.success(`已重置 ${user.displayName} 的密码，请当面或电话告知本人`);
      onClose();
    } catch (error) {
      if (!showOnFormFields(error, form, ['password'])) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`重置密码：${user.displayName}（${user.username}）`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="重置"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="新密码"
          name="password"
          extra={PASSWORD_HINT}
          rules={[{ required: true, message: '请输入新密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
