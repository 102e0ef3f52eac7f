import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { SUGGESTION_FIELDS } from '../../../modules/suggestions/lexicon.rules';
import { CHANNEL_LABELS } from '../../../modules/suggestions/suggestion-sheet.rules';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';

const STAFF_CHANNELS = ['hotline', 'letter', 'wechat', 'deputy', 'visit', 'qrcode', 'other'] as const;
const FIELDS = ['channel', 'text', 'externalRef', 'submittedAt', 'name', 'phone', 'field'];

/** 录入: a suggestion from another channel, typed in by the coordinator. */
export function EntryButton({
  onAdd,
  onDone,
}: {
  onAdd: (input: Record<string, unknown>) => Promise<{ trackingCode: string }>;
  onDone: () => unknown;
}) {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();

  async function save(values: Record<string, string | undefined>) {
    setSaving(true);
    try {
      const { trackingCode } = await onAdd({ ...values, submittedAt: values.submittedAt || null });
      setOpen(false);
      form.resetFields();
      await onDone();
      modal.success({ title: '已录入', content: `查询码 ${trackingCode}，可告知群众凭码查询答复。` });
    } catch (e) {
      if (!showOnFormFields(e, form, FIELDS)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        录入建议
      </Button>
      <Modal
        title="录入其他渠道的建议"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ channel: 'hotline' }}>
          <Form.Item name="channel" label="渠道" rules={[{ required: true }]}>
            <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="text" label="建议内容" rules={[{ required: true, message: '请填写建议内容' }]}>
            <Input.TextArea rows={4} showCount maxLength={2000} />
          </Form.Item>
          <Form.Item name="externalRef" label="编号（如 12345 工单号，可不填）">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="submittedAt" label="来件日期（不填为今天）">
            <Input type="date" />
          </Form.Item>
          <Form.Item name="name" label="群众姓名（可不填）">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label="联系电话（可不填，不公开）">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="field" label="领域（可不选）">
            <Select allowClear options={SUGGESTION_FIELDS.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
