import { App, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import type { Region } from '../../app/api/types';
import { addRegion } from './regions.api';

interface Values {
  code: string;
  name: string;
}

/** Townships (9-digit codes) hang on counties, villages (12-digit) on townships: 3 more digits each. */
export function AddRegionModal({
  parent,
  open,
  onClose,
  onAdded,
}: {
  parent: Region;
  open: boolean;
  onClose: () => void;
  onAdded: (region: Region) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const childKind = parent.level === 'county' ? '乡镇（街道）' : '村（社区）';

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const region = await addRegion({ code: `${parent.code}${values.code}`, name: values.name.trim() });
      message.success(`已添加${childKind}：${region.name}`);
      form.resetFields();
      onAdded(region);
    } catch (error) {
      if (!showOnFormFields(error, form, ['code', 'name'])) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`在「${parent.name}」下新增${childKind}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="区划代码" required extra={`完整代码 = 上级代码 ${parent.code} + 3 位数字`}>
          <Space.Compact block>
            <Space.Addon>{parent.code}</Space.Addon>
            <Form.Item
              name="code"
              noStyle
              rules={[
                { required: true, message: '请输入 3 位数字' },
                { pattern: /^\d{3}$/, message: '请输入 3 位数字' },
              ]}
            >
              <Input maxLength={3} inputMode="numeric" placeholder="例如 101" aria-label="区划代码后三位" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input maxLength={60} placeholder={parent.level === 'county' ? '例如 龙港镇' : '例如 杏园社区'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
